// SQL for loyalty vouchers paying web orders: the member's vouchers by code, their redemptions
// against an order, and what releases and refunds of voucher payments gave back.
import type { Queryable } from '@handla/db';

export interface MemberVoucher {
  id: string;
  code: string;
  amount: number;
  currency: string;
  validUntil: Date;
  reason: string;
  /** The customer the voucher belongs to (points paid for it, or a refund gave it), if any. */
  customerId: string | null;
  isUsed: boolean;
}

/**
 * The vouchers by code with their owner and whether they are used. `forUpdate` locks them first
 * (callers pass codes sorted), then reads them in a second statement: under READ COMMITTED that one
 * sees a redemption committed by whoever held the lock before, which the locking statement's own
 * subqueries would not.
 */
export async function findVouchersByCode(
  q: Queryable,
  codes: readonly string[],
  forUpdate = false,
): Promise<MemberVoucher[]> {
  if (forUpdate) {
    await q.query('select id from vouchers where code = any($1::text[]) order by code for update', [codes]);
  }
  return q.query<MemberVoucher>(
    `select v.id, v.code, v.amount, v.currency, v.valid_until as "validUntil", v.reason,
            coalesce((select l.customer_id from loyalty_ledger l where l.voucher_id = v.id limit 1),
                     (select r.customer_id from voucher_refunds r where r.voucher_id = v.id limit 1))
              as "customerId",
            exists (select 1 from voucher_redemptions x where x.voucher_id = v.id) as "isUsed"
       from vouchers v where v.code = any($1::text[]) order by v.code`,
    [codes],
  );
}

export async function insertOrderRedemption(
  q: Queryable,
  r: { id: string; voucherId: string; orderId: string; amount: number; at: Date },
): Promise<void> {
  await q.query(
    `insert into voucher_redemptions (id, voucher_id, order_id, amount, occurred_at) values ($1, $2, $3, $4, $5)`,
    [r.id, r.voucherId, r.orderId, r.amount, r.at],
  );
}

/** The vouchers an order used, with what each paid, in the order they were applied. */
export async function listOrderRedemptions(
  q: Queryable,
  orderId: string,
): Promise<{ voucherId: string; code: string; amount: number }[]> {
  return q.query(
    `select r.voucher_id as "voucherId", v.code, r.amount
       from voucher_redemptions r join vouchers v on v.id = r.voucher_id
      where r.order_id = $1 order by r.id`,
    [orderId],
  );
}

/** Makes the order's vouchers unused again; returns their ids. */
export async function deleteOrderRedemptions(q: Queryable, orderId: string): Promise<string[]> {
  const rows = await q.query<{ voucherId: string }>(
    'delete from voucher_redemptions where order_id = $1 returning voucher_id as "voucherId"',
    [orderId],
  );
  return rows.map((r) => r.voucherId);
}

/** A release or refund of a voucher payment that has not given anything back yet. */
export interface PendingVoucherReturn {
  operationId: string;
  kind: 'void' | 'refund';
  amount: number;
  paymentId: string;
  orderId: string;
  customerId: string | null;
  companyId: string;
  currency: string;
  /** Nothing of the payment was ever captured: the vouchers themselves can be given back. */
  isNothingCaptured: boolean;
}

export async function listPendingVoucherReturns(
  q: Queryable,
  limit: number,
  orderId?: string,
): Promise<PendingVoucherReturn[]> {
  return q.query<PendingVoucherReturn>(
    `select o.id as "operationId", o.kind, o.amount::integer as amount, p.id as "paymentId",
            p.order_id as "orderId", ord.customer_id as "customerId", ord.company_id as "companyId",
            p.currency, (p.captured = 0) as "isNothingCaptured"
       from payment_operations o
       join payments p on p.id = o.payment_id
       join orders ord on ord.id = p.order_id
      where p.method = 'voucher' and o.kind in ('void', 'refund') and o.outcome = 'succeeded'
        and coalesce(o.amount, 0) > 0
        and not exists (select 1 from voucher_refunds r where r.operation_id = o.id)
        and ($2::text is null or p.order_id = $2)
      order by o.started_at, o.id limit $1`,
    [limit, orderId ?? null],
  );
}

/** Takes the operation's turn (two job runs meet here) and says whether it gave back already. */
export async function lockVoucherReturn(q: Queryable, operationId: string): Promise<boolean> {
  await q.query('select pg_advisory_xact_lock(7340110, hashtext($1))', [operationId]);
  const rows = await q.query('select 1 from voucher_refunds where operation_id = $1', [operationId]);
  return rows.length > 0;
}

export async function insertVoucherReturn(
  q: Queryable,
  r: { operationId: string; voucherId: string; customerId: string; orderId: string; at: Date },
): Promise<boolean> {
  const rows = await q.query(
    `insert into voucher_refunds (operation_id, voucher_id, customer_id, order_id, created_at)
     values ($1, $2, $3, $4, $5) on conflict do nothing returning operation_id`,
    [r.operationId, r.voucherId, r.customerId, r.orderId, r.at],
  );
  return rows.length > 0;
}

/** Cancelled orders whose voucher payment still holds money: it is to be released. */
export async function listCancelledVoucherPayments(
  q: Queryable,
  limit: number,
): Promise<{ orderId: string; paymentId: string }[]> {
  return q.query(
    `select p.order_id as "orderId", p.id as "paymentId"
       from payments p join orders o on o.id = p.order_id
      where p.method = 'voucher' and o.status = 'cancelled'
        and p.status in ('authorized', 'partially_captured') and p.authorized > p.captured
      order by p.created_at, p.id limit $1`,
    [limit],
  );
}
