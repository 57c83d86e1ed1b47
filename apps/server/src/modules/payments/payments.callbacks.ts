// Answers that arrive after checkout: the shopper back from a confirmation step (3-D Secure) and
// Swish's callback. Each is recorded once — a repeat finds its operation and changes nothing —
// and in the same transaction the order hears of it through `onPaymentSettled`.
import { timingSafeEqual } from 'node:crypto';
import type { SwishCallback } from '@handla/api';
import { applyPaymentChange, DomainError, isProviderlessMethod, type PaymentChange } from '@handla/core';
import type { AppContext } from '../../context';
import { onPaymentSettled } from '../../flows/payment-settled';
import { emitPaymentEvent, eventOfAuthorization } from './payments.events';
import type { PaymentRecord } from './payments.port';
import { providerFor } from './payments.providers';
import { recordAuthorization, stateOf, toPaymentRecord } from './payments.record';
import * as store from './payments.store';

const CONFIRM_KEY = 'confirm';

function notFound(id: string) {
  return new DomainError('not_found', `No payment ${id}.`, [
    { field: 'paymentId', message: 'Unknown payment' },
  ]);
}

/** A payment and where its shopper goes next, for the confirmation pages. */
export async function findPaymentForShopper(ctx: AppContext, paymentId: string) {
  const row = await store.findPaymentRow(ctx.db, paymentId);
  if (!row) throw notFound(paymentId);
  return row;
}

/**
 * Finishes an authorization waiting for the shopper (3-D Secure): asks the provider with what the
 * redirect brought back, records the answer and lets the order move on. Twice is harmless.
 */
export async function completePaymentAction(
  ctx: AppContext,
  paymentId: string,
  details: Record<string, string>,
): Promise<{ payment: PaymentRecord; returnUrl: string }> {
  const now = ctx.clock();
  const claim = await ctx.db.transaction(async (tx) => {
    const row = await store.findPaymentRow(tx, paymentId, { forUpdate: true });
    if (!row) throw notFound(paymentId);
    if (row.status === 'action_required' && row.method !== 'in_store') {
      await store.insertOperation(tx, {
        id: ctx.newId('pop'),
        paymentId,
        kind: 'callback',
        amount: null,
        idempotencyKey: CONFIRM_KEY,
        outcome: 'started',
        request: { ...details },
        actor: null,
        reason: null,
        now,
      });
    }
    return { row, operation: await store.findOperation(tx, paymentId, CONFIRM_KEY) };
  });
  const { row, operation } = claim;
  if (operation?.outcome !== 'started' || isProviderlessMethod(row.method)) {
    return { payment: toPaymentRecord(row), returnUrl: row.returnUrl };
  }
  const provider = providerFor(ctx, row.method);
  const result = await provider.completeAction(
    {
      paymentId,
      providerReference: row.providerReference ?? '',
      idempotencyKey: `${paymentId}:${CONFIRM_KEY}`,
      currency: row.currency,
    },
    details,
  );
  const payment = await recordAuthorization(ctx, paymentId, operation.id, result, { settle: true });
  return { payment, returnUrl: row.returnUrl };
}

// Constant time, so the identifier cannot be found one character at a time.
function isSameSecret(expected: string | null, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function changeOfSwishStatus(body: SwishCallback): PaymentChange {
  if (body.status === 'PAID') return { kind: 'authorized', amount: Math.round(body.amount * 100) };
  // Swish reports a request nobody answered in time as CANCELLED: nothing was paid.
  if (body.status === 'CANCELLED') return { kind: 'released' };
  return { kind: 'declined' };
}

/**
 * Records a Swish callback: verified by the callbackIdentifier we gave the request (a real
 * deployment also gets Swish's TLS client certificate checked by its proxy), idempotent per
 * request id and status. A late one (the payment moved on) is kept in the history, changes nothing.
 */
export async function recordSwishCallback(
  ctx: AppContext,
  callbackIdentifier: string | undefined,
  body: SwishCallback,
): Promise<PaymentRecord> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await store.findPaymentRow(tx, body.payeePaymentReference, { forUpdate: true });
    const isOurs =
      row?.method === 'swish' &&
      isSameSecret(row.callbackIdentifier, callbackIdentifier) &&
      (!row.providerReference || row.providerReference === body.id);
    if (!row || !isOurs) {
      throw new DomainError('forbidden', 'This callback does not match a Swish payment request of ours.');
    }
    const isWaiting = row.status === 'pending';
    const isFirst = await store.insertOperation(tx, {
      id: ctx.newId('pop'),
      paymentId: row.id,
      kind: 'callback',
      amount: body.status === 'PAID' ? Math.round(body.amount * 100) : null,
      idempotencyKey: `swish:${body.id}:${body.status}`,
      outcome: isWaiting ? 'succeeded' : 'ignored',
      request: { ...body },
      response: isWaiting ? null : { note: `Arrived when the payment was ${row.status}` },
      actor: 'swish',
      reason: body.errorCode ? `${body.errorCode} ${body.errorMessage ?? ''}`.trim() : null,
      now,
    });
    if (!isFirst || !isWaiting) return toPaymentRecord(row);
    const next = applyPaymentChange(stateOf(row), changeOfSwishStatus(body));
    await store.updatePayment(tx, row.id, { ...next, providerReference: body.id, action: null }, now);
    const payment = toPaymentRecord((await store.findPaymentRow(tx, row.id))!);
    const event = eventOfAuthorization(payment.status);
    // The order's row lock before the outbox lock, the same order the checkout takes them in:
    // the other way round a callback racing the checkout's last step could deadlock.
    await onPaymentSettled(tx, ctx, payment);
    if (event) await emitPaymentEvent(tx, event, payment, now, payment.authorized || undefined);
    return payment;
  });
}
