// The money of an order over all its payments: the checkout's authorization and any "pay the
// difference" authorization after an edit. Captures take from them in a fixed order (the order's
// own payment first, then the others as they were made), each part keyed by the caller's key, so a
// retry asks every payment for the same part and no money moves twice.
import { DomainError, differenceToPay, type PaymentPart, splitOverPayments } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { PaymentRecord } from '../payments/payments.port';
import { capturePayment, paymentsOfOrder, refundPayment, voidPayment } from '../payments/payments.service';
import { findOperation } from '../payments/payments.store';

/** An order still to be handed over or shipped; before (unpaid) and after there is nothing to pay. */
const OPEN_STATUSES = new Set(['placed', 'accepted', 'picking', 'ready']);
/** Statuses in which a payment still holds money a capture may take. */
const CAPTURABLE = new Set<PaymentRecord['status']>(['authorized', 'partially_captured']);
/** Statuses in which a payment has money a refund may give back. */
const REFUNDABLE = new Set<PaymentRecord['status']>(['captured', 'partially_captured', 'partially_refunded']);

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

/** Authorized and not captured, over every payment still holding money. */
export function uncapturedOf(payments: readonly PaymentRecord[]): number {
  return payments
    .filter((p) => CAPTURABLE.has(p.status))
    .reduce((sum, p) => sum + p.authorized - p.captured, 0);
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
 * How `amount` is captured over the payments, counting `inFlight` (parts of captures started, not
 * answered) as taken; null when the payments do not hold that much.
 */
export function planCapture(
  payments: readonly PaymentRecord[],
  amount: number,
  inFlight: readonly PaymentPart[] = [],
): PaymentPart[] | null {
  const taken = (id: string) => inFlight.filter((p) => p.paymentId === id).reduce((n, p) => n + p.amount, 0);
  return splitOverPayments(
    payments.map((p) => ({
      paymentId: p.id,
      available: CAPTURABLE.has(p.status) ? p.authorized - p.captured - taken(p.id) : 0,
    })),
    amount,
  );
}

/** Captures each part with the same key (unique per payment); a repeat captures nothing more. */
export async function captureParts(
  ctx: AppContext,
  parts: readonly PaymentPart[],
  how: { idempotencyKey: string; reason: string; actor?: string },
): Promise<void> {
  for (const part of parts) {
    if (part.amount === 0) continue;
    await capturePayment(ctx, { paymentId: part.paymentId, amount: part.amount, ...how });
  }
}

/** Releases what every payment of the order holds beyond its captures. */
export async function releaseAllUncaptured(
  ctx: AppContext,
  payments: readonly PaymentRecord[],
  how: { idempotencyKey: string; reason: string; actor?: string },
): Promise<void> {
  for (const p of payments) {
    if (!CAPTURABLE.has(p.status) || p.authorized <= p.captured) continue;
    await voidPayment(ctx, { paymentId: p.id, ...how });
  }
}

/**
 * Captures or refunds `amount` over the order's payments: a part already started with this key
 * keeps its amount (a retry after a crash), the rest goes to the payments in order, each up to what
 * it holds (capture: authorized − captured; refund: captured − refunded). More than all of them hold
 * is 409 naming `amount`, and nothing moves.
 */
export async function moveOverPayments(
  ctx: AppContext,
  order: { id: string; paymentId: string | null },
  kind: 'capture' | 'refund',
  amount: number,
  how: { idempotencyKey: string; reason: string; actor?: string },
): Promise<void> {
  const payments = await onlinePaymentsOf(ctx.db, order);
  const fixed = new Map<string, number>();
  for (const p of payments) {
    const op = await findOperation(ctx.db, p.id, how.idempotencyKey);
    if (op?.kind === kind) fixed.set(p.id, op.amount ?? 0);
  }
  const fixedTotal = [...fixed.values()].reduce((a, b) => a + b, 0);
  const holds = kind === 'capture' ? CAPTURABLE : REFUNDABLE;
  const rest = splitOverPayments(
    payments
      .filter((p) => !fixed.has(p.id))
      .map((p) => ({
        paymentId: p.id,
        available: holds.has(p.status)
          ? kind === 'capture'
            ? p.authorized - p.captured
            : p.captured - p.refunded
          : 0,
      })),
    Math.max(0, amount - fixedTotal),
  );
  if (!rest) {
    throw new DomainError('invalid_state', `${amount} öre is more than the order's payments hold.`, [
      { field: 'amount', message: `More than the payments of the order hold for a ${kind}` },
    ]);
  }
  const move = kind === 'capture' ? capturePayment : refundPayment;
  for (const part of [...[...fixed].map(([paymentId, a]) => ({ paymentId, amount: a })), ...rest]) {
    if (part.amount === 0) continue;
    await move(ctx, { paymentId: part.paymentId, amount: part.amount, ...how });
  }
}
