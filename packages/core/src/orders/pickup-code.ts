// The code a shopper shows at the counter (typed or scanned from the QR): short, and without
// characters that are easy to mix up when read aloud or typed (0/O, 1/I/L).

/** 31 characters: digits 2–9 and the capital letters without I, L and O. */
export const PICKUP_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 8 characters from 31 letters ≈ 8.5 × 10^11 codes: collisions among open orders are negligible. */
export const PICKUP_CODE_LENGTH = 8;

/** A pickup code from random bytes (one byte per character; the caller supplies the randomness). */
export function pickupCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < PICKUP_CODE_LENGTH) {
    throw new Error(`A pickup code needs ${PICKUP_CODE_LENGTH} random bytes.`);
  }
  let code = '';
  for (let i = 0; i < PICKUP_CODE_LENGTH; i++) {
    // 256 % 31 = 8: the first 8 letters are 1/256 likelier; irrelevant for a code checked by lookup.
    code += PICKUP_CODE_ALPHABET[randomBytes[i]! % PICKUP_CODE_ALPHABET.length];
  }
  return code;
}

/** The code as typed by staff, normalized (upper case, no spaces or dashes); null when it cannot be one. */
export function normalizePickupCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== PICKUP_CODE_LENGTH) return null;
  for (const ch of code) if (!PICKUP_CODE_ALPHABET.includes(ch)) return null;
  return code;
}
