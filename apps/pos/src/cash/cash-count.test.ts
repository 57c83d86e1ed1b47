import { describe, expect, it } from 'vitest';
import {
  compareCount,
  denominationsOf,
  expectedPerCurrency,
  parseCountedAmount,
  totalOfCount,
} from './cash-count';

describe('cash count', () => {
  it('adds up notes and coins per denomination', () => {
    // 2 × 500 kr + 3 × 20 kr + 7 × 1 kr
    expect(totalOfCount('SEK', { 50000: 2, 2000: 3, 100: 7 })).toBe(106_700);
    // 1 × 50 € + 3 × 0,05 €
    expect(totalOfCount('EUR', { 5000: 1, 5: 3 })).toBe(5_015);
    expect(totalOfCount('SEK', {})).toBe(0);
  });

  it('refuses what is not a count: negative or partial pieces, unknown denominations', () => {
    expect(totalOfCount('SEK', { 10000: -1 })).toBeNull();
    expect(totalOfCount('SEK', { 10000: 1.5 })).toBeNull();
    // There is no 0,50 kr coin any more.
    expect(totalOfCount('SEK', { 50: 1 })).toBeNull();
    expect(denominationsOf('USD')).toEqual([]);
  });

  it('reads typed amounts with either decimal separator and spaces', () => {
    expect(parseCountedAmount('1 234,50', 'SEK')).toBe(123_450);
    expect(parseCountedAmount('12.5', 'EUR')).toBe(1_250);
    expect(parseCountedAmount('-5', 'SEK')).toBeNull();
    expect(parseCountedAmount('12,345', 'SEK')).toBeNull();
    expect(parseCountedAmount('', 'SEK')).toBeNull();
  });

  it('shows the difference: short is negative, over is positive, unknown expected has none', () => {
    expect(compareCount('SEK', 99_900, 100_000)).toEqual({
      currency: 'SEK',
      counted: 99_900,
      expected: 100_000,
      difference: -100,
    });
    expect(compareCount('SEK', 100_050, 100_000).difference).toBe(50);
    expect(compareCount('NOK', 1_000, null).difference).toBeNull();
  });

  it('expects the receipt currency from the report and other currencies from movements', () => {
    expect(
      expectedPerCurrency({
        currency: 'SEK',
        expectedCash: 120_000,
        cashMovements: [
          { movement: 'float', currency: 'SEK', amount: 100_000 },
          { movement: 'float', currency: 'EUR', amount: 10_000 },
          { movement: 'income', currency: 'EUR', amount: 2_000 },
          { movement: 'deposit', currency: 'EUR', amount: 5_000 },
          { movement: 'expense', currency: 'NOK', amount: 1_000 },
        ],
      }),
    ).toEqual({ SEK: 120_000, EUR: 7_000, NOK: -1_000 });
  });
});
