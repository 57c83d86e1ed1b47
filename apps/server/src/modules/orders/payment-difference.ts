// "Pay the difference": after an edit raised a prepaid order beyond what its authorizations hold,
// the shopper authorizes the rest from the order-status page — a second payment of the same order,
// made by the payments module like the checkout's. Shipments then capture over both (see
// order-payments.ts). The client-made payment id makes a retry the same payment.
import type { PayDifferenceBody, PayDifferenceResult } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { assertPaymentMethodOffered } from '../payments/payments.providers';
import { startPayment } from '../payments/payments.service';
import { onlinePaymentsOf } from './order-payments';
import { announceOrderIn } from './orders.lifecycle';
import { findOrder, type OrderRow } from './orders.store';
import { viewOrder } from './orders.view';

const UNDECIDED = new Set(['pending', 'action_required']);

function unknownLink(): DomainError {
  return new DomainError('not_found', 'No such order.', [{ field: 'token', message: 'Unknown link' }]);
}

/** Our payment id: the client's key scoped to the order, so two orders never share one. */
export const differencePaymentIdOf = (orderId: string, key: string) => `${orderId}-diff-${key}`;

/** Starts (or, for a repeated key, returns) the payment of what the order still lacks. */
export async function payDifference(
  ctx: AppContext,
  token: string,
  body: PayDifferenceBody,
): Promise<{ body: PayDifferenceResult; isNew: boolean }> {
  const row = await findOrder(ctx.db, { statusToken: token });
  if (!row) throw unknownLink();
  const paymentId = differencePaymentIdOf(row.id, body.paymentId);
  const payments = await onlinePaymentsOf(ctx.db, row);
  const repeat = payments.find((p) => p.id === paymentId);
  const before = await viewOrder(ctx.db, row);
  if (!repeat) assertMayPay(ctx, row, before.amountToPay?.amount ?? 0, payments, body);
  const payment = await startPayment(ctx, {
    paymentId,
    orderId: row.id,
    method: body.method,
    // A repeat asks for what it asked the first time (the payments module refuses another amount).
    amount: repeat?.amount ?? before.amountToPay!.amount,
    currency: row.currency,
    ...(body.cardToken ? { cardToken: body.cardToken } : {}),
    ...(body.phone ? { phone: body.phone } : {}),
    returnUrl: row.statusUrl,
    description: `Order ${row.number}`,
  });
  if (payment.status === 'declined') {
    throw new DomainError('payment_declined', 'The payment was declined; nothing was charged.', [
      { field: 'method', message: 'Declined; try another card or method' },
    ]);
  }
  const order = await ctx.db.transaction(async (tx) => {
    const locked = (await findOrder(tx, { id: row.id }, { forUpdate: true }))!;
    const view = await viewOrder(tx, locked);
    // Told once, when this payment covers the difference for the first time.
    if (!repeat && payment.status === 'authorized') {
      await announceOrderIn(tx, ctx, view, 'order.updated', locked.storeId, 'difference_paid');
    }
    return view;
  });
  const result = {
    order,
    payment: {
      id: payment.id,
      status: payment.status,
      amount: { amount: payment.amount, currency: payment.currency },
      action: payment.action,
    },
  };
  return { body: result, isNew: !repeat };
}

function assertMayPay(
  ctx: AppContext,
  row: OrderRow,
  amountToPay: number,
  payments: Awaited<ReturnType<typeof onlinePaymentsOf>>,
  body: PayDifferenceBody,
): void {
  if (amountToPay <= 0) {
    throw new DomainError('invalid_state', `Order ${row.number} has nothing left to pay.`, [
      { field: 'amount', message: 'Nothing to pay' },
    ]);
  }
  // One at a time: a second payment while the first is being confirmed could pay twice.
  const open = payments.find((p) => p.id !== row.paymentId && UNDECIDED.has(p.status));
  if (open) {
    throw new DomainError('conflict', 'A payment of the difference is waiting for confirmation.', [
      { field: 'paymentId', message: 'Finish the payment already started' },
    ]);
  }
  assertPaymentMethodOffered(ctx, body.method);
}
