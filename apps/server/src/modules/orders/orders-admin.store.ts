// SQL of the back office's order list (search, filters, cursor), the order's timeline sources and
// the line edits' row work. Order rows themselves are read and moved by ./orders.store.
import type { AdminOrderListQuery, OrderStatus } from '@handla/api';
import type { Queryable } from '@handla/db';

/** Which payment statuses each filter's payment state stands for. */
const PAYMENT_STATE_STATUSES: Record<NonNullable<AdminOrderListQuery['paymentState']>, string[]> = {
  unpaid: ['pending', 'action_required'],
  authorized: ['authorized'],
  captured: ['captured', 'partially_captured'],
  refunded: ['refunded', 'partially_refunded'],
  pay_in_store: ['pay_in_store'],
  failed: ['declined', 'voided'],
};

export interface AdminListFilter {
  q?: string;
  statuses?: OrderStatus[];
  storeId?: string;
  channel?: 'web' | 'register' | 'api';
  paymentState?: AdminOrderListQuery['paymentState'];
  from?: Date;
  to?: Date;
  before?: { createdAt: Date; id: string };
  limit: number;
}

export interface AdminListRow {
  id: string;
  number: number;
  status: OrderStatus;
  channel: 'web' | 'register' | 'api';
  channelName: string | null;
  externalReference: string | null;
  customerName: string;
  customerEmail: string;
  customerPhone: string | null;
  storeId: string | null;
  fulfilment: 'pickup' | 'delivery';
  totalInclVat: number;
  currency: string;
  paymentMethod: string;
  paymentStatus: string | null;
  lockedByName: string | null;
  createdAt: Date;
}

/**
 * Orders newest first. `q` matches the number exactly, the e-mail and the external reference
 * exactly (case-insensitive), the phone by its digits, and the name by a part of it.
 * Channel `register`: orders paid in store at a register (they carry the receipt id).
 */
export async function listAdminOrders(q: Queryable, f: AdminListFilter): Promise<AdminListRow[]> {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (f.q) {
    const text = f.q.trim();
    const digits = text.replace(/[^0-9]/g, '');
    const ors = [
      `lower(o.customer_email) = lower(${p(text)})`,
      `lower(o.external_reference) = lower(${p(text)})`,
      `o.customer_name ilike ${p(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`,
    ];
    if (/^\d{1,12}$/.test(text)) ors.push(`o.number = ${p(Number(text))}`);
    if (digits.length >= 6) {
      // 070-123 45 67 and +46 70 123 45 67 are one number: compare the national digits.
      const national = digits.replace(/^46/, '0');
      ors.push(
        `regexp_replace(coalesce(o.customer_phone, ''), '[^0-9]', '', 'g') in (${p(digits)}, ${p(national)}, ${p(`46${national.slice(1)}`)})`,
      );
    }
    where.push(`(${ors.join(' or ')})`);
  }
  if (f.statuses?.length) where.push(`o.status = any(${p(f.statuses)})`);
  if (f.storeId) where.push(`o.store_id = ${p(f.storeId)}`);
  if (f.channel === 'register') where.push('o.receipt_id is not null');
  else if (f.channel) where.push(`o.channel = ${p(f.channel)}`);
  if (f.paymentState) where.push(`p.status = any(${p(PAYMENT_STATE_STATUSES[f.paymentState])})`);
  if (f.from) where.push(`o.created_at >= ${p(f.from)}`);
  if (f.to) where.push(`o.created_at < ${p(f.to)}`);
  if (f.before) {
    where.push(`(o.created_at, o.id) < (${p(f.before.createdAt)}::timestamptz, ${p(f.before.id)}::text)`);
  }
  const rows = await q.query<AdminListRow>(
    `select o.id, o.number, o.status, o.channel, o.channel_name as "channelName",
        o.external_reference as "externalReference", o.customer_name as "customerName",
        o.customer_email as "customerEmail", o.customer_phone as "customerPhone", o.store_id as "storeId",
        o.fulfilment, o.total_incl_vat as "totalInclVat", o.currency, o.payment_method as "paymentMethod",
        p.status as "paymentStatus", o.locked_by_name as "lockedByName", o.created_at as "createdAt"
       from orders o left join payments p on p.id = o.payment_id
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by o.created_at desc, o.id desc limit ${p(f.limit)}`,
    params,
  );
  return rows.map((r) => ({ ...r, number: Number(r.number), totalInclVat: Number(r.totalInclVat) }));
}

export interface OrderExtras {
  channelName: string | null;
  externalReference: string | null;
  externalFingerprint: string | null;
}

export async function findOrderExtras(q: Queryable, orderId: string): Promise<OrderExtras | undefined> {
  const [row] = await q.query<OrderExtras>(
    `select channel_name as "channelName", external_reference as "externalReference",
        external_fingerprint as "externalFingerprint" from orders where id = $1`,
    [orderId],
  );
  return row;
}

export interface OutboxRow {
  id: number;
  type: string;
  aggregateType: string;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * Every outbox event about the order and its stock holds. Payment events are left out: the
 * payment's operation history says the same with amounts and actors.
 */
export async function listOrderOutboxEvents(q: Queryable, orderId: string): Promise<OutboxRow[]> {
  return q.query<OutboxRow>(
    `select id, type, aggregate_type as "aggregateType", data, occurred_at as "occurredAt" from outbox_events
      where (aggregate_type = 'order' and aggregate_id = $1)
         or (aggregate_type = 'stock_reservation' and data->>'reference' = $1)
      order by occurred_at, id`,
    [orderId],
  );
}

export interface MessageRow {
  channel: string;
  to: string;
  template: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
}

export async function listOrderMessages(q: Queryable, orderId: string): Promise<MessageRow[]> {
  return q.query<MessageRow>(
    `select channel, "to", template, status, created_at as "createdAt", sent_at as "sentAt"
       from outgoing_messages where order_id = $1 order by created_at, id`,
    [orderId],
  );
}

/** A line's new quantity, total and the hold that now covers it. */
export async function updateLineQuantity(
  q: Queryable,
  line: { id: string; unitPriceInclVat: number },
  quantity: number,
  reservationId: string,
): Promise<void> {
  await q.query(
    'update order_lines set quantity = $2, line_total_incl_vat = $3, reservation_id = $4 where id = $1',
    [line.id, quantity, quantity * line.unitPriceInclVat, reservationId],
  );
}

/** The order's totals from its lines still to be delivered (removed lines no longer count). */
export async function recomputeOrderTotals(q: Queryable, orderId: string, at: Date): Promise<void> {
  await q.query(
    `update orders o set
        lines_total_incl_vat = t.lines,
        total_incl_vat = t.lines + case when o.shipping_method_id is null then 0 else o.shipping_price_incl_vat end,
        updated_at = $2
       from (select coalesce(sum(line_total_incl_vat), 0) as lines from order_lines
              where order_id = $1 and state in ('open', 'picked', 'shipping')) t
      where o.id = $1`,
    [orderId, at],
  );
}

/**
 * Records the API order's channel and reference, once: the first request's fingerprint stays.
 * Returns the fingerprint on record.
 */
export async function recordExternalReference(
  q: Queryable,
  orderId: string,
  ref: { channelName: string; externalReference: string; fingerprint: string },
): Promise<string> {
  await q.query(
    `update orders set channel_name = $2, external_reference = $3, external_fingerprint = $4
      where id = $1 and external_fingerprint is null`,
    [orderId, ref.channelName, ref.externalReference, ref.fingerprint],
  );
  return (await findOrderExtras(q, orderId))!.externalFingerprint!;
}
