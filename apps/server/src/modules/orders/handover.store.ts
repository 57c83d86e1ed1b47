// SQL of the hand-over at the counter: finding an order by pickup code or search, the claim of a
// prepaid hand-over, returns of web orders, and the add-on suggestions. The suggestions read
// order lines, receipt lines, the catalog and stock levels read-only, standing in for a bulk
// lookup those modules do not have yet (like register/setup.lookups.ts).
import type { Queryable } from '@handla/db';

/** Orders not yet collected, shipped or cancelled: a pickup code names one of them. */
const OPEN = `status not in ('collected', 'shipped', 'cancelled')`;

/**
 * The order with this pickup code: the open one of the company, else the latest collected one
 * (goods brought back by the same QR). Codes come back once an order is closed, hence "latest".
 */
export async function findOrderIdByCode(
  q: Queryable,
  companyId: string,
  code: string,
): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>(
    `select id from orders
      where company_id = $1 and pickup_code = $2 and fulfilment = 'pickup'
        and (${OPEN} or status = 'collected')
      order by (${OPEN}) desc, collected_at desc nulls last, id desc limit 1`,
    [companyId, code.toUpperCase()],
  );
  return row?.id;
}

/** The store's pickup orders by order number (exact) or customer name (part of it), newest first. */
export async function searchPickupOrderIds(
  q: Queryable,
  storeId: string,
  text: string,
  limit: number,
): Promise<string[]> {
  const number = /^\d{1,15}$/.test(text) ? Number(text) : null;
  const rows = await q.query<{ id: string }>(
    `select id from orders
      where store_id = $1 and fulfilment = 'pickup'
        and (number = $2 or customer_name ilike '%' || $3 || '%')
      order by created_at desc, id desc limit $4`,
    [storeId, number, text.replace(/[\\%_]/g, (c) => `\\${c}`), limit],
  );
  return rows.map((r) => r.id);
}

export interface HandoverClaim {
  orderId: string;
  idempotencyKey: string;
  amount: number;
  registerId: string;
  cashierId: string;
  status: 'started' | 'done';
}

const CLAIM_COLUMNS = `order_id as "orderId", idempotency_key as "idempotencyKey", amount,
  register_id as "registerId", cashier_id as "cashierId", status`;

export async function findHandoverClaim(q: Queryable, orderId: string): Promise<HandoverClaim | undefined> {
  const [row] = await q.query<HandoverClaim>(
    `select ${CLAIM_COLUMNS} from order_handovers where order_id = $1`,
    [orderId],
  );
  return row;
}

export async function insertHandoverClaim(
  q: Queryable,
  claim: Omit<HandoverClaim, 'status'>,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into order_handovers (order_id, idempotency_key, amount, register_id, cashier_id, status, started_at)
     values ($1, $2, $3, $4, $5, 'started', $6)`,
    [claim.orderId, claim.idempotencyKey, claim.amount, claim.registerId, claim.cashierId, at],
  );
}

export async function finishHandoverClaim(q: Queryable, orderId: string, at: Date): Promise<void> {
  await q.query(`update order_handovers set status = 'done', finished_at = $2 where order_id = $1`, [
    orderId,
    at,
  ]);
}

/** The register receipt a pay-in-store order was paid on. */
export async function setOrderReceipt(q: Queryable, orderId: string, receiptId: string, at: Date) {
  await q.query('update orders set receipt_id = $2, updated_at = $3 where id = $1', [orderId, receiptId, at]);
}

export interface ReturnLine {
  orderLineId: string;
  quantity: number;
}

export interface WebOrderReturnRow {
  id: string;
  orderId: string;
  registerId: string;
  cashierId: string;
  lines: ReturnLine[];
  amount: number;
  reason: string;
  status: 'started' | 'done' | 'refused';
}

const RETURN_COLUMNS = `id, order_id as "orderId", register_id as "registerId", cashier_id as "cashierId",
  lines, amount, reason, status`;

export async function findWebOrderReturn(q: Queryable, id: string): Promise<WebOrderReturnRow | undefined> {
  const [row] = await q.query<WebOrderReturnRow>(
    `select ${RETURN_COLUMNS} from web_order_returns where id = $1`,
    [id],
  );
  return row;
}

/** Units per order line in returns of the order that are started (refund not yet answered). */
export async function unitsInStartedReturns(q: Queryable, orderId: string): Promise<Map<string, number>> {
  const rows = await q.query<{ orderLineId: string; quantity: number }>(
    `select l->>'orderLineId' as "orderLineId", sum((l->>'quantity')::integer)::integer as quantity
       from web_order_returns r, jsonb_array_elements(r.lines) l
      where r.order_id = $1 and r.status = 'started'
      group by l->>'orderLineId'`,
    [orderId],
  );
  return new Map(rows.map((r) => [r.orderLineId, r.quantity]));
}

export async function insertWebOrderReturn(
  q: Queryable,
  r: Omit<WebOrderReturnRow, 'status'>,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into web_order_returns (id, order_id, register_id, cashier_id, lines, amount, reason, status, started_at)
     values ($1, $2, $3, $4, $5, $6, $7, 'started', $8)`,
    [r.id, r.orderId, r.registerId, r.cashierId, JSON.stringify(r.lines), r.amount, r.reason, at],
  );
}

