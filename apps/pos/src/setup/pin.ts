// Checks a cashier's PIN on the device, offline, against the verifier in the setup snapshot:
// `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>` (the server's format; see
// apps/server/src/modules/register/pin.ts). Web Crypto has PBKDF2, so no library is needed.

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** True when `pin` matches the stored verifier; false for a wrong PIN or a verifier it cannot read. */
export async function verifyPinOffline(pin: string, stored: string): Promise<boolean> {
  const [scheme, iterationsText, saltText, hashText] = stored.split('$');
  const iterations = Number(iterationsText);
  if (
    scheme !== 'pbkdf2-sha256' ||
    !saltText ||
    !hashText ||
    !Number.isInteger(iterations) ||
    iterations < 1
  ) {
    return false;
  }
  const expected = fromBase64Url(hashText);
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64Url(saltText), iterations },
      key,
      expected.length * 8,
    ),
  );
  // Compare every byte so the time taken says nothing about where a wrong PIN differs.
  let difference = bits.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (bits[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}
