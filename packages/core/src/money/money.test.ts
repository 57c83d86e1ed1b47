import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  allocateMoney,
  compareMoney,
  isZero,
  minorUnitsPerMajor,
  money,
  multiplyMoney,
  negateMoney,
  parseMajorAmount,
  subtractMoney,
  sumMoney,
  zero,
} from './money';

const sek = (amount: number) => money(amount, 'SEK');
const throwsCode = (code: string) => expect.objectContaining({ name: 'DomainError', code });
const amountArb = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
const currencyArb = fc.constantFrom('SEK', 'NOK', 'DKK', 'EUR', 'ISK');

describe('money', () => {
  it('accepts integer minor units, including negatives', () => {
    expect(money(1250, 'SEK')).toEqual({ amount: 1250, currency: 'SEK' });
    expect(money(-305, 'NOK')).toEqual({ amount: -305, currency: 'NOK' });
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %s as amount', (amount) => {
    expect(() => money(amount, 'SEK')).toThrow(throwsCode('invalid_amount'));
  });

  it.each(['sek', 'SEKK', '', 'SE1'])('refuses %j as currency', (currency) => {
    expect(() => money(100, currency)).toThrow(throwsCode('invalid_currency'));
  });

  it('never produces negative zero', () => {
    expect(Object.is(negateMoney(zero('SEK')).amount, 0)).toBe(true);
    expect(Object.is(multiplyMoney(sek(0), -3).amount, 0)).toBe(true);
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, multiplies, negates and sums', () => {
    expect(addMoney(sek(1250), sek(99))).toEqual(sek(1349));
    expect(subtractMoney(sek(1250), sek(2000))).toEqual(sek(-750));
    expect(multiplyMoney(sek(1250), 3)).toEqual(sek(3750));
    expect(negateMoney(sek(1250))).toEqual(sek(-1250));
    expect(sumMoney([sek(100), sek(250), sek(-50)], 'SEK')).toEqual(sek(300));
    expect(sumMoney([], 'EUR')).toEqual(zero('EUR'));
  });

  it('refuses fractional quantities and overflow', () => {
    expect(() => multiplyMoney(sek(100), 1.5)).toThrow(throwsCode('invalid_quantity'));
    expect(() => multiplyMoney(sek(Number.MAX_SAFE_INTEGER), 2)).toThrow(throwsCode('invalid_amount'));
    expect(() => addMoney(sek(Number.MAX_SAFE_INTEGER), sek(1))).toThrow(throwsCode('invalid_amount'));
  });

  it('compares and detects zero', () => {
    expect([sek(300), sek(-5), sek(20)].sort(compareMoney)).toEqual([sek(-5), sek(20), sek(300)]);
    expect(compareMoney(sek(7), sek(7))).toBe(0);
    expect(isZero(sek(0))).toBe(true);
    expect(isZero(sek(1))).toBe(false);
  });

  it('throws currency_mismatch whenever two currencies meet', () => {
    const distinct = fc.tuple(currencyArb, currencyArb, amountArb, amountArb).filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(distinct, ([ca, cb, x, y]) => {
        const a = money(x, ca);
        const b = money(y, cb);
        expect(() => addMoney(a, b)).toThrow(throwsCode('currency_mismatch'));
        expect(() => subtractMoney(a, b)).toThrow(throwsCode('currency_mismatch'));
        expect(() => compareMoney(a, b)).toThrow(throwsCode('currency_mismatch'));
        expect(() => sumMoney([a, b], ca)).toThrow(throwsCode('currency_mismatch'));
        expect(() => sumMoney([a], cb)).toThrow(throwsCode('currency_mismatch'));
      }),
    );
  });
});

describe('minorUnitsPerMajor', () => {
  it.each([
    ['SEK', 100],
    ['NOK', 100],
    ['DKK', 100],
    ['EUR', 100],
    ['ISK', 1],
    ['JPY', 1],
  ])('%s has %i minor units', (currency, units) => {
    expect(minorUnitsPerMajor(currency)).toBe(units);
  });
});

