// Swedish organisation numbers (NNNNNN-NNNN): the last digit is a Luhn check digit over the first nine.

/** The Luhn check digit of a digit string: weights 2, 1, 2, … from the left, digits of products summed. */
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

/** True for 10 digits (optionally NNNNNN-NNNN) whose last digit is the Luhn check digit. */
export function isValidSwedishOrgNumber(orgNumber: string): boolean {
  const match = /^(\d{6})-?(\d{4})$/.exec(orgNumber);
  if (!match) return false;
  const digits = `${match[1]}${match[2]}`;
  return luhnCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}
