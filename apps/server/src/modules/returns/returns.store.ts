// SQL for return settings, return requests with their lines, and what an order has delivered.
import type { Queryable } from '@handla/db';
import { listShippedUnits } from '../shipping/shipping.store';

export interface ReturnSettingsRow {
  companyId: string;
  withdrawalDays: number;
  returnShippingFee: number;
  refundOriginalShipping: boolean;
  version: number;
}

export async function findReturnSettings(q: Queryable, companyId: string): Promise<ReturnSettingsRow> {
  const [row] = await q.query<ReturnSettingsRow>(
    `select company_id as "companyId", withdrawal_days as "withdrawalDays",
            return_shipping_fee as "returnShippingFee", refund_original_shipping as "refundOriginalShipping", version
       from return_settings where company_id = $1`,
    [companyId],
  );
  // Never saved: the law's 14 days, free returns, original shipping refunded on a full return.
  return (
    row ?? { companyId, withdrawalDays: 14, returnShippingFee: 0, refundOriginalShipping: true, version: 1 }
  );
}

/** Saves the settings if `version` is still current; false when someone else saved first. */
export async function saveReturnSettings(
  q: Queryable,
  s: ReturnSettingsRow,
  by: string,
  at: Date,
): Promise<boolean> {
  await q.query(
    `insert into return_settings (company_id, updated_at) values ($1, $2) on conflict do nothing`,
    [s.companyId, at],
  );
  const rows = await q.query(
    `update return_settings set withdrawal_days = $2, return_shipping_fee = $3, refund_original_shipping = $4,
            version = version + 1, updated_at = $6, updated_by = $7
      where company_id = $1 and version = $5 returning 1`,
    [s.companyId, s.withdrawalDays, s.returnShippingFee, s.refundOriginalShipping, s.version, at, by],
  );
  return rows.length === 1;
}

export interface ReturnLineRow {
  orderLineId: string;
  quantity: number;
  restocked: number | null;
  writtenOff: number | null;
  writeOffReason: string | null;
}

export interface ReturnRequestRow {
  id: string;
  companyId: string;
  orderId: string;
  number: number;
  status: 'requested' | 'refunding' | 'completed' | 'refused';
  source: 'shop' | 'staff' | 'api';
  reason: string;
  requestedBy: string | null;
  requestedAt: Date;
  locationId: string | null;
  receivedBy: string | null;
  receivedAt: Date | null;
  refundAmount: number | null;
  shippingRefund: number;
  shippingFee: number;
  refundError: string | null;
  refundedAt: Date | null;
  lines: ReturnLineRow[];
}

const COLUMNS = `r.id, r.company_id as "companyId", r.order_id as "orderId", r.number::integer as number, r.status,
  r.source, r.reason, r.requested_by as "requestedBy", r.requested_at as "requestedAt",
  r.location_id as "locationId", r.received_by as "receivedBy", r.received_at as "receivedAt",
  r.refund_amount as "refundAmount", r.shipping_refund as "shippingRefund", r.shipping_fee as "shippingFee",
  r.refund_error as "refundError", r.refunded_at as "refundedAt",
  coalesce((select jsonb_agg(jsonb_build_object('orderLineId', l.order_line_id, 'quantity', l.quantity,
      'restocked', l.restocked, 'writtenOff', l.written_off, 'writeOffReason', l.write_off_reason)
      order by l.order_line_id) from return_request_lines l where l.return_id = r.id), '[]') as lines`;

