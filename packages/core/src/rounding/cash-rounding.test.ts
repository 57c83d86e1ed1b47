import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { CASH_ROUNDING_INCREMENTS, cashRoundingIncrement, roundForCash } from './cash-rounding';

const amountArb = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

function rounded(amount: number, currency: string): [number, number] {
  const result = roundForCash(money(amount, currency));
  return [result.roundedTotal.amount, result.roundingAmount.amount];
}

describe('roundForCash', () => {
  it.each([
    [12349, 12300, -49],
    [12350, 12400, 50], // 50 öre rounds up
    [12399, 12400, 1],
    [12300, 12300, 0],
    [49, 0, -49],
    [-12349, -12300, 49],
    [-12350, -12400, -50], // refunds round away from zero like the sale
  ])('rounds SEK %i to %i with a rounding line of %i', (total, expected, rounding) => {
    expect(rounded(total, 'SEK')).toEqual([expected, rounding]);
  });

  it('rounds NOK to whole kroner, DKK to 50 øre and EUR to 5 cent', () => {
    expect(rounded(9950, 'NOK')).toEqual([10000, 50]);
    expect(rounded(9949, 'NOK')).toEqual([9900, -49]);
    expect(rounded(1224, 'DKK')).toEqual([1200, -24]);
    expect(rounded(1225, 'DKK')).toEqual([1250, 25]);
    expect(rounded(1274, 'DKK')).toEqual([1250, -24]);
    expect(rounded(1275, 'DKK')).toEqual([1300, 25]);
    expect(rounded(1002, 'EUR')).toEqual([1000, -2]);
    expect(rounded(1003, 'EUR')).toEqual([1005, 2]);
    expect(rounded(1007, 'EUR')).toEqual([1005, -2]);
    expect(rounded(1008, 'EUR')).toEqual([1010, 2]);
  });

  it('leaves currencies without a cash rule alone', () => {
    expect(cashRoundingIncrement('ISK')).toBe(1);
    expect(rounded(1237, 'ISK')).toEqual([1237, 0]);
  });

  it('exports the rule as a frozen table', () => {
    expect(CASH_ROUNDING_INCREMENTS).toEqual({ SEK: 100, NOK: 100, DKK: 50, EUR: 5 });
    expect(Object.isFrozen(CASH_ROUNDING_INCREMENTS)).toBe(true);
  });

  it('never moves SEK by more than 50 öre and always lands on whole kronor', () => {
    fc.assert(
      fc.property(amountArb, (amount) => {
        const [total, rounding] = rounded(amount, 'SEK');
        expect(Math.abs(rounding)).toBeLessThanOrEqual(50);
        expect(total % 100 === 0).toBe(true);
        expect(total).toBe(amount + rounding);
      }),
    );
  });

  it('lands on the nearest increment for every currency in the table, symmetric in sign', () => {
    const currencyArb = fc.constantFrom(...Object.keys(CASH_ROUNDING_INCREMENTS));
    fc.assert(
      fc.property(amountArb, currencyArb, (amount, currency) => {
        const increment = cashRoundingIncrement(currency);
        const [total, rounding] = rounded(amount, currency);
        expect(2 * Math.abs(rounding)).toBeLessThanOrEqual(increment);
        expect(total % increment === 0).toBe(true);
        expect(total).toBe(amount + rounding);
        expect(rounded(-amount, currency)).toEqual([-total + 0, -rounding + 0]);
        expect(rounded(total, currency)).toEqual([total, 0]);
      }),
    );
  });
});
