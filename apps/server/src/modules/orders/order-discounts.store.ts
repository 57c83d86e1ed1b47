// SQL for the promotion discounts of web orders: one row per rule per line, the order's discount
// total and its redeemed coupon (migration 0028).
import type { Queryable } from '@handla/db';

export interface OrderLineDiscountRow {
  orderLineId: string;
  orderId: string;
  promotionId: string;
  promotionName: string;
  level: 'item' | 'basket';
  amount: number;
}

export async function insertOrderLineDiscounts(
  q: Queryable,
  rows: readonly OrderLineDiscountRow[],
): Promise<void> {
  for (const [i, r] of rows.entries()) {
    await q.query(
      `insert into order_line_discounts (order_line_id, order_id, position, promotion_id, promotion_name, level, amount)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [r.orderLineId, r.orderId, i + 1, r.promotionId, r.promotionName, r.level, r.amount],
    );
  }
}

/** The discounts of the given orders, per line in the order they were applied. */
export async function listOrderLineDiscounts(
  q: Queryable,
  orderIds: readonly string[],
): Promise<OrderLineDiscountRow[]> {
  if (orderIds.length === 0) return [];
  return q.query<OrderLineDiscountRow>(
    `select order_line_id as "orderLineId", order_id as "orderId", promotion_id as "promotionId",
            promotion_name as "promotionName", level, amount
       from order_line_discounts where order_id = any($1) order by order_id, order_line_id, position`,
    [orderIds],
  );
}

export async function setOrderPromotionTotals(
  q: Queryable,
  orderId: string,
  discountTotal: number,
  couponCode: string | null,
): Promise<void> {
  await q.query('update orders set discount_total = $2, coupon_code = $3 where id = $1', [
    orderId,
    discountTotal,
    couponCode,
  ]);
}

export async function findOrderCouponCode(q: Queryable, orderId: string): Promise<string | null> {
  const [row] = await q.query<{ couponCode: string | null }>(
    'select coupon_code as "couponCode" from orders where id = $1',
    [orderId],
  );
  return row?.couponCode ?? null;
}

/** Line ids by position (1-based), as written at checkout. */
export async function listOrderLineIds(q: Queryable, orderId: string): Promise<Map<number, string>> {
  const rows = await q.query<{ id: string; position: number }>(
    'select id, position from order_lines where order_id = $1',
    [orderId],
  );
  return new Map(rows.map((r) => [r.position, r.id]));
}

/** The coupon each of the given orders redeemed, by order id (orders without one left out). */
export async function listOrderCouponCodes(
  q: Queryable,
  orderIds: readonly string[],
): Promise<Map<string, string>> {
  if (orderIds.length === 0) return new Map();
  const rows = await q.query<{ id: string; couponCode: string }>(
    'select id, coupon_code as "couponCode" from orders where id = any($1) and coupon_code is not null',
    [orderIds],
  );
  return new Map(rows.map((r) => [r.id, r.couponCode]));
}

/** One line's discount rows with their positions (the key), in the order they were applied. */
export async function listLineDiscounts(
  q: Queryable,
  orderLineId: string,
): Promise<{ position: number; amount: number }[]> {
  return q.query(
    'select position, amount from order_line_discounts where order_line_id = $1 order by position',
    [orderLineId],
  );
}

/**
 * After a quantity change: the line's total and each of its discount rows (a row down to 0 is
 * deleted: rows are positive), then the order's discount total from its rows.
 */
export async function setLineDiscounts(
  q: Queryable,
  line: { id: string; orderId: string; lineTotalInclVat: number },
  rows: readonly { position: number; amount: number }[],
): Promise<void> {
  for (const r of rows) {
    if (r.amount > 0) {
      await q.query(
        'update order_line_discounts set amount = $3 where order_line_id = $1 and position = $2',
        [line.id, r.position, r.amount],
      );
    } else {
      await q.query('delete from order_line_discounts where order_line_id = $1 and position = $2', [
        line.id,
        r.position,
      ]);
    }
  }
  await q.query('update order_lines set line_total_incl_vat = $2 where id = $1', [
    line.id,
    line.lineTotalInclVat,
  ]);
  await q.query(
    `update orders set discount_total = (select coalesce(sum(amount), 0) from order_line_discounts where order_id = $1)
      where id = $1`,
    [line.orderId],
  );
}
