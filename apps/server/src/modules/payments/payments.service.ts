// The payments service: start a payment at checkout, capture, refund and release it later. Provider
// calls happen outside any database transaction: the operation is recorded as "started", the
// provider is called with an idempotency key, and its answer is recorded — so a crash in between
// is visible in the history and a retry with the same key cannot move money twice.
import { randomBytes } from 'node:crypto';
import { assertPositiveAmount, DomainError, isProviderlessMethod } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitPaymentEvent } from './payments.events';
import { runMoneyOperation } from './payments.operations';
import type { AuthorizeRequest, MoneyCommand, PaymentRecord, StartPaymentInput } from './payments.port';
import { providerFor } from './payments.providers';
import { recordAuthorization, toPaymentRecord } from './payments.record';
import * as store from './payments.store';

// The idempotency key of the one authorization of a payment.
const AUTHORIZE_KEY = 'authorize';

function assertValidStart(input: StartPaymentInput): void {
  // Only "pay in store" may be for nothing (a fully discounted order still needs its hand-over).
  if (!(input.method === 'in_store' && input.amount === 0)) assertPositiveAmount(input.amount);
  if (!/^[A-Z]{3}$/.test(input.currency)) {
    throw new DomainError('validation_failed', `${input.currency} is not a currency code.`, [
      { field: 'currency', message: 'Three capital letters, e.g. SEK' },
    ]);
  }
  if (input.method === 'prepaid_external' && !input.externalReference) {
    throw new DomainError('validation_failed', 'A prepaid payment needs the marketplace’s reference.', [
      { field: 'payment.reference', message: 'Required for prepaid_external' },
    ]);
  }
  if (input.method === 'card' && !input.cardToken) {
    throw new DomainError('validation_failed', 'A card payment needs a card token.', [
      { field: 'cardToken', message: 'Required for card payments' },
    ]);
  }
}

// A repeat must ask for the same payment; the same id for something else is a client bug.
function assertSameStart(row: store.PaymentRow, input: StartPaymentInput): void {
  if (row.orderId !== input.orderId || row.method !== input.method || row.amount !== input.amount) {
    throw new DomainError('duplicate', `Payment ${row.id} exists for another order, method or amount.`, [
      { field: 'paymentId', message: 'Already used for another payment' },
    ]);
  }
}

/**
 * Authorizes (card, Klarna), requests (Swish), records "pay in store", an invoice (authorized at
 * once: the invoice issued with the order is the claim) or a marketplace's payment (authorized at
 * once: the marketplace holds the money). Declines are a status, not an error.
 */
export async function startPayment(ctx: AppContext, input: StartPaymentInput): Promise<PaymentRecord> {
  assertValidStart(input);
  const now = ctx.clock();
  const isInStore = input.method === 'in_store';
  const provider = isProviderlessMethod(input.method) ? null : providerFor(ctx, input.method);
  const claim = await ctx.db.transaction(async (tx) => {
    const isNew = await store.insertPayment(tx, {
      id: input.paymentId,
      orderId: input.orderId,
      method: input.method,
      provider: provider?.name ?? input.method,
      status: isInStore ? 'pay_in_store' : 'pending',
      currency: input.currency,
      amount: input.amount,
      returnUrl: input.returnUrl,
      description: input.description,
      // A secret for the provider to echo in callbacks, not an id: random, not from ctx.newId.
      callbackIdentifier: provider ? randomBytes(16).toString('hex') : null,
      now,
    });
    const row = (await store.findPaymentRow(tx, input.paymentId, { forUpdate: true }))!;
    if (!isNew) assertSameStart(row, input);
    if (isInStore) return { row, operation: null };
    if (!provider) {
      return { row: isNew ? await authorizeProviderlessIn(tx, ctx, row, input, now) : row, operation: null };
    }
    await store.insertOperation(tx, {
      id: ctx.newId('pop'),
      paymentId: row.id,
      kind: 'authorize',
      amount: row.amount,
      idempotencyKey: AUTHORIZE_KEY,
      outcome: 'started',
      request: {
        amount: row.amount,
        currency: row.currency,
        hasCardToken: Boolean(input.cardToken),
        phone: input.phone ?? null,
        returnUrl: input.returnUrl,
      },
      actor: null,
      reason: null,
      now,
    });
    return { row, operation: await store.findOperation(tx, row.id, AUTHORIZE_KEY) };
  });
  const { row, operation } = claim;
  // Answered before (a retried checkout): the first result.
  if (!provider || !operation || operation.outcome !== 'started') return toPaymentRecord(row);
  const request: AuthorizeRequest = {
    paymentId: row.id,
    idempotencyKey: `${row.id}:${AUTHORIZE_KEY}`,
    amount: row.amount,
    currency: row.currency,
    cardToken: input.cardToken,
    phone: input.phone,
    returnUrl: row.returnUrl,
    description: row.description,
    callbackIdentifier: row.callbackIdentifier!,
  };
  let result: Awaited<ReturnType<typeof provider.authorize>>;
  try {
    result = await provider.authorize(request);
  } catch (error) {
    await store.noteOperationError(ctx.db, operation.id, String(error));
    throw new DomainError('payment_failed', 'The payment provider did not answer; try again.');
  }
  return recordAuthorization(ctx, row.id, operation.id, result, { settle: false });
}

