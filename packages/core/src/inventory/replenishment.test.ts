import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReplenishmentInput, suggestReplenishment } from './replenishment';

const base: ReplenishmentInput = {
  minQuantity: 5,
  maxQuantity: 20,
  available: 5,
  incoming: 0,
  unitsSold: 0,
  days: 28,
  leadTimeDays: 0,
};

describe('suggestReplenishment', () => {
  it('orders up to max when available + incoming is at or below min', () => {
    expect(suggestReplenishment(base).suggestedQuantity).toBe(15);
    expect(suggestReplenishment({ ...base, available: 2, incoming: 1 }).suggestedQuantity).toBe(17);
  });

  it('suggests nothing above min, and counts what is already on its way', () => {
    expect(suggestReplenishment({ ...base, available: 6 }).suggestedQuantity).toBe(0);
    expect(suggestReplenishment({ ...base, available: 1, incoming: 10 }).suggestedQuantity).toBe(0);
  });

  it('subtracts the sales expected over the lead time from the average of the last days', () => {
    // 56 sold in 28 days = 2 a day; 7 days' lead time eats 14 of the 16 available.
    const suggestion = suggestReplenishment({ ...base, available: 16, unitsSold: 56, leadTimeDays: 7 });
    expect(suggestion).toEqual({
      averageDailySales: 2,
      expectedSales: 14,
      projected: 2,
      suggestedQuantity: 18,
    });
  });

  it('does not round an exact expectation up by floating-point noise', () => {
    expect(suggestReplenishment({ ...base, unitsSold: 10, days: 28, leadTimeDays: 28 }).expectedSales).toBe(
      10,
    );
  });

  const input = fc
    .record({
      minQuantity: fc.integer({ min: 0, max: 100 }),
      span: fc.integer({ min: 1, max: 100 }),
      available: fc.integer({ min: 0, max: 300 }),
      incoming: fc.integer({ min: 0, max: 300 }),
      unitsSold: fc.integer({ min: 0, max: 1000 }),
      days: fc.integer({ min: 1, max: 90 }),
      leadTimeDays: fc.integer({ min: 0, max: 30 }),
    })
    .map(({ span, ...rest }) => ({ ...rest, maxQuantity: rest.minQuantity + span }));

  it('when it suggests anything, the projection plus the suggestion reaches max exactly', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = suggestReplenishment(i);
        expect(s.suggestedQuantity).toBeGreaterThanOrEqual(0);
        if (s.projected <= i.minQuantity) expect(s.projected + s.suggestedQuantity).toBe(i.maxQuantity);
        else expect(s.suggestedQuantity).toBe(0);
      }),
    );
  });

  it('never suggests more when more is available', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 50 }), (i, extra) => {
        const more = suggestReplenishment({ ...i, available: i.available + extra });
        expect(more.suggestedQuantity).toBeLessThanOrEqual(suggestReplenishment(i).suggestedQuantity);
      }),
    );
  });
});
