// The web checkout, in numbered steps. Each step that reaches outside our transaction has its
// undo written beside it, so a failure at any point leaves nothing held, booked or charged.
//   1. validate (nothing held yet)                       modules/orders/checkout.validate.ts
//   2. one transaction: slot booked, stock held, order + lines written with the next number,
//      the invoice issued when paid by invoice (credit limit checked),
//      `order.created` emitted                          web-checkout/hold-and-write.ts
//                                                       undo: cancelOrderIn (release both)
//   3. startPayment, outside any transaction            web-checkout/payment-step.ts
//                                                       undo: voidPayment (the provider's side)
//   4. one transaction: the payment's answer recorded → placed / cancelled / still awaiting
import type { Queryable } from '@handla/db';
import type { AppContext } from '../context';
import {
  assertPrepaidAmount,
  type PlaceOrderBody,
  validateCheckout,
} from '../modules/orders/checkout.validate';
import * as store from '../modules/orders/orders.store';
import { viewOrder } from '../modules/orders/orders.view';
import { applyShopToPlan, assertShopOffers, shopOfHost } from '../modules/shops/shop-context';
import type { CheckoutContext, CheckoutOutcome } from './web-checkout/checkout-types';
import { holdAndWrite } from './web-checkout/hold-and-write';
import { recordCheckoutPayment, startCheckoutPayment } from './web-checkout/payment-step';
import { checkVoucherPayment } from './web-checkout/voucher-step';

export type { CheckoutContext, CheckoutOutcome } from './web-checkout/checkout-types';
export { settleOrderIn } from './web-checkout/payment-step';

/**
 * Places a web order: stock and slot are held atomically with the order, then the payment is
 * started. A declined payment releases everything and throws 402 `payment_declined`; a repeated
 * `checkoutId` returns the first order and changes nothing.
 */
export async function placeWebOrder(
  ctx: AppContext,
  input: CheckoutContext,
  body: PlaceOrderBody,
): Promise<CheckoutOutcome> {
  const repeat = await findRepeat(ctx.db, body.checkoutId);
  if (repeat) return repeat;

  // 1. Validate: nothing is held yet.
  const shop = await shopOfHost(ctx, input.shopHost);
  assertShopOffers(shop, body);
  const plan = await applyShopToPlan(
    ctx,
    shop,
    body,
    await validateCheckout(ctx, body, input.customerId, shop.priceListId),
  );
  assertPrepaidAmount(body, plan);
  await checkVoucherPayment(ctx, input, body, plan);

  // 2. Hold stock, book the slot and write the order in one transaction.
  let order: store.OrderRow;
  try {
    order = await ctx.db.transaction((tx) => holdAndWrite(tx, ctx, input, body, plan));
  } catch (error) {
    // A concurrent twin of this checkout committed first (or took the stock it would hold).
    const twin = await findRepeat(ctx.db, body.checkoutId);
    if (twin) return twin;
    throw error;
  }

  // 3. Start the payment outside any transaction; if the provider fails, undo step 2.
  const payment = await startCheckoutPayment(ctx, order, body);

  // 4. Record the answer.
  return { order: await recordCheckoutPayment(ctx, order, payment), isNew: true };
}

async function findRepeat(q: Queryable, checkoutId: string): Promise<CheckoutOutcome | null> {
  const existing = await store.findOrder(q, { checkoutId });
  return existing ? { order: await viewOrder(q, existing), isNew: false } : null;
}