// An invoice or a marketplace's payment holds the whole amount from the start; captures at shipment
// or hand-over are bookkeeping (PAYMENT_METHOD_RULES). The money comes in against the invoice, or
// the marketplace already has it (and refunds what we record as refunded).
async function authorizeProviderlessIn(
  tx: Queryable,
  ctx: AppContext,
  row: store.PaymentRow,
  input: StartPaymentInput,
  now: Date,
): Promise<store.PaymentRow> {
  const isExternal = input.method === 'prepaid_external';
  await store.insertOperation(tx, {
    id: ctx.newId('pop'),
    paymentId: row.id,
    kind: 'authorize',
    amount: row.amount,
    idempotencyKey: AUTHORIZE_KEY,
    outcome: 'succeeded',
    request: { call: 'none', amount: row.amount },
    response: isExternal
      ? { settledBy: 'marketplace', reference: input.externalReference ?? null }
      : { settledBy: input.method },
    actor: null,
    reason: isExternal
      ? `Paid on the marketplace (${input.externalReference})`
      : input.method === 'voucher'
        ? 'Paid with vouchers'
        : 'Paid by invoice',
    now,
  });
  await store.updatePayment(
    tx,
    row.id,
    {
      status: 'authorized',
      authorized: row.amount,
      captured: 0,
      refunded: 0,
      ...(isExternal ? { providerReference: input.externalReference ?? null } : {}),
    },
    now,
  );
  const authorized = (await store.findPaymentRow(tx, row.id))!;
  await emitPaymentEvent(tx, 'payment.authorized', toPaymentRecord(authorized), now);
  return authorized;
}

/** Captures `amount` (≤ what is authorized and not yet captured); several captures are allowed. */
export async function capturePayment(ctx: AppContext, command: MoneyCommand): Promise<PaymentRecord> {
  return runMoneyOperation(ctx, { ...command, kind: 'capture' });
}

/** Refunds `amount` of what was captured. */
export async function refundPayment(ctx: AppContext, command: MoneyCommand): Promise<PaymentRecord> {
  return runMoneyOperation(ctx, { ...command, kind: 'refund' });
}

/** Releases what is authorized and not captured. */
export async function voidPayment(
  ctx: AppContext,
  command: Omit<MoneyCommand, 'amount'>,
): Promise<PaymentRecord> {
  return runMoneyOperation(ctx, { ...command, amount: null, kind: 'void' });
}

export async function findPayment(q: Queryable, id: string): Promise<PaymentRecord | null> {
  const row = await store.findPaymentRow(q, id);
  return row ? toPaymentRecord(row) : null;
}

export async function paymentsOfOrder(q: Queryable, orderId: string): Promise<PaymentRecord[]> {
  return (await store.listPaymentsOfOrder(q, orderId)).map(toPaymentRecord);
}

/** A payment with its operation history, or `not_found`. */
export async function getPaymentWithHistory(q: Queryable, id: string) {
  const row = await store.findPaymentRow(q, id);
  if (!row) {
    throw new DomainError('not_found', `No payment ${id}.`, [{ field: 'id', message: 'Unknown payment' }]);
  }
  return { payment: toPaymentRecord(row), operations: await store.listOperations(q, id) };
}
