// The device's signing key for its journal: ECDSA P-256 made with Web Crypto. The private key is
// created non-extractable and kept in IndexedDB as a CryptoKey, so even this app cannot read it out.

export interface DeviceKeyPair {
  privateKey: CryptoKey;
  publicKey: JsonWebKey;
}

/** Makes a new key pair; only the public half leaves the device (at pairing). */
export async function generateDeviceKeys(): Promise<DeviceKeyPair> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const publicKey = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicKey };
}
