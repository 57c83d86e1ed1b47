// Split payments while the customer pays: what is left, what is due in cash (rounded to the coin,
// the rounding its own amount), and the payment a cash hand-over becomes. Sales only (total > 0);
// refunds go back to the original methods in the return flow.
import { money, type PaymentInput, roundForCash } from '@handla/core';

/** What is left to pay after `payments`, to the öre (before any cash rounding). */
export function remainingOf(total: number, payments: readonly PaymentInput[]): number {
  return total - payments.reduce((sum, p) => sum + p.amount, 0);
}

/** The cash that settles `remaining`: rounded to the currency's coin, and the rounding. */
export function cashDueOf(remaining: number, currency: string): { due: number; rounding: number } {
  const { roundedTotal, roundingAmount } = roundForCash(money(remaining, currency));
  return { due: roundedTotal.amount, rounding: roundingAmount.amount };
}

/** The cash payment for `tendered` handed over: it settles at most what is due; the rest is change. */
export function cashPaymentOf(tendered: number, remaining: number, currency: string): PaymentInput {
  const { due } = cashDueOf(remaining, currency);
  return { method: 'cash', amount: Math.min(tendered, due), tendered };
}

/** True when the payments settle the total (cash counted after rounding). */
export function isSettled(total: number, payments: readonly PaymentInput[], currency: string): boolean {
  const nonCash = payments.filter((p) => p.method !== 'cash').reduce((sum, p) => sum + p.amount, 0);
  const cash = payments
    .filter((p) => p.method === 'cash')
    .reduce((sum, p) => sum + (p.tendered ?? p.amount), 0);
  if (cash === 0) return nonCash === total;
  return cash >= cashDueOf(total - nonCash, currency).due;
}
