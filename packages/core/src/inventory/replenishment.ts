// Replenishment: when what a location has and has coming no longer covers its minimum after the
// expected sales until a delivery arrives, suggest ordering up to its maximum.

/** The inputs for one SKU at one location. */
export interface ReplenishmentInput {
  minQuantity: number;
  maxQuantity: number;
  /** On-hand minus reserved, never below zero. */
  available: number;
  /** On its way: sent transfers and outstanding purchase order lines. */
  incoming: number;
  /** Units sold over the last `days` days. */
  unitsSold: number;
  days: number;
  /** Days until a new delivery would arrive; the sales expected meanwhile are subtracted. */
  leadTimeDays: number;
}

/** A suggestion: how many to bring in (0: nothing needed) and the figures behind it. */
export interface ReplenishmentSuggestion {
  averageDailySales: number;
  expectedSales: number;
  projected: number;
  suggestedQuantity: number;
}

/**
 * Projected = available + incoming − expected sales over the lead time. At or below the minimum,
 * the suggestion brings the projection back up to the maximum; above it, nothing is suggested.
 */
export function suggestReplenishment(input: ReplenishmentInput): ReplenishmentSuggestion {
  const averageDailySales = input.days > 0 ? input.unitsSold / input.days : 0;
  // Integer arithmetic first: 10 / 28 * 28 in floating point is a hair above 10 and would round up.
  const expectedSales = input.days > 0 ? Math.ceil((input.unitsSold * input.leadTimeDays) / input.days) : 0;
  const projected = input.available + input.incoming - expectedSales;
  const suggestedQuantity = projected <= input.minQuantity ? Math.max(0, input.maxQuantity - projected) : 0;
  return { averageDailySales, expectedSales, projected, suggestedQuantity };
}
