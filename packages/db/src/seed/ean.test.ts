import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_EAN_PREFIX, demoEan, ean13CheckDigit, isValidEan13 } from './ean';

describe('ean13CheckDigit', () => {
  it.each([
    ['7310865004703'], // a Swedish retail EAN
    ['4006381333931'], // the usual textbook example
    ['5901234123457'], // GS1's own example
  ])('accepts the real EAN %s', (code) => {
    expect(ean13CheckDigit(code.slice(0, 12))).toBe(Number(code.slice(12)));
    expect(isValidEan13(code)).toBe(true);
  });

  it('refuses a base that is not 12 digits', () => {
    expect(() => ean13CheckDigit('73108650047')).toThrow(RangeError);
    expect(() => ean13CheckDigit('73108650047x')).toThrow(RangeError);
  });

  it('makes every base valid, and every single-digit change invalid', () => {
    const base = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(base, fc.nat(12), fc.integer({ min: 1, max: 9 }), (digits, at, delta) => {
        const code = `${digits}${ean13CheckDigit(digits)}`;
        expect(isValidEan13(code)).toBe(true);
        const changed = (Number(code[at]) + delta) % 10;
        const typo = `${code.slice(0, at)}${changed}${code.slice(at + 1)}`;
        expect(isValidEan13(typo)).toBe(false);
      }),
    );
  });
});

describe('isValidEan13', () => {
  it.each(['7310865004704', '731086500470', '73108650047033', '731086500470a', ''])('rejects %j', (code) => {
    expect(isValidEan13(code)).toBe(false);
  });
});

describe('demoEan', () => {
  it('makes valid, distinct codes under the demo prefix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: 999_999 }), (a, b) => {
        const code = demoEan(a);
        expect(code).toMatch(new RegExp(`^${DEMO_EAN_PREFIX}\\d{7}$`));
        expect(isValidEan13(code)).toBe(true);
        expect(demoEan(b) === code).toBe(a === b);
      }),
    );
  });

  it('refuses numbers outside 1–999,999', () => {
    expect(() => demoEan(0)).toThrow(RangeError);
    expect(() => demoEan(1_000_000)).toThrow(RangeError);
    expect(() => demoEan(1.5)).toThrow(RangeError);
  });
});
