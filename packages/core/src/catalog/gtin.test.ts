import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin, toGtin14 } from './gtin';

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

describe('gtinCheckDigit and isValidGtin', () => {
  it.each([
    ['7310865004703'], // a Swedish retail EAN-13
    ['4006381333931'], // the textbook EAN-13
    ['5901234123457'], // GS1's EAN-13 example
    ['96385074'], // GS1's EAN-8 example
    ['036000291452'], // a UPC-A
    ['10012345678902'], // a GTIN-14 case code
  ])('accepts the real code %s', (code) => {
    expect(gtinCheckDigit(code.slice(0, -1))).toBe(Number(code.at(-1)));
    expect(isValidGtin(code)).toBe(true);
  });

  it.each([
    '7310865004704', // wrong check digit
    '731086500470', // 12 digits whose last is not their check digit
    '123456789', // 9 digits is no GTIN length
    '731086500470a',
    ' 7310865004703',
    '',
  ])('refuses %j', (code) => {
    expect(isValidGtin(code)).toBe(false);
  });

  it('refuses a body that is not 7, 11, 12 or 13 digits', () => {
    expect(() => gtinCheckDigit('123456')).toThrow(RangeError);
    expect(() => gtinCheckDigit('12345678901x')).toThrow(RangeError);
  });

  it('makes every body of every length valid, and catches every single-digit typo', () => {
    const code = fc
      .constantFrom(7, 11, 12, 13)
      .chain((n) => digits(n))
      .map((body) => `${body}${gtinCheckDigit(body)}`);
    fc.assert(
      fc.property(code, fc.nat(13), fc.integer({ min: 1, max: 9 }), (valid, position, delta) => {
        expect(isValidGtin(valid)).toBe(true);
        const at = position % valid.length;
        const typo = `${valid.slice(0, at)}${(Number(valid[at]) + delta) % 10}${valid.slice(at + 1)}`;
        expect(isValidGtin(typo)).toBe(false);
      }),
    );
  });

  it('keeps a code valid when it is padded with zeros to a longer GTIN length', () => {
    fc.assert(
      fc.property(digits(11), (body) => {
        const upc = `${body}${gtinCheckDigit(body)}`;
        expect(isValidGtin(`0${upc}`)).toBe(true);
        expect(isValidGtin(toGtin14(upc))).toBe(true);
      }),
    );
  });
});

describe('toGtin14', () => {
  it('gives UPC-A, EAN-13 and GTIN-14 spellings of one article the same form', () => {
    expect(toGtin14('036000291452')).toBe('00036000291452');
    expect(toGtin14('0036000291452')).toBe('00036000291452');
    expect(toGtin14('96385074')).toBe('00000096385074');
  });
});
