// A capture or refund that may need several of an order's payments (a shipment, a drop-ship
// confirmation, a return) and may be refused half-way: what moved stays moved and counted, the rest
// stays outstanding, and a retry with the same key moves only the rest. Each attempt after a refusal
// has its own key (`<key>:retry-<n>`), since a provider answers a key it refused with the refusal.
import {
  type AllocatedPart,
  allocateCapture,
  allocateRefund,
  DomainError,
  type PaymentPart,
} from '@handla/core';
import type { AppContext } from '../../context';
import { capturePayment, refundPayment } from '../payments/payments.service';
import type { OperationRow } from '../payments/payments.store';
import { allocatable, type MoveHow, paymentsWithOperations } from './order-payments';

/** Where a capture or refund of an amount stands: moved so far, still outstanding, why it stopped. */
export interface MoneyProgress {
  moved: number;
  outstanding: number;
  refusal: string | null;
}

type Kind = 'capture' | 'refund';

const isAttemptOf = (kind: Kind, key: string) => (op: OperationRow) =>
  op.kind === kind && (op.idempotencyKey === key || op.idempotencyKey.startsWith(`${key}:retry-`));

/**
 * Moves `amount` over the order's payments under `how.idempotencyKey` (captures oldest
 * authorization first, refunds newest capture first: core payments/allocation.ts). `plan` is a
 * capture split fixed when the caller claimed the work (shipments): the first attempt follows it;
 * a retry after a refusal allocates the outstanding rest afresh. A refusal is returned as progress,
 * not thrown; no answer (`payment_failed`) is thrown, and a retry with the same key finishes that
 * call first. Over all attempts, never moves more than `amount`.
 */
export async function moveOwed(
  ctx: AppContext,
  order: { id: string; paymentId: string | null },
  kind: Kind,
  amount: number,
  how: MoveHow & { plan?: readonly PaymentPart[] },
): Promise<MoneyProgress> {
  const key = how.idempotencyKey;
  let { payments, ops } = await paymentsWithOperations(ctx.db, order);
  const attempts = () => payments.flatMap((p) => ops(p.id).filter(isAttemptOf(kind, key)));
  // A call sent and not answered (a crash, a timeout) is finished first, under its own key.
  const unanswered = attempts().filter((op) => op.outcome === 'started');
  for (const op of unanswered) {
    await moveOrRefusal(
      ctx,
      kind,
      { ...how, idempotencyKey: op.idempotencyKey },
      op.paymentId,
      op.amount ?? 0,
    );
  }
  if (unanswered.length > 0) ({ payments, ops } = await paymentsWithOperations(ctx.db, order));
  const done = attempts();
  const moved = done.filter((op) => op.outcome === 'succeeded').reduce((n, op) => n + (op.amount ?? 0), 0);
  const refusals = done.filter((op) => op.outcome === 'refused').length;
  let outstanding = amount - moved;
  if (outstanding <= 0) return { moved, outstanding: 0, refusal: null };
  const attemptKey = refusals === 0 ? key : `${key}:retry-${refusals}`;
  // A payment already asked under this attempt's key cannot be asked again under it.
  const used = new Set(done.filter((op) => op.idempotencyKey === attemptKey).map((op) => op.paymentId));
  const planned = (how.plan ?? []).filter((p) => !used.has(p.paymentId) && p.amount > 0);
  let parts: AllocatedPart[];
  if (attemptKey === key && how.plan && planned.reduce((n, p) => n + p.amount, 0) === outstanding) {
    parts = planned;
  } else {
    const allocate = kind === 'capture' ? allocateCapture : allocateRefund;
    const result = allocate(
      payments.map((p, i) => allocatable(p, i, ops(p.id), attemptKey)).filter((p) => !used.has(p.paymentId)),
      outstanding,
    );
    if (!result.isAllocated) {
      const refusal = `The payments hold only ${result.available} öre of the ${outstanding} öre outstanding`;
      return { moved, outstanding, refusal };
    }
    parts = result.parts;
  }
  let total = moved;
  const attempt = { ...how, idempotencyKey: attemptKey };
  for (const part of parts) {
    const refusal = await moveOrRefusal(ctx, kind, attempt, part.paymentId, part.amount);
    if (refusal) return { moved: total, outstanding, refusal };
    total += part.amount;
    outstanding -= part.amount;
  }
  return { moved: total, outstanding: 0, refusal: null };
}

/** One capture or refund; a refusal is returned as its reason, anything else (no answer) thrown. */
async function moveOrRefusal(
  ctx: AppContext,
  kind: Kind,
  how: MoveHow,
  paymentId: string,
  amount: number,
): Promise<string | null> {
  try {
    const move = kind === 'capture' ? capturePayment : refundPayment;
    await move(ctx, { paymentId, amount, ...how });
    return null;
  } catch (error) {
    // Refused by the provider, or by the amount rules (the payment no longer holds it): either way
    // this part did not move, and the caller keeps what the others moved.
    const isRefusal =
      error instanceof DomainError && ['payment_declined', 'invalid_state'].includes(error.code);
    if (isRefusal) return error.message;
    throw error;
  }
}

/** The 402 for a capture or refund refused after part of it moved: the outstanding rest, and how to retry. */
export function outstandingMoneyError(progress: MoneyProgress, field: string): DomainError {
  const message = `${progress.moved} öre moved, ${progress.outstanding} öre outstanding; retry with the same key to move only the rest`;
  return new DomainError('payment_declined', `${progress.refusal ?? 'Refused'}. ${message}.`, [
    { field, message },
  ]);
}
