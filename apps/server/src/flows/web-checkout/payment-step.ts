// Checkout steps 3 and 4: the order's payment. Step 3 starts it with the provider, outside any
// transaction (undo: voidPayment, and cancel the order written in step 2); step 4 records the
// answer — placed, cancelled, or still awaiting (a callback settles it later, payment-settled.ts).
// Every way of paying a web or API order starts here: a new method (a provider-less one such as
// a prepaid marketplace payment) is a branch of `startCheckoutPayment`.
import type { Order } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { giveBackOrderVouchers, voucherTotalOf } from '../../modules/loyalty/web-vouchers';
import type { PlaceOrderBody } from '../../modules/orders/checkout.validate';
import { cancelOrderIn, placeOrderIn } from '../../modules/orders/orders.lifecycle';
import * as store from '../../modules/orders/orders.store';
import { viewOrder } from '../../modules/orders/orders.view';
import type { PaymentRecord } from '../../modules/payments/payments.port';
import { startPayment, voidPayment } from '../../modules/payments/payments.service';

// The voucher part's payment beside the order's own (which pays the rest); when vouchers pay the
// whole order, theirs is the order's own payment (hold-and-write.ts).
const voucherPaymentIdOf = (order: store.OrderRow) => `${order.paymentId}-voucher`;

/**
 * Step 3: starts the order's payment — first the vouchers' part (redeemed in step 2; no provider,
 * held at once), then the shopper's method for the rest. If either fails (or the provider refuses
 * before answering), the order written in step 2 is cancelled, releasing its stock and slot, the
 * vouchers are given back, and the error is thrown.
 */
export async function startCheckoutPayment(
  ctx: AppContext,
  order: store.OrderRow,
  body: PlaceOrderBody,
): Promise<PaymentRecord> {
  const voucherTotal = await voucherTotalOf(ctx.db, order.id);
  const rest = order.totalInclVat - voucherTotal;
  const common = {
    orderId: order.id,
    currency: order.currency,
    returnUrl: body.returnUrl ?? order.statusUrl,
    description: `Order ${order.number}`,
  };
  try {
    if (voucherTotal > 0) {
      const paid = await startPayment(ctx, {
        ...common,
        paymentId: rest === 0 ? order.paymentId! : voucherPaymentIdOf(order),
        method: 'voucher',
        amount: voucherTotal,
      });
      if (rest === 0) return paid;
    }
    return await startPayment(ctx, {
      ...common,
      paymentId: order.paymentId!,
      method: body.payment.method,
      amount: rest,
      ...(body.payment.method === 'card' && body.payment.cardToken
        ? { cardToken: body.payment.cardToken }
        : {}),
      ...(body.payment.method === 'swish' && body.payment.phone ? { phone: body.payment.phone } : {}),
      // Paid on a marketplace: recorded as authorized for the order total, no provider called.
      ...(body.payment.method === 'prepaid_external' ? { externalReference: body.payment.reference } : {}),
    });
  } catch (error) {
    // The provider may have authorized before the answer was lost: release that too (best effort;
    // an authorization nobody captures also lapses at the provider).
    await voidPayment(ctx, { paymentId: order.paymentId!, idempotencyKey: `undo:${order.id}` }).catch(
      () => {},
    );
    await ctx.db.transaction(async (tx) => {
      const locked = (await store.findOrder(tx, { id: order.id }, { forUpdate: true }))!;
      if (locked.status === 'awaiting_payment') {
        await cancelOrderIn(tx, ctx, locked, 'The payment could not be started', { notify: false });
      }
    });
    // Best effort here; the `loyalty.vouchers-back` job gives them back otherwise.
    if (voucherTotal > 0) {
      const voucherPaymentId = rest === 0 ? order.paymentId! : voucherPaymentIdOf(order);
      await giveBackOrderVouchers(ctx, order.id, voucherPaymentId).catch(() => {});
    }
    if (error instanceof DomainError) throw error;
    throw new DomainError('payment_failed', 'The payment provider did not answer; nothing was charged.', [
      { field: 'payment', message: 'Try again or choose another way to pay' },
    ]);
  }
}

/**
 * Step 4: records the payment's answer. A callback may have settled it already
 * (onPaymentSettled), hence the lock. A declined payment throws 402 `payment_declined`.
 */
export async function recordCheckoutPayment(
  ctx: AppContext,
  order: store.OrderRow,
  payment: PaymentRecord,
): Promise<Order> {
  const view = await ctx.db.transaction(async (tx) => {
    const locked = (await store.findOrder(tx, { id: order.id }, { forUpdate: true }))!;
    if (locked.status !== 'awaiting_payment') return viewOrder(tx, locked, { payment });
    return settleOrderIn(tx, ctx, locked, payment);
  });
  if (view.status === 'cancelled') {
    // Declined: the shopper gets the vouchers back at once (the job would within seconds).
    if (order.paymentMethod !== 'voucher' && (await voucherTotalOf(ctx.db, order.id)) > 0) {
      await giveBackOrderVouchers(ctx, order.id, voucherPaymentIdOf(order)).catch(() => {});
    }
    throw new DomainError('payment_declined', 'The payment was declined; nothing was charged or held.', [
      { field: 'payment', message: 'Declined; try another card or way to pay' },
    ]);
  }
  return view;
}

/** Moves an awaiting order on by its payment's state: placed, cancelled, or left waiting. */
export async function settleOrderIn(
  tx: Queryable,
  ctx: AppContext,
  order: store.OrderRow,
  payment: PaymentRecord,
): Promise<Order> {
  switch (payment.status) {
    case 'authorized':
    case 'partially_captured':
    case 'captured':
    case 'pay_in_store':
      return placeOrderIn(tx, ctx, order, payment);
    case 'pending':
    case 'action_required':
      return viewOrder(tx, order, { payment });
    default:
      return cancelOrderIn(tx, ctx, order, `The payment was ${payment.status}`, { notify: false, payment });
  }
}
