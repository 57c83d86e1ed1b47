// GTIN (EAN/UPC) check digits: what a scanner reads must be a real GS1 code before it names a SKU.

/** The lengths GS1 defines for a GTIN: GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14. */
export const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

/**
 * The GS1 check digit of a GTIN without its last digit (7, 11, 12 or 13 digits): weights 3, 1, 3, …
 * counted from the right, so the same rule serves every length.
 */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body) || !GTIN_LENGTHS.includes(body.length + 1)) {
    throw new RangeError(`A GTIN body is 7, 11, 12 or 13 digits, got "${body}"`);
  }
  let sum = 0;
  for (let fromRight = 0; fromRight < body.length; fromRight++) {
    sum += Number(body[body.length - 1 - fromRight]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True for 8, 12, 13 or 14 digits whose last digit is the GS1 check digit of the others. */
export function isValidGtin(code: string): boolean {
  if (!/^\d+$/.test(code) || !GTIN_LENGTHS.includes(code.length)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/**
 * The 14-digit form of a GTIN (left-padded with zeros), under which UPC-A `012345678905` and
 * EAN-13 `0012345678905` are the same article — the form uniqueness and scanner lookups compare.
 */
export function toGtin14(code: string): string {
  return code.padStart(14, '0');
}
