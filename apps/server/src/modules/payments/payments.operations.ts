// Capture, refund and release (void) as one recorded operation each, idempotent on the caller's
// key. Step 1 (a transaction, the payment row locked): check the amount rules counting operations
// still in flight, and record the operation as started. Step 2: call the provider with the key.
// Step 3 (a transaction): record its answer and the payment's new amounts, emit the event.
import {
  applyPaymentChange,
  capturableAmount,
  DomainError,
  isExternallySettledMethod,
  isProviderlessMethod,
  PAYMENT_METHOD_RULES,
  type PaymentChange,
} from '@handla/core';
import type { AppContext } from '../../context';
import { emitPaymentEvent, type PaymentEventType } from './payments.events';
import type { OperationResult, PaymentRecord, ProviderCall } from './payments.port';
import { providerFor } from './payments.providers';
import { stateOf, toPaymentRecord } from './payments.record';
import * as store from './payments.store';

type MoneyKind = 'capture' | 'refund' | 'void';
/**
 * Which provider call an operation makes; 'none' is bookkeeping only (a Swish capture);
 * 'marketplace_refund' calls nobody: the marketplace that took the money refunds it (prepaid_external).
 */
type ProviderCallKind = 'capture' | 'refund' | 'release' | 'none' | 'marketplace_refund';

export interface MoneyOperation {
  kind: MoneyKind;
  paymentId: string;
  /** null for a void: it releases whatever is left. */
  amount: number | null;
  idempotencyKey: string;
  reason?: string;
  actor?: string;
}

interface Plan {
  call: ProviderCallKind;
  amount: number;
  change: PaymentChange;
}

const EVENT_OF: Record<MoneyKind, PaymentEventType> = {
  capture: 'payment.captured',
  refund: 'payment.refunded',
  void: 'payment.voided',
};

function notFound(id: string) {
  return new DomainError('not_found', `No payment ${id}.`, [
    { field: 'paymentId', message: 'Unknown payment' },
  ]);
}

function changeOf(kind: MoneyKind, amount: number): PaymentChange {
  if (kind === 'capture') return { kind: 'captured', amount };
  if (kind === 'refund') return { kind: 'refunded', amount };
  return { kind: 'released' };
}

// A marketplace's payment is given back by the marketplace: we record it and announce it.
const refundCallOf = (row: store.PaymentRow): ProviderCallKind =>
  isExternallySettledMethod(row.method) ? 'marketplace_refund' : 'refund';

// Checks the rules against what is recorded plus what is in flight, and decides the provider call.
function planOperation(
  row: store.PaymentRow,
  op: MoneyOperation,
  inFlight: { kind: store.OperationKind; amount: number | null }[],
): Plan {
  const sum = (kind: store.OperationKind) =>
    inFlight.filter((o) => o.kind === kind).reduce((total, o) => total + (o.amount ?? 0), 0);
  if (inFlight.some((o) => o.kind === 'void')) {
    throw new DomainError('invalid_state', 'The payment is being released.', [
      { field: 'status', message: 'A release is in progress' },
    ]);
  }
  const state = stateOf(row);
  const rules = PAYMENT_METHOD_RULES[row.method];
  if (op.kind === 'void') {
    applyPaymentChange(state, { kind: 'released' }, sum('capture'));
    const isUndecided = row.status === 'pending' || row.status === 'action_required';
    if (isUndecided && !row.providerReference) {
      throw new DomainError('invalid_state', 'The authorization is still being answered; try again.', [
        { field: 'status', message: 'Waiting for the provider' },
      ]);
    }
    // Swish holds nothing to release: the rest of what was paid goes back as a refund.
    const call = isUndecided || rules.releaseBy === 'release' ? 'release' : refundCallOf(row);
    return { call, amount: isUndecided ? 0 : capturableAmount(state), change: { kind: 'released' } };
  }
  const amount = op.amount ?? 0;
  const change = changeOf(op.kind, amount);
  applyPaymentChange(state, change, sum(op.kind));
  if (op.kind === 'refund') return { call: refundCallOf(row), amount, change };
  return { call: rules.doesCaptureCallProvider ? 'capture' : 'none', amount, change };
}

function assertSameOperation(existing: store.OperationRow, op: MoneyOperation): void {
  const isSame = existing.kind === op.kind && (op.kind === 'void' || existing.amount === op.amount);
  if (!isSame) {
    throw new DomainError('duplicate', 'This idempotency key was used for another operation.', [
      { field: 'idempotencyKey', message: `Already used for a ${existing.kind} of ${existing.amount ?? 0}` },
    ]);
  }
}

function refusal(kind: MoneyKind, reason: string): DomainError {
  return kind === 'void'
    ? new DomainError('invalid_state', `The provider refused the release: ${reason}`, [
        { field: 'status', message: reason },
      ])
    : new DomainError('payment_declined', `The provider refused the ${kind}: ${reason}`, [
        { field: 'amount', message: reason },
      ]);
}

