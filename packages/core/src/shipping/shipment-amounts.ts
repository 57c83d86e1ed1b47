// What one shipment of an order captures: its units' share of each line, and the shipping fee on
// the order's first shipment, so that the shipments of a fully shipped order add up to its total.

/** An order line as far as the money is concerned. */
export interface ShippedLineMoney {
  quantity: number;
  unitPriceInclVat: number;
  lineTotalInclVat: number;
  /** Units of the line already in earlier shipments (not failed ones). */
  unitsBefore: number;
  /** What earlier shipments captured for this line. */
  amountBefore: number;
  /** Units in this shipment. */
  units: number;
}

/**
 * The amount of `units` of a line: the unit price each, except that the shipment that takes the
 * line's last units takes what is left of its total, so a line is never captured off by an öre.
 */
export function shippedLineAmount(line: ShippedLineMoney): number {
  if (line.unitsBefore + line.units >= line.quantity) return line.lineTotalInclVat - line.amountBefore;
  return line.unitPriceInclVat * line.units;
}

/** The shipment's amount: its lines, plus the shipping fee when it is the order's first shipment. */
export function shipmentAmount(
  lines: readonly ShippedLineMoney[],
  shipping: { feeInclVat: number; isFirstShipment: boolean },
): { lines: number[]; shippingFee: number; total: number } {
  const amounts = lines.map(shippedLineAmount);
  const shippingFee = shipping.isFirstShipment ? shipping.feeInclVat : 0;
  return { lines: amounts, shippingFee, total: amounts.reduce((a, b) => a + b, 0) + shippingFee };
}
