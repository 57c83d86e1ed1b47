// How the payments of a receipt settle its total: non-cash methods settle exactly, cash settles
// the rest rounded to the coin (the rounding is its own amount) and may be over-tendered (change).
import { money } from '../money/money';
import { roundForCash } from '../rounding/cash-rounding';
import type { FieldProblem } from './discounts';
import { type ComputedPayment, type PaymentInput, REGISTER_PAYMENT_METHODS } from './types';

/** The settled payments of a receipt. */
export interface Settlement {
  readonly roundingAmount: number;
  readonly payments: ComputedPayment[];
  readonly changeAmount: number;
}

function checkPayment(payment: PaymentInput, sign: number, field: string, problems: FieldProblem[]): boolean {
  const before = problems.length;
  if (!REGISTER_PAYMENT_METHODS.includes(payment.method)) {
    problems.push({
      field: `${field}.method`,
      message: `Unknown means of payment ${String(payment.method)}`,
    });
  }
  // Cash may be 0 where the cash part rounds to nothing (a 0,40 kr refund pays back 0 kr).
  const isZeroAllowed = payment.method === 'cash';
  if (!Number.isSafeInteger(payment.amount) || (payment.amount === 0 && !isZeroAllowed)) {
    problems.push({ field: `${field}.amount`, message: 'Must be a non-zero whole number of minor units' });
  } else if (payment.amount !== 0 && Math.sign(payment.amount) !== sign) {
    problems.push({
      field: `${field}.amount`,
      message: sign > 0 ? 'Must be positive on a sale' : 'Must be negative on a refund',
    });
  }
  if (payment.tendered !== undefined) {
    if (payment.method !== 'cash' || sign < 0) {
      problems.push({
        field: `${field}.tendered`,
        message: 'Only cash received on a sale has a tendered amount',
      });
    } else if (!Number.isSafeInteger(payment.tendered) || payment.tendered < payment.amount) {
      problems.push({ field: `${field}.tendered`, message: 'Must be a whole number of at least the amount' });
    }
  }
  return problems.length === before;
}

/**
 * Settles `total` (exact, after discounts) with `payments`, pushing problems instead of throwing.
 * A refund (negative total) pays out exactly; only a sale can give change.
 */
export function settlePayments(
  total: number,
  currency: string,
  payments: readonly PaymentInput[],
  problems: FieldProblem[],
): Settlement {
  const none: Settlement = { roundingAmount: 0, payments: [], changeAmount: 0 };
  if (total === 0) {
    if (payments.length > 0) problems.push({ field: 'payments', message: 'There is nothing to pay' });
    return none;
  }
  const sign = Math.sign(total);
  const valid = payments.map((p, i) => checkPayment(p, sign, `payments[${i}]`, problems));
  if (valid.includes(false)) return none;
  if (payments.length === 0) {
    problems.push({ field: 'payments', message: 'A means of payment is required' });
    return none;
  }

  const nonCash = payments.filter((p) => p.method !== 'cash').reduce((sum, p) => sum + p.amount, 0);
  if (Math.abs(nonCash) > Math.abs(total)) {
    problems.push({ field: 'payments', message: 'Payments other than cash may not exceed the total' });
    return none;
  }
  const cashPayments = payments.filter((p) => p.method === 'cash');
  if (cashPayments.length === 0) {
    if (nonCash !== total)
      problems.push({ field: 'payments', message: `Payments must cover the total ${total}` });
    return { ...none, payments: payments.map(toComputed) };
  }

  // Rounding applies only to the part paid in cash: a card payment is exact to the öre.
  const { roundedTotal, roundingAmount } = roundForCash(money(total - nonCash, currency));
  const cashDue = roundedTotal.amount;
  const handed = cashPayments.reduce((sum, p) => sum + (p.tendered ?? p.amount), 0);
  const short = sign > 0 ? handed < cashDue : handed !== cashDue;
  if (short) {
    const message =
      sign > 0
        ? `Payments must cover the total ${total + roundingAmount.amount}`
        : `Cash paid back must be ${cashDue}`;
    problems.push({ field: 'payments', message });
    return none;
  }

  let cashLeft = cashDue;
  const settled = payments.map((p): ComputedPayment => {
    if (p.method !== 'cash') return toComputed(p);
    const received = p.tendered ?? p.amount;
    const applied = sign > 0 ? Math.min(received, cashLeft) : received;
    cashLeft -= applied;
    return sign > 0 ? { ...toComputed(p), amount: applied, tendered: received } : toComputed(p);
  });
  return { roundingAmount: roundingAmount.amount, payments: settled, changeAmount: handed - cashDue };
}

function toComputed(p: PaymentInput): ComputedPayment {
  return {
    method: p.method,
    amount: p.amount,
    ...(p.tendered !== undefined ? { tendered: p.tendered } : {}),
    ...(p.reference !== undefined ? { reference: p.reference } : {}),
  };
}
