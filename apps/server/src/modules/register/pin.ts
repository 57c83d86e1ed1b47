// Register PINs: PBKDF2-SHA-256, so a paired register can check a PIN offline with Web Crypto
// (browsers have PBKDF2, not scrypt). Format: `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url).
// A 4-digit PIN cannot withstand brute force on a stolen device whatever the cost, so the cost is
// modest; the server's own check is throttled, and the demo seed writes this same format.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';

export const PIN_ITERATIONS = 20_000;
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    pbkdf2(pin, salt, iterations, KEY_LENGTH, 'sha256', (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Hashes a PIN with a random salt. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, PIN_ITERATIONS);
  return ['pbkdf2-sha256', PIN_ITERATIONS, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `pin` matches `stored`; compares in constant time. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split('$');
  if (scheme !== 'pbkdf2-sha256' || !salt || !hash || !Number(iterations)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(pin, Buffer.from(salt, 'base64url'), Number(iterations));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Verified against when the staff number is unknown, so an unknown number takes as long as a wrong PIN.
export const DUMMY_PIN_HASH = `pbkdf2-sha256$${PIN_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
