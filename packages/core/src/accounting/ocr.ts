// OCR references for invoices (Bankgirot's "OCR-referens"): the invoice number, optionally a length
// digit, and a Luhn (mod-10) check digit, so the bank refuses a mistyped reference at payment time.

/** Bankgirot accepts OCR references of 2 to 25 digits, check digit (and length digit) included. */
export const OCR_MIN_LENGTH = 2;
export const OCR_MAX_LENGTH = 25;

/** The Luhn check digit of a digit string: weights 2, 1, 2, … counted from the right. */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError(`Luhn input must be digits, got "${digits}"`);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts at the digit next to the (missing) check digit, i.e. from the right.
    const weight = (digits.length - i) % 2 === 1 ? 2 : 1;
    const product = Number(digits[i]) * weight;
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

export interface OcrOptions {
  /**
   * Add Bankgirot's length digit before the check digit: the last digit of the reference's total
   * length (both added digits counted), for payees whose OCR control checks length.
   */
  readonly withLengthDigit?: boolean;
}

/** Makes the OCR reference of an invoice number (digits only): number [+ length digit] + check digit. */
export function makeOcrReference(invoiceNumber: string | number, options: OcrOptions = {}): string {
  const digits = String(invoiceNumber);
  if (!/^\d+$/.test(digits))
    throw new RangeError(`An invoice number for OCR must be digits, got "${digits}"`);
  const extra = options.withLengthDigit ? 2 : 1;
  const length = digits.length + extra;
  if (length < OCR_MIN_LENGTH || length > OCR_MAX_LENGTH) {
    throw new RangeError(
      `An OCR reference is ${OCR_MIN_LENGTH}–${OCR_MAX_LENGTH} digits, this would be ${length}`,
    );
  }
  const body = options.withLengthDigit ? `${digits}${length % 10}` : digits;
  return `${body}${luhnCheckDigit(body)}`;
}

/**
 * True when `reference` is 2–25 digits whose last is the Luhn check digit of the others (and, with
 * `withLengthDigit`, whose second last is the last digit of its length). Spaces are ignored.
 */
export function isValidOcrReference(reference: string, options: OcrOptions = {}): boolean {
  const digits = reference.replace(/\s+/g, '');
  if (!/^\d+$/.test(digits) || digits.length < OCR_MIN_LENGTH || digits.length > OCR_MAX_LENGTH) return false;
  if (options.withLengthDigit && Number(digits.at(-2)) !== digits.length % 10) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}
