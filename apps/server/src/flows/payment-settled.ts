// The payments module calls this in the same transaction as it records an asynchronous result (a
// Swish callback, a completed card confirmation, a decline), so the order moves on (placed, or
// cancelled and released) exactly once.
import type { Queryable } from '@handla/db';
import type { AppContext } from '../context';
import { findOrder } from '../modules/orders/orders.store';
import type { PaymentRecord } from '../modules/payments/payments.port';
import { settleOrderIn } from './place-web-order';

/** Places or cancels the payment's order if it still awaits payment; otherwise does nothing. */
export async function onPaymentSettled(
  tx: Queryable,
  ctx: AppContext,
  payment: PaymentRecord,
): Promise<void> {
  // The lock orders this against checkout step 4 and the expiry job; whoever comes second sees it moved.
  const order = await findOrder(tx, { id: payment.orderId }, { forUpdate: true });
  if (order?.status !== 'awaiting_payment' || order.paymentId !== payment.id) return;
  await settleOrderIn(tx, ctx, order, payment);
}
