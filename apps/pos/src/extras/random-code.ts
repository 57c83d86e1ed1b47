// Card and voucher numbers made on the device (offline too), from the platform's cryptographic
// random source: 32 bits per digit, so the modulo's bias (6 in 2^32) does not matter.

/** `count` random decimal digits. */
export function randomDigits(count: number): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint32Array(count)), (n) => n % 10).join('');
}
