import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountsForQuantity, paidForUnits } from './order-line-refund';

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

describe('discountsForQuantity', () => {
  // "3 för 2" on 199 kr plus a 10 % coupon share: 3 × 19 900 − 19 900 − 3 980.
  const line = { quantity: 3, unitPriceInclVat: 19_900, lineTotalInclVat: 3 * 19_900 - 19_900 - 3_980 };
  const rows = [
    { promotionId: 'p_3for2', amount: 19_900 },
    { promotionId: 'p_coupon', amount: 3_980 },
  ];

  it('fewer units: the kept units cost what they did, as a return of the others would refund', () => {
    const two = discountsForQuantity(line, rows, 2);
    expect(two.lineTotalInclVat).toBe(paidForUnits(line, 0, 2));
    expect(two.lineTotalInclVat).toBe(line.lineTotalInclVat - paidForUnits(line, 2, 1));
    const discount = two.discounts.reduce((n, d) => n + d.amount, 0);
    expect(2 * line.unitPriceInclVat - discount).toBe(two.lineTotalInclVat);
    expect(two.discounts.map((d) => d.promotionId)).toEqual(['p_3for2', 'p_coupon']);
    expect(two.discounts[0]!.amount).toBe(13_267);
  });

  it('more units: the discounts stay, the added units cost the unit price', () => {
    const five = discountsForQuantity(line, rows, 5);
    expect(five.discounts).toEqual(rows);
    expect(five.lineTotalInclVat).toBe(line.lineTotalInclVat + 2 * line.unitPriceInclVat);
  });

  it('for any line and quantity, the rows add up: total = units × price − discounts, never negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 3 }),
        fc.integer({ min: 1, max: 25 }),
        (quantity, unit, amounts, next) => {
          const gross = quantity * unit;
          const capped = amounts.map((a) => Math.min(a, Math.floor(gross / Math.max(1, amounts.length))));
          const discounts = capped.filter((a) => a > 0).map((amount, i) => ({ i, amount }));
          const total = gross - discounts.reduce((n, d) => n + d.amount, 0);
          const result = discountsForQuantity(
            { quantity, unitPriceInclVat: unit, lineTotalInclVat: total },
            discounts,
            next,
          );
          const after = result.discounts.reduce((n, d) => n + d.amount, 0);
          expect(result.lineTotalInclVat).toBe(next * unit - after);
          expect(result.lineTotalInclVat).toBeGreaterThanOrEqual(0);
          for (const d of result.discounts) expect(d.amount).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
