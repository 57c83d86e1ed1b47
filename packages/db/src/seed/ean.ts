// EAN-13 check digits for the demo catalog (seed-only; validating scanned codes belongs in core).

/** The GS1 check digit of a 12-digit base: weights 1, 3, 1, 3, … from the left. */
export function ean13CheckDigit(base: string): number {
  if (!/^\d{12}$/.test(base)) throw new RangeError(`EAN-13 base must be 12 digits, got "${base}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(base[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** True for 13 digits whose last one is the check digit of the first twelve. */
export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** The demo prefix: 73 is GS1 Sweden; 735999 is our made-up company prefix for demo articles. */
export const DEMO_EAN_PREFIX = '735999';

/** The n-th demo EAN (n from 1 to 999,999): the prefix, n in six digits, the check digit. */
export function demoEan(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999_999)
    throw new RangeError(`demo EAN number out of range: ${n}`);
  const base = `${DEMO_EAN_PREFIX}${String(n).padStart(6, '0')}`;
  return `${base}${ean13CheckDigit(base)}`;
}
