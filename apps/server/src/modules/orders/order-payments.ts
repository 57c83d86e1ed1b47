// The money of an order over all its payments: the checkout's authorization and any "pay the
// difference" authorization after an edit. Which payment gives how much is decided by the core's
// allocation (payments/allocation.ts: captures oldest authorization first, refunds newest capture
// first); each part is keyed by the caller's key, so a retry asks every payment for the same part
// and no money moves twice.
import {
  type AllocatablePayment,
  type AllocatedPart,
  allocateCapture,
  allocateRefund,
  capturableOf,
  DomainError,
  differenceToPay,
  type PaymentPart,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { PaymentRecord } from '../payments/payments.port';
import { capturePayment, paymentsOfOrder, refundPayment, voidPayment } from '../payments/payments.service';
import { listOperations, type OperationRow } from '../payments/payments.store';

/** An order still to be handed over or shipped; before (unpaid) and after there is nothing to pay. */
const OPEN_STATUSES = new Set(['placed', 'accepted', 'picking', 'ready']);

export type MoveHow = { idempotencyKey: string; reason: string; actor?: string };

/** The order's payments that move money online, its own payment first, then by creation. */
export async function onlinePaymentsOf(
  q: Queryable,
  order: { id: string; paymentId: string | null },
): Promise<PaymentRecord[]> {
  const all = await paymentsOfOrder(q, order.id);
  return all
    .filter((p) => p.method !== 'in_store')
    .sort((a, b) =>
      a.id === order.paymentId ? -1 : b.id === order.paymentId ? 1 : +a.createdAt - +b.createdAt,
    );
}

/**
 * A payment as the allocation sees it, `rank` its place among the order's payments; `ops` (its
 * operations) add the amounts in flight and its last capture.
 */
export function allocatable(
  p: PaymentRecord,
  rank: number,
  ops: readonly OperationRow[] = [],
  ownKey?: string,
): AllocatablePayment {
  const inFlight = (kind: 'capture' | 'refund') =>
    ops
      .filter((o) => o.kind === kind && o.outcome === 'started' && o.idempotencyKey !== ownKey)
      .reduce((n, o) => n + (o.amount ?? 0), 0);
  const captures = ops.filter((o) => o.kind === 'capture' && o.outcome === 'succeeded');
  return {
    paymentId: p.id,
    status: p.status,
    authorized: p.authorized,
    captured: p.captured,
    refunded: p.refunded,
    // Its place in `onlinePaymentsOf` (the order's own payment first, then by creation), not the
    // instant: payments made in the same millisecond still have a defined order.
    createdAt: rank,
    lastCapturedAt:
      captures.length > 0 ? Math.max(...captures.map((o) => +(o.finishedAt ?? o.startedAt))) : null,
    capturesInFlight: inFlight('capture'),
    refundsInFlight: inFlight('refund'),
  };
}

/** Authorized and not captured, over every payment still holding money. */
export function uncapturedOf(payments: readonly PaymentRecord[]): number {
  return payments.reduce((sum, p) => sum + capturableOf(allocatable(p, 0)), 0);
}

/**
 * What the shopper still has to pay on top of the authorizations (0 for pay-in-store and unpaid
 * orders): `amountDue` is what the open lines and shipping cost, captures included.
 */
export function amountToPayOf(
  order: { status: string; paymentMethod: string },
  amountDue: number,
  payments: readonly PaymentRecord[],
): number {
  if (order.paymentMethod === 'in_store' || !OPEN_STATUSES.has(order.status)) return 0;
  return differenceToPay({
    dueInclVat: amountDue,
    capturedInclVat: payments.reduce((sum, p) => sum + p.captured, 0),
    uncapturedInclVat: uncapturedOf(payments),
  });
}

/**
 * How `amount` is captured over the payments (the shipments' split, fixed when one is claimed),
 * counting `inFlight` (parts of captures started, not answered) as taken; null when the payments
 * do not hold that much.
 */
export function planCapture(
  payments: readonly PaymentRecord[],
  amount: number,
  inFlight: readonly PaymentPart[] = [],
): PaymentPart[] | null {
  const taken = (id: string) => inFlight.filter((p) => p.paymentId === id).reduce((n, p) => n + p.amount, 0);
  const result = allocateCapture(
    payments.map((p, i) => ({ ...allocatable(p, i), capturesInFlight: taken(p.id) })),
    amount,
  );
  return result.isAllocated ? result.parts : null;
}

/** Releases what every payment of the order holds beyond its captures. */
export async function releaseAllUncaptured(
  ctx: AppContext,
  payments: readonly PaymentRecord[],
  how: MoveHow,
): Promise<void> {
  for (const p of payments) {
    if (capturableOf(allocatable(p, 0)) === 0) continue;
    await voidPayment(ctx, { paymentId: p.id, ...how });
  }
}

/**
 * The order's payments with their operations. Payments are read before operations: an operation
 * is recorded before the payment's amounts change, so whatever moved is seen with its key.
 */
export async function paymentsWithOperations(q: Queryable, order: { id: string; paymentId: string | null }) {
  const payments = await onlinePaymentsOf(q, order);
  const ops = new Map<string, OperationRow[]>();
  for (const p of payments) ops.set(p.id, await listOperations(q, p.id));
  return { payments, ops: (id: string) => ops.get(id) ?? [] };
}

/**
 * Captures or refunds `amount` over the order's payments: a part already started with this key
 * keeps its amount (a retry after a crash), the rest is allocated by the core (captures oldest
 * authorization first; refunds newest capture first), each up to what the payment holds. More than
 * all of them hold is 409 naming `amount`, and nothing moves.
 */
export async function moveOverPayments(
  ctx: AppContext,
  order: { id: string; paymentId: string | null },
  kind: 'capture' | 'refund',
  amount: number,
  how: MoveHow,
): Promise<void> {
  const { payments, ops } = await paymentsWithOperations(ctx.db, order);
  const fixed: AllocatedPart[] = [];
  for (const p of payments) {
    const op = ops(p.id).find((o) => o.idempotencyKey === how.idempotencyKey);
    if (op?.kind === kind) fixed.push({ paymentId: p.id, amount: op.amount ?? 0 });
  }
  const allocate = kind === 'capture' ? allocateCapture : allocateRefund;
  const result = allocate(
    payments.map((p, i) => allocatable(p, i, ops(p.id), how.idempotencyKey)),
    amount,
    fixed,
  );
  if (!result.isAllocated) {
    throw new DomainError('invalid_state', `${amount} öre is more than the order's payments hold.`, [
      {
        field: 'amount',
        message: `More than the payments of the order hold for a ${kind} (${result.available})`,
      },
    ]);
  }
  const move = kind === 'capture' ? capturePayment : refundPayment;
  for (const part of result.parts) {
    await move(ctx, { paymentId: part.paymentId, amount: part.amount, ...how });
  }
}
