// STUB (skeleton) — the orders helper implements it. The payments module calls this in the same
// transaction as it records an asynchronous result (a Swish callback, a completed card
// confirmation, a decline), so the order moves on (placed, or cancelled and released) exactly once.
import type { Queryable } from '@handla/db';
import type { AppContext } from '../context';
import type { PaymentRecord } from '../modules/payments/payments.port';

export async function onPaymentSettled(
  _tx: Queryable,
  _ctx: AppContext,
  _payment: PaymentRecord,
): Promise<void> {}
