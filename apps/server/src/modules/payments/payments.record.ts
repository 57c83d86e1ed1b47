// Writing a provider's answer about an authorization: from `startPayment`, from the shopper's
// return after 3-D Secure and from a Swish callback. One transaction: the operation's outcome,
// the payment's new state, the outbox event and — for answers that arrive later — the order's
// reaction (`onPaymentSettled`), so the order moves on exactly once.
import { applyPaymentChange, type PaymentChange, type PaymentState } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { onPaymentSettled } from '../../flows/payment-settled';
import { emitPaymentEvent, eventOfAuthorization } from './payments.events';
import type { AuthorizeResult, PaymentRecord } from './payments.port';
import * as store from './payments.store';

/** The record the rest of the server sees (without our private columns). */
export function toPaymentRecord(row: store.PaymentRow): PaymentRecord {
  return {
    id: row.id,
    orderId: row.orderId,
    method: row.method,
    provider: row.provider,
    providerReference: row.providerReference,
    status: row.status,
    currency: row.currency,
    amount: row.amount,
    authorized: row.authorized,
    captured: row.captured,
    refunded: row.refunded,
    action: row.action,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function stateOf(row: PaymentState): PaymentState {
  return { status: row.status, authorized: row.authorized, captured: row.captured, refunded: row.refunded };
}

function changeOf(result: AuthorizeResult): PaymentChange | null {
  switch (result.outcome) {
    case 'authorized':
      return { kind: 'authorized', amount: result.amount };
    case 'declined':
      return { kind: 'declined' };
    case 'action_required':
      return { kind: 'action_required' };
    case 'pending':
      return null;
  }
}

/**
 * Applies `result` to a locked payment still waiting for it (pending or action_required) and emits
 * its event; a payment that already moved on (a Swish callback overtook our own write) keeps its
 * status and only learns the provider's reference. Returns the payment as it now is.
 */
export async function applyAuthorizationResult(
  tx: Queryable,
  ctx: AppContext,
  row: store.PaymentRow,
  result: AuthorizeResult,
  options: { settle: boolean },
): Promise<PaymentRecord> {
  const now = ctx.clock();
  const isWaiting = row.status === 'pending' || row.status === 'action_required';
  const change = changeOf(result);
  const reference = result.reference ?? row.providerReference;
  if (!isWaiting || !change) {
    const action = isWaiting && result.outcome === 'pending' ? result.action : undefined;
    await store.updatePayment(tx, row.id, { ...stateOf(row), providerReference: reference, action }, now);
    return toPaymentRecord((await store.findPaymentRow(tx, row.id))!);
  }
  const next = applyPaymentChange(stateOf(row), change);
  const action = result.outcome === 'action_required' ? result.action : null;
  await store.updatePayment(tx, row.id, { ...next, providerReference: reference, action }, now);
  const payment = toPaymentRecord((await store.findPaymentRow(tx, row.id))!);
  const event = eventOfAuthorization(payment.status);
  if (event) await emitPaymentEvent(tx, event, payment, now, payment.authorized || undefined);
  if (options.settle && event) await onPaymentSettled(tx, ctx, payment);
  return payment;
}

/** The operation outcome that records `result`. */
export function outcomeOf(result: AuthorizeResult): 'succeeded' | 'refused' {
  return result.outcome === 'declined' ? 'refused' : 'succeeded';
}

/**
 * Records the answer of started operation `operationId` and applies it in one transaction.
 * When someone else recorded it first, changes nothing and returns the payment as it is.
 */
export async function recordAuthorization(
  ctx: AppContext,
  paymentId: string,
  operationId: string,
  result: AuthorizeResult,
  options: { settle: boolean },
): Promise<PaymentRecord> {
  return ctx.db.transaction(async (tx) => {
    const row = (await store.findPaymentRow(tx, paymentId, { forUpdate: true }))!;
    const response = {
      ...result,
      action:
        result.outcome === 'pending' || result.outcome === 'action_required'
          ? result.action?.kind
          : undefined,
    };
    const isFirst = await store.finishStartedOperation(
      tx,
      operationId,
      outcomeOf(result),
      response,
      ctx.clock(),
    );
    if (!isFirst) return toPaymentRecord(row);
    return applyAuthorizationResult(tx, ctx, row, result, options);
  });
}
