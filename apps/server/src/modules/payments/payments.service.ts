// STUB (skeleton) — the payments helper replaces the bodies. Provider calls happen outside any
// database transaction; each call and its answer is recorded in the payment's history.
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { MoneyCommand, PaymentRecord, StartPaymentInput } from './payments.port';

/** Authorizes (card, Klarna), requests (Swish) or records "pay in store". Declines are a status, not an error. */
export async function startPayment(_ctx: AppContext, _input: StartPaymentInput): Promise<PaymentRecord> {
  throw new Error('not implemented');
}
/** Captures `amount` (≤ what is authorized and not yet captured); several captures are allowed. */
export async function capturePayment(_ctx: AppContext, _command: MoneyCommand): Promise<PaymentRecord> {
  throw new Error('not implemented');
}
/** Refunds `amount` of what was captured. */
export async function refundPayment(_ctx: AppContext, _command: MoneyCommand): Promise<PaymentRecord> {
  throw new Error('not implemented');
}
/** Releases what is authorized and not captured. */
export async function voidPayment(
  _ctx: AppContext,
  _command: Omit<MoneyCommand, 'amount'>,
): Promise<PaymentRecord> {
  throw new Error('not implemented');
}
export async function findPayment(_q: Queryable, _id: string): Promise<PaymentRecord | null> {
  throw new Error('not implemented');
}
export async function paymentsOfOrder(_q: Queryable, _orderId: string): Promise<PaymentRecord[]> {
  throw new Error('not implemented');
}
