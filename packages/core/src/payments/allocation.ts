// Which of an order's payments gives how much when one amount is captured or refunded: the
// checkout's authorization and any "pay the difference" authorization after an edit. Only the
// status and the amount rules (amounts.ts) decide what a payment can give, never its method.
import { DomainError } from '../errors';
import { capturableAmount, refundableAmount } from './amounts';
import { isSettledStatus, type PaymentStatus } from './status';

/** One payment of an order as the allocation sees it (amounts in öre). */
export interface AllocatablePayment {
  paymentId: string;
  status: PaymentStatus;
  authorized: number;
  captured: number;
  refunded: number;
  /** When it was made (ms): captures take the oldest authorization first. */
  createdAt: number;
  /** When its latest capture was recorded (ms), null before any: refunds go newest first. */
  lastCapturedAt?: number | null;
  /** Captures of other callers sent and not yet answered: not ours to promise. */
  capturesInFlight?: number;
  /** Refunds of other callers sent and not yet answered. */
  refundsInFlight?: number;
}

/** How much one payment gives of the amount. */
export interface AllocatedPart {
  paymentId: string;
  amount: number;
}

/** The parts that together make exactly the amount, or a refusal saying how much there is. */
export type Allocation =
  | { isAllocated: true; parts: AllocatedPart[] }
  | { isAllocated: false; available: number };

/** What a payment can still give to a capture: authorized − captured − in flight, 0 unless it holds money. */
export function capturableOf(p: AllocatablePayment): number {
  return isSettledStatus(p.status) ? capturableAmount(p, p.capturesInFlight ?? 0) : 0;
}

/** What a payment can still give back to a refund: captured − refunded − in flight. */
export function refundableOf(p: AllocatablePayment): number {
  return isSettledStatus(p.status) ? refundableAmount(p, p.refundsInFlight ?? 0) : 0;
}

const byOldest = (a: AllocatablePayment, b: AllocatablePayment) =>
  a.createdAt - b.createdAt || (a.paymentId < b.paymentId ? -1 : a.paymentId > b.paymentId ? 1 : 0);

// Refunds undo the newest capture first: the providers' refund windows run from the capture, so
// the newest is the one most surely still refundable, and the shopper sees the latest charge undone.
const byNewestCapture = (a: AllocatablePayment, b: AllocatablePayment) =>
  (b.lastCapturedAt ?? Number.NEGATIVE_INFINITY) - (a.lastCapturedAt ?? Number.NEGATIVE_INFINITY) ||
  -byOldest(a, b);

function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new DomainError('validation_failed', `${amount} is not an amount in öre.`, [
      { field: 'amount', message: 'A whole, non-negative number of öre' },
    ]);
  }
}

function allocate(
  payments: readonly AllocatablePayment[],
  amount: number,
  fixed: readonly AllocatedPart[],
  canGive: (p: AllocatablePayment) => number,
  order: (a: AllocatablePayment, b: AllocatablePayment) => number,
): Allocation {
  assertAmount(amount);
  const isFixed = new Set(fixed.map((f) => f.paymentId));
  const fixedTotal = fixed.reduce((sum, f) => sum + f.amount, 0);
  const others = payments.filter((p) => !isFixed.has(p.paymentId)).sort(order);
  const available = fixedTotal + others.reduce((sum, p) => sum + canGive(p), 0);
  if (fixedTotal > amount) return { isAllocated: false, available };
  let left = amount - fixedTotal;
  const parts = fixed.filter((f) => f.amount > 0).map((f) => ({ ...f }));
  for (const p of others) {
    if (left === 0) break;
    const take = Math.min(left, canGive(p));
    if (take > 0) parts.push({ paymentId: p.paymentId, amount: take });
    left -= take;
  }
  return left === 0 ? { isAllocated: true, parts } : { isAllocated: false, available };
}

/**
 * Splits a capture of `amount` over the payments, oldest authorization first, each up to what it
 * still holds. `fixed`: parts already started under the caller's key (a retry) keep their payment
 * and amount; only the rest is split. Refused (with what there is) when they hold less.
 */
export function allocateCapture(
  payments: readonly AllocatablePayment[],
  amount: number,
  fixed: readonly AllocatedPart[] = [],
): Allocation {
  return allocate(payments, amount, fixed, capturableOf, byOldest);
}

/**
 * Splits a refund of `amount` over the payments, newest capture first, each up to what it captured
 * and has not refunded. `fixed` as for captures. Refused when they captured less.
 */
export function allocateRefund(
  payments: readonly AllocatablePayment[],
  amount: number,
  fixed: readonly AllocatedPart[] = [],
): Allocation {
  return allocate(payments, amount, fixed, refundableOf, byNewestCapture);
}