describe('allocateMoney', () => {
  it('splits by weight with the largest remainder, earlier index winning ties', () => {
    expect(allocateMoney(sek(10000), [70, 30])).toEqual([sek(7000), sek(3000)]);
    expect(allocateMoney(sek(100), [1, 1, 1])).toEqual([sek(34), sek(33), sek(33)]);
    expect(allocateMoney(sek(5), [3, 7])).toEqual([sek(2), sek(3)]);
    expect(allocateMoney(sek(5), [1, 2])).toEqual([sek(2), sek(3)]);
    expect(allocateMoney(sek(-100), [1, 1, 1])).toEqual([sek(-34), sek(-33), sek(-33)]);
    expect(allocateMoney(sek(10), [0, 0, 0])).toEqual([sek(4), sek(3), sek(3)]);
    expect(allocateMoney(sek(10), [0, 5, 0])).toEqual([sek(0), sek(10), sek(0)]);
  });

  it('refuses empty, negative or fractional weights', () => {
    expect(() => allocateMoney(sek(100), [])).toThrow(throwsCode('invalid_weights'));
    expect(() => allocateMoney(sek(100), [1, -1])).toThrow(throwsCode('invalid_weights'));
    expect(() => allocateMoney(sek(100), [0.5, 1])).toThrow(throwsCode('invalid_weights'));
  });

  const weightsArb = fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 20 });
  const bigAmountArb = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

  it('always sums exactly to the total, in its currency', () => {
    fc.assert(
      fc.property(bigAmountArb, weightsArb, currencyArb, (amount, weights, currency) => {
        const parts = allocateMoney(money(amount, currency), weights);
        expect(parts).toHaveLength(weights.length);
        expect(sumMoney(parts, currency)).toEqual(money(amount, currency));
      }),
    );
  });

  it('keeps every part within one minor unit of its exact proportional share', () => {
    fc.assert(
      fc.property(bigAmountArb, weightsArb, (amount, weights) => {
        const effective = weights.every((w) => w === 0) ? weights.map(() => 1) : weights;
        const weightSum = BigInt(effective.reduce((s, w) => s + w, 0));
        allocateMoney(sek(amount), weights).forEach((part, i) => {
          // |part − amount·w/W| < 1  ⇔  |part·W − amount·w| < W
          const error = BigInt(part.amount) * weightSum - BigInt(amount) * BigInt(effective[i] ?? 0);
          expect(error < weightSum && -error < weightSum).toBe(true);
        });
      }),
    );
  });

  it('gives equal weights parts that differ by at most one minor unit, larger ones first', () => {
    fc.assert(
      fc.property(amountArb, fc.integer({ min: 1, max: 30 }), fc.nat(100), (amount, n, w) => {
        const parts = allocateMoney(sek(amount), Array(n).fill(w)).map((p) => Math.abs(p.amount));
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect([...parts].sort((a, b) => b - a)).toEqual(parts);
      }),
    );
  });

  it('gives nothing to a zero weight when another weight is positive', () => {
    fc.assert(
      fc.property(amountArb, weightsArb, (amount, weights) => {
        fc.pre(weights.some((w) => w > 0));
        allocateMoney(sek(amount), weights).forEach((part, i) => {
          if (weights[i] === 0) expect(part.amount).toBe(0);
        });
      }),
    );
  });
});

describe('parseMajorAmount', () => {
  it.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['12,5', 1250],
    ['12', 1200],
    ['0,01', 1],
    ['-3,05', -305],
    ['+7', 700],
    [' 7,00 ', 700],
    ['007', 700],
  ])('reads %j as %i öre', (text, expected) => {
    expect(parseMajorAmount(text, 'SEK')).toBe(expected);
  });

  it('uses the currency’s decimals', () => {
    expect(parseMajorAmount('1234', 'ISK')).toBe(1234);
    expect(() => parseMajorAmount('12,5', 'ISK')).toThrow(throwsCode('invalid_amount'));
  });

  it('returns positive zero for "-0"', () => {
    expect(Object.is(parseMajorAmount('-0,00', 'SEK'), 0)).toBe(true);
  });

  it.each([
    '12,505',
    '',
    'abc',
    '12,',
    ',50',
    '1 234,50',
    '1.234,50',
    '1e3',
    '12,50 kr',
    '--1',
    '0x10',
    '99999999999999999',
  ])('refuses %j', (text) => {
    expect(() => parseMajorAmount(text, 'SEK')).toThrow(throwsCode('invalid_amount'));
  });

  it('round-trips any amount written with either separator', () => {
    fc.assert(
      fc.property(amountArb, fc.constantFrom(',', '.'), (amount, separator) => {
        const abs = Math.abs(amount);
        const text = `${amount < 0 ? '-' : ''}${Math.floor(abs / 100)}${separator}${String(abs % 100).padStart(2, '0')}`;
        expect(parseMajorAmount(text, 'SEK')).toBe(amount);
      }),
    );
  });
});
