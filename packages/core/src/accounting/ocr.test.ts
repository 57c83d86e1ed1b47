import { describe, expect, it } from 'vitest';
import { isValidOcrReference, luhnCheckDigit, makeOcrReference } from './ocr';

describe('OCR references', () => {
  // Published Luhn examples: 79927398713 (Wikipedia), a Swedish org number 556016-0680 and
  // the test card 4111 1111 1111 1111 all end in their Luhn digit.
  it.each(['79927398713', '5560160680', '4111111111111111'])('accepts the known-good %s', (reference) => {
    expect(isValidOcrReference(reference)).toBe(true);
    expect(luhnCheckDigit(reference.slice(0, -1))).toBe(Number(reference.at(-1)));
  });

  it('makes number + check digit', () => {
    expect(makeOcrReference('7992739871')).toBe('79927398713');
    expect(makeOcrReference(556016068)).toBe('5560160680');
  });

  it('adds the length digit before the check digit when asked', () => {
    // 10 digits + length digit + check digit = 12 → length digit 2.
    const reference = makeOcrReference('1234567890', { withLengthDigit: true });
    expect(reference).toHaveLength(12);
    expect(reference.slice(0, 11)).toBe('12345678902');
    expect(isValidOcrReference(reference, { withLengthDigit: true })).toBe(true);
    expect(isValidOcrReference(reference)).toBe(true);
  });

  it('refuses every single-digit change and every swap of neighbouring unlike digits', () => {
    const reference = makeOcrReference('20261203001');
    for (let i = 0; i < reference.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === reference[i]) continue;
        const changed = `${reference.slice(0, i)}${d}${reference.slice(i + 1)}`;
        expect(isValidOcrReference(changed), changed).toBe(false);
      }
    }
    expect(isValidOcrReference('79927398731')).toBe(false);
  });

  it('refuses a wrong length digit, non-digits and references outside 2–25 digits', () => {
    const reference = makeOcrReference('1234567890', { withLengthDigit: true });
    const otherLength = `${reference.slice(0, 10)}${reference.slice(11)}`;
    expect(isValidOcrReference(`9${otherLength}`, { withLengthDigit: true })).toBe(false);
    expect(isValidOcrReference('12a4')).toBe(false);
    expect(isValidOcrReference('0')).toBe(false);
    expect(isValidOcrReference('1'.repeat(26))).toBe(false);
    expect(() => makeOcrReference('12-34')).toThrow(RangeError);
    expect(() => makeOcrReference('1'.repeat(25))).toThrow(RangeError);
  });

  it('ignores spaces as printed on a giro slip', () => {
    expect(isValidOcrReference('7992 7398 713')).toBe(true);
  });
});