export async function finishWebOrderReturn(
  q: Queryable,
  id: string,
  status: 'done' | 'refused',
  at: Date,
): Promise<void> {
  await q.query(
    `update web_order_returns set status = $2, finished_at = $3 where id = $1 and status = 'started'`,
    [id, status, at],
  );
}

export async function addReturnedUnits(q: Queryable, lines: readonly ReturnLine[]): Promise<void> {
  for (const line of lines) {
    await q.query('update order_lines set returned_quantity = returned_quantity + $2 where id = $1', [
      line.orderLineId,
      line.quantity,
    ]);
  }
}

export interface AddOnCandidate {
  skuId: string;
  sku: string;
  productName: string;
  options: Record<string, string>;
  available: number;
}

/**
 * SKUs to offer with an order at the counter: first those bought together with its SKUs (in other
 * web orders and in register sales), most often first, then others of the same categories. Only
 * active, priced, non-bundle SKUs available at `locationId`, none of the order's own.
 */
export async function listAddOnCandidates(
  q: Queryable,
  work: { orderId: string; skuIds: readonly string[]; locationId: string; limit: number },
): Promise<AddOnCandidate[]> {
  return q.query<AddOnCandidate>(
    `with together as (
       select ol.sku_id, count(*) as score from order_lines ol
        where ol.order_id in (select order_id from order_lines where sku_id = any($2) and order_id <> $1)
        group by ol.sku_id
       union all
       select rl.sku_id, count(*) from receipt_lines rl join receipts r on r.id = rl.receipt_id
        where not r.is_training and rl.quantity > 0
          and rl.receipt_id in (select receipt_id from receipt_lines where sku_id = any($2) and quantity > 0)
        group by rl.sku_id
     ),
     candidates as (
       select sku_id, 0 as tier, sum(score) as score from together group by sku_id
       union all
       select s.id, 1, 0 from skus s join products p on p.id = s.product_id
        where p.category_id in (select p2.category_id from skus s2 join products p2 on p2.id = s2.product_id
                                 where s2.id = any($2))
     ),
     best as (select sku_id, min(tier) as tier, max(score) as score from candidates group by sku_id)
     select s.id as "skuId", s.sku, p.name_sv as "productName", s.options,
            (l.on_hand - l.reserved)::integer as available
       from best b
       join skus s on s.id = b.sku_id
       join products p on p.id = s.product_id
       join stock_levels l on l.sku_id = s.id and l.location_id = $3
      where s.id <> all($2) and s.status = 'active' and p.status = 'active' and not p.is_bundle
        and l.on_hand - l.reserved > 0
        and exists (select 1 from prices pr join price_lists pl on pl.id = pr.price_list_id
                     where pl.is_retail and pr.sku_id = s.id)
      order by b.tier, b.score desc, s.sku
      limit $4`,
    [work.orderId, [...work.skuIds], work.locationId, work.limit],
  );
}
