// What units of an order line were paid, after the line's promotion discounts: returns refund this,
// not the list price, so a "3 för 2" line returned unit by unit gives back exactly what was paid.

/**
 * The amount `units` units of the line cost, when `before` of its units were given back already.
 * Shares are cumulative (rounded totals at each count), so all units together are the line total.
 */
export function paidForUnits(
  line: { quantity: number; lineTotalInclVat: number },
  before: number,
  units: number,
): number {
  if (line.quantity <= 0) return 0;
  const upTo = (n: number) =>
    Math.round((line.lineTotalInclVat * Math.min(n, line.quantity)) / line.quantity);
  return upTo(before + units) - upTo(before);
}

/**
 * A line's total and discounts after a back-office quantity change. Fewer units: the line keeps
 * what the kept units cost (`paidForUnits`), and each discount shrinks to its share, so taking a
 * unit off costs the shopper what returning it would refund. More units: the discounts stay as
 * they are and the added units cost the line's unit price, as a line added in the back office
 * does. The promotions are not run again: the checkout's rules or coupon may have ended or been
 * used up since, and the shopper was promised the checkout's price for what they ordered.
 */
export function discountsForQuantity<T extends { amount: number }>(
  line: { quantity: number; unitPriceInclVat: number; lineTotalInclVat: number },
  discounts: readonly T[],
  quantity: number,
): { lineTotalInclVat: number; discounts: T[] } {
  const before = discounts.reduce((sum, d) => sum + d.amount, 0);
  if (quantity >= line.quantity || before === 0) {
    return { lineTotalInclVat: quantity * line.unitPriceInclVat - before, discounts: [...discounts] };
  }
  const lineTotalInclVat = paidForUnits(line, 0, quantity);
  const after = quantity * line.unitPriceInclVat - lineTotalInclVat;
  // Cumulative shares, so the rows add up to exactly `after`.
  let taken = 0;
  let running = 0;
  const scaled = discounts.map((d) => {
    running += d.amount;
    const upTo = Math.round((running * after) / before);
    const amount = upTo - taken;
    taken = upTo;
    return { ...d, amount };
  });
  return { lineTotalInclVat, discounts: scaled };
}