async function callProvider(
  ctx: AppContext,
  row: store.PaymentRow,
  plan: Plan,
  call: ProviderCall,
): Promise<OperationResult> {
  if (plan.call === 'marketplace_refund') return { outcome: 'succeeded', reference: 'refund-by-marketplace' };
  if (plan.call === 'none' || isProviderlessMethod(row.method)) {
    return { outcome: 'succeeded', reference: 'no-provider-call' };
  }
  const provider = providerFor(ctx, row.method);
  if (plan.call === 'capture') return provider.capture(call, plan.amount);
  if (plan.call === 'refund') return provider.refund(call, plan.amount);
  return provider.release(call);
}

/** Runs one capture, refund or release; a repeat with the same key returns without a second call. */
export async function runMoneyOperation(ctx: AppContext, op: MoneyOperation): Promise<PaymentRecord> {
  if (!op.idempotencyKey || op.idempotencyKey.length > 100) {
    throw new DomainError('validation_failed', 'An idempotency key of 1–100 characters is required.', [
      { field: 'idempotencyKey', message: '1–100 characters' },
    ]);
  }
  const now = ctx.clock();
  const claim = await ctx.db.transaction(async (tx) => {
    const row = await store.findPaymentRow(tx, op.paymentId, { forUpdate: true });
    if (!row) throw notFound(op.paymentId);
    const existing = await store.findOperation(tx, row.id, op.idempotencyKey);
    if (existing) {
      assertSameOperation(existing, op);
      return { row, operation: existing };
    }
    const plan = planOperation(row, op, await store.operationsInFlight(tx, row.id));
    await store.insertOperation(tx, {
      id: ctx.newId('pop'),
      paymentId: row.id,
      kind: op.kind,
      amount: plan.amount,
      idempotencyKey: op.idempotencyKey,
      outcome: 'started',
      request: { call: plan.call, amount: plan.amount },
      actor: op.actor ?? null,
      reason: op.reason ?? null,
      now,
    });
    return { row, operation: (await store.findOperation(tx, row.id, op.idempotencyKey))! };
  });
  const { row, operation } = claim;
  if (operation.outcome === 'refused') {
    throw refusal(op.kind, String(operation.response?.reason ?? 'refused'));
  }
  if (operation.outcome !== 'started') return toPaymentRecord(row);
  const plan: Plan = {
    call: operation.request.call as ProviderCallKind,
    amount: operation.amount ?? 0,
    change: changeOf(op.kind, operation.amount ?? 0),
  };
  const call: ProviderCall = {
    paymentId: row.id,
    providerReference: row.providerReference ?? '',
    idempotencyKey: `${row.id}:${op.idempotencyKey}`,
    currency: row.currency,
  };
  let result: OperationResult;
  try {
    result = await callProvider(ctx, row, plan, call);
  } catch (error) {
    await store.noteOperationError(ctx.db, operation.id, String(error));
    throw new DomainError('payment_failed', 'The payment provider did not answer; retry with the same key.');
  }
  const recorded = await recordMoneyResult(ctx, op.kind, row.id, operation.id, plan, result);
  if (result.outcome === 'refused') throw refusal(op.kind, result.reason);
  return recorded;
}

async function recordMoneyResult(
  ctx: AppContext,
  kind: MoneyKind,
  paymentId: string,
  operationId: string,
  plan: Plan,
  result: OperationResult,
): Promise<PaymentRecord> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = (await store.findPaymentRow(tx, paymentId, { forUpdate: true }))!;
    const outcome = result.outcome === 'succeeded' ? 'succeeded' : 'refused';
    const isFirst = await store.finishStartedOperation(tx, operationId, outcome, { ...result }, now);
    if (!isFirst || result.outcome === 'refused') return toPaymentRecord(row);
    // Checked when the operation started, with this one counted in flight; still holds now.
    const next = applyPaymentChange(stateOf(row), plan.change);
    await store.updatePayment(tx, row.id, next, now);
    const payment = toPaymentRecord((await store.findPaymentRow(tx, row.id))!);
    const amount = kind === 'void' ? row.authorized - next.authorized : plan.amount;
    if (plan.call === 'marketplace_refund') {
      // Whatever the marketplace must give back — a return, or the undelivered rest released — is
      // one `payment.refunded` its adapter acts on, naming the marketplace's payment reference.
      await emitPaymentEvent(tx, 'payment.refunded', payment, now, amount, {
        refundByMarketplace: { amount, reference: row.providerReference, released: kind === 'void' },
      });
      return payment;
    }
    await emitPaymentEvent(tx, EVENT_OF[kind], payment, now, amount);
    return payment;
  });
}