export async function findReturnRequest(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReturnRequestRow | undefined> {
  if (options.forUpdate) await q.query('select 1 from return_requests where id = $1 for update', [id]);
  const [row] = await q.query<ReturnRequestRow>(`select ${COLUMNS} from return_requests r where r.id = $1`, [
    id,
  ]);
  return row;
}

export async function listReturnRequests(
  q: Queryable,
  filter: { companyId: string; status?: string; orderId?: string },
): Promise<ReturnRequestRow[]> {
  return q.query<ReturnRequestRow>(
    `select ${COLUMNS} from return_requests r
      where r.company_id = $1 and ($2::text is null or r.status = $2) and ($3::text is null or r.order_id = $3)
      order by r.requested_at desc, r.id desc limit 200`,
    [filter.companyId, filter.status ?? null, filter.orderId ?? null],
  );
}

/** The company's next RMA number; the counter row stays locked until commit (no gaps, no twins). */
export async function takeReturnNumber(q: Queryable, companyId: string): Promise<number> {
  await q.query('insert into return_counters (company_id) values ($1) on conflict do nothing', [companyId]);
  const [row] = await q.query<{ n: number }>(
    `update return_counters set last_number = last_number + 1 where company_id = $1
     returning (last_number + 1000)::integer as n`,
    [companyId],
  );
  return row!.n;
}

export async function insertReturnRequest(
  q: Queryable,
  r: Pick<
    ReturnRequestRow,
    'id' | 'companyId' | 'orderId' | 'number' | 'source' | 'reason' | 'requestedBy'
  > & {
    lines: { orderLineId: string; quantity: number }[];
  },
  at: Date,
): Promise<void> {
  await q.query(
    `insert into return_requests (id, company_id, order_id, number, status, source, reason, requested_by, requested_at)
     values ($1, $2, $3, $4, 'requested', $5, $6, $7, $8)`,
    [r.id, r.companyId, r.orderId, r.number, r.source, r.reason, r.requestedBy, at],
  );
  for (const line of r.lines) {
    await q.query(
      'insert into return_request_lines (return_id, order_line_id, quantity) values ($1, $2, $3)',
      [r.id, line.orderLineId, line.quantity],
    );
  }
}

/** Units per order line in this order's requests not yet completed (they count as on their way back). */
export async function unitsInOpenRequests(q: Queryable, orderId: string): Promise<Map<string, number>> {
  const rows = await q.query<{ orderLineId: string; quantity: number }>(
    `select l.order_line_id as "orderLineId", sum(l.quantity)::integer as quantity
       from return_request_lines l join return_requests r on r.id = l.return_id
      where r.order_id = $1 and r.status = 'requested'
      group by l.order_line_id`,
    [orderId],
  );
  return new Map(rows.map((r) => [r.orderLineId, r.quantity]));
}

export async function recordInspection(
  q: Queryable,
  id: string,
  work: {
    locationId: string;
    receivedBy: string;
    refundAmount: number;
    shippingRefund: number;
    shippingFee: number;
    lines: { orderLineId: string; restocked: number; writtenOff: number; writeOffReason: string | null }[];
  },
  at: Date,
): Promise<void> {
  await q.query(
    `update return_requests set status = 'refunding', location_id = $2, received_by = $3, received_at = $4,
            refund_amount = $5, shipping_refund = $6, shipping_fee = $7
      where id = $1`,
    [id, work.locationId, work.receivedBy, at, work.refundAmount, work.shippingRefund, work.shippingFee],
  );
  for (const l of work.lines) {
    await q.query(
      `update return_request_lines set restocked = $3, written_off = $4, write_off_reason = $5
        where return_id = $1 and order_line_id = $2`,
      [id, l.orderLineId, l.restocked, l.writtenOff, l.writeOffReason],
    );
  }
}

export async function finishRefund(
  q: Queryable,
  id: string,
  outcome: { status: 'completed' } | { status: 'refunding' | 'refused'; error: string },
  at: Date,
): Promise<void> {
  await q.query(
    `update return_requests set status = $2, refund_error = $3,
            refunded_at = case when $2 = 'completed' then $4 else refunded_at end
      where id = $1 and status = 'refunding'`,
    [id, outcome.status, 'error' in outcome ? outcome.error : null, at],
  );
}

/**
 * Units of each line the order has delivered, and when: collected at the counter (from
 * `collected_at`), in finished shipments (from the last one's date), or shipped by its supplier.
 * An order shipped without shipment rows (before shipments were recorded) counts its lines from its
 * last change.
 */
export async function listDeliveredUnits(
  q: Queryable,
  orderId: string,
): Promise<Map<string, { units: number; deliveredAt: Date }>> {
  const rows = await q.query<{ orderLineId: string; units: number; deliveredAt: Date }>(
    `select l.id as "orderLineId", l.quantity as units,
            case when o.status = 'collected' then o.collected_at else o.updated_at end as "deliveredAt"
       from order_lines l join orders o on o.id = l.order_id
      where l.order_id = $1 and l.state in ('open', 'picked', 'shipping')
        and (o.status = 'collected' and l.state <> 'shipping'
             or o.status = 'shipped' and not exists (select 1 from shipments s where s.order_id = o.id))
     union all
     select (x->>'orderLineId'), (x->>'quantity')::integer, s.shipped_at
       from supplier_orders s, jsonb_array_elements(s.lines) x
      where s.order_id = $1 and s.status = 'shipped'`,
    [orderId],
  );
  rows.push(...(await listShippedUnits(q, orderId)));
  const delivered = new Map<string, { units: number; deliveredAt: Date }>();
  for (const row of rows) {
    const seen = delivered.get(row.orderLineId);
    // A drop-shipped line of a shipped order is counted once, at the later instant.
    if (!seen || row.deliveredAt > seen.deliveredAt) delivered.set(row.orderLineId, row);
  }
  return delivered;
}
