import { describe, expect, it } from 'vitest';
import { paidForUnits } from './order-line-refund';

describe('paidForUnits', () => {
  it('is the unit price × units on a line without discounts', () => {
    expect(paidForUnits({ quantity: 3, lineTotalInclVat: 3 * 19_900 }, 1, 2)).toBe(2 * 19_900);
  });

  it('splits a "3 för 2" line so the units returned one by one add up to what was paid', () => {
    const line = { quantity: 3, lineTotalInclVat: 2 * 19_900 + 1 };
    const shares = [0, 1, 2].map((before) => paidForUnits(line, before, 1));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(line.lineTotalInclVat);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    expect(paidForUnits(line, 0, 3)).toBe(line.lineTotalInclVat);
  });

  it('never gives back more than the line for units past its quantity', () => {
    expect(paidForUnits({ quantity: 2, lineTotalInclVat: 1000 }, 1, 5)).toBe(500);
  });
});
