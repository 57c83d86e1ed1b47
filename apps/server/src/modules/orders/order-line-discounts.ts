// A back-office quantity edit on a line the checkout discounted: the line's discounts follow the
// new quantity (discountsForQuantity says how, and why the promotions are not run again), so the
// order's totals, VAT and amount to pay stay right.
import type { Queryable } from '@handla/db';
import { listLineDiscounts, setLineDiscounts } from './order-discounts.store';
import { discountsForQuantity } from './order-line-refund';

/** In the edit's transaction, after the line's new quantity is written. */
export async function rescaleLineDiscountsIn(
  tx: Queryable,
  line: { id: string; orderId: string; quantity: number; unitPriceInclVat: number; lineTotalInclVat: number },
  quantity: number,
): Promise<void> {
  const rows = await listLineDiscounts(tx, line.id);
  if (rows.length === 0) return;
  const next = discountsForQuantity(line, rows, quantity);
  await setLineDiscounts(tx, { ...line, lineTotalInclVat: next.lineTotalInclVat }, next.discounts);
}
