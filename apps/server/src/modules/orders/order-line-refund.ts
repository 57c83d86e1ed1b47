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
