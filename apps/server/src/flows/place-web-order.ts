// The web checkout, in numbered steps. Each step that reaches outside our transaction has its
// undo written beside it, so a failure at any point leaves nothing held, booked or charged.
//   1. validate (nothing held yet)
//   2. one transaction: slot booked, stock held, order + lines written with the next number,
//      the invoice issued when paid by invoice (credit limit checked),
//      `order.created` emitted                          undo: cancelOrderIn (release both)
//   3. startPayment, outside any transaction            undo: voidPayment (the provider's side)
//   4. one transaction: the payment's answer recorded → placed / cancelled / still awaiting
import { randomBytes } from 'node:crypto';
import type { CheckoutBody, Order } from '@handla/api';
import { DomainError, lineTotal, money, orderTotals, pickupCodeFrom } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../context';
import { matchWebGuest } from '../modules/customers/crm.service';
import {
  announceStockHoldIn,
  type TakenHold,
  takeStockHoldIn,
} from '../modules/inventory/reservations.service';
import { issueOrderInvoiceIn } from '../modules/invoices/invoices.checkout';
import { locationsCompanyId } from '../modules/locations/locations.lookups';
import { type CheckoutPlan, validateCheckout } from '../modules/orders/checkout.validate';
import { writeOrderPromotionsIn } from '../modules/orders/checkout-promotions';
import { cancelOrderIn, ORDER_ACTOR, placeOrderIn } from '../modules/orders/orders.lifecycle';
import * as store from '../modules/orders/orders.store';
import { statusUrlOf, viewOrder } from '../modules/orders/orders.view';
import type { PaymentRecord } from '../modules/payments/payments.port';
import { startPayment, voidPayment } from '../modules/payments/payments.service';
import { bookPickupSlot } from '../modules/pickup/pickup.booking';
import { applyShopToPlan, assertShopOffers, shopOfHost } from '../modules/shops/shop-context';
import { setOrderShop } from '../modules/shops/shops.store';
import { emitEvent } from '../outbox/emit';

/** Who places the order and where links point. */
export interface CheckoutContext {
  publicUrl: string;
  /** The signed-in shopper's customer id; the order shows in their account. */
  customerId: string | null;
  /** 'api' for orders an integration places through `POST /api/orders`; the shop's own are 'web'. */
  channel?: 'web' | 'api';
  /** The request's host name: it picks the shop (modules/shops), else the default shop sells. */
  shopHost?: string;
}

/** The placed (or still paying) order; `isNew` false for a repeated checkout id. */
export interface CheckoutOutcome {
  order: Order;
  isNew: boolean;
}

// Rolls back a checkout that lost the race to insert its checkout id.
class RepeatedCheckout extends Error {}
// Any fixed number: the class of the per-checkout-id advisory locks.
const CHECKOUT_LOCK_CLASS = 7_340_109;

/**
 * Places a web order: stock and slot are held atomically with the order, then the payment is
 * started. A declined payment releases everything and throws 402 `payment_declined`; a repeated
 * `checkoutId` returns the first order and changes nothing.
 */
export async function placeWebOrder(
  ctx: AppContext,
  input: CheckoutContext,
  body: CheckoutBody,
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
  let payment: PaymentRecord;
  try {
    payment = await startPayment(ctx, {
      paymentId: order.paymentId!,
      orderId: order.id,
      method: body.payment.method,
      amount: order.totalInclVat,
      currency: order.currency,
      ...(body.payment.method === 'card' ? { cardToken: body.payment.cardToken } : {}),
      ...(body.payment.method === 'swish' && body.payment.phone ? { phone: body.payment.phone } : {}),
      returnUrl: body.returnUrl ?? order.statusUrl,
      description: `Order ${order.number}`,
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
    if (error instanceof DomainError) throw error;
    throw new DomainError('payment_failed', 'The payment provider did not answer; nothing was charged.', [
      { field: 'payment', message: 'Try again or choose another way to pay' },
    ]);
  }

  // 4. Record the answer. A callback may have settled it already (onPaymentSettled), hence the lock.
  const view = await ctx.db.transaction(async (tx) => {
    const locked = (await store.findOrder(tx, { id: order.id }, { forUpdate: true }))!;
    if (locked.status !== 'awaiting_payment') return viewOrder(tx, locked, { payment });
    return settleOrderIn(tx, ctx, locked, payment);
  });
  if (view.status === 'cancelled') {
    throw new DomainError('payment_declined', 'The payment was declined; nothing was charged or held.', [
      { field: 'payment', message: 'Declined; try another card or way to pay' },
    ]);
  }
  return { order: view, isNew: true };
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

async function findRepeat(q: Queryable, checkoutId: string): Promise<CheckoutOutcome | null> {
  const existing = await store.findOrder(q, { checkoutId });
  return existing ? { order: await viewOrder(q, existing), isNew: false } : null;
}

async function holdAndWrite(
  tx: Queryable,
  ctx: AppContext,
  input: CheckoutContext,
  body: CheckoutBody,
  plan: CheckoutPlan,
): Promise<store.OrderRow> {
  const now = ctx.clock();
  // Twins of one checkout take turns here, before either holds anything: the second then finds
  // the first's order. (Meeting later, at the order's unique checkout id, the second would wait
  // on the first's next transaction while holding the outbox lock that one needs.)
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [CHECKOUT_LOCK_CLASS, body.checkoutId]);
  if (await store.findOrder(tx, { checkoutId: body.checkoutId })) throw new RepeatedCheckout();
  const orderId = ctx.newId('ord');
  const items = plan.lines.reduce((sum, l) => sum + l.quantity, 0);
  const f = body.fulfilment;
  // Lock order matters (see takeStockHoldIn): stock rows in SKU order, the slot, the order
  // counter, and the outbox lock (by emitting) last.
  const byLine = [...plan.lines.entries()].sort(([, a], [, b]) =>
    a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0,
  );
  const holds: TakenHold[] = [];
  for (const [i, line] of byLine) {
    try {
      holds.push(
        await takeStockHoldIn(tx, now, ORDER_ACTOR, {
          reservationId: `${orderId}:${i + 1}`,
          skuId: line.skuId,
          locationId: plan.locationId,
          quantity: line.quantity,
          reference: orderId,
        }),
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'insufficient_stock') {
        throw new DomainError(error.code, error.message, [
          { field: `lines[${i}].quantity`, message: error.fields?.[0]?.message ?? 'Not enough in stock' },
        ]);
      }
      throw error;
    }
  }
  const slot =
    f.kind === 'pickup'
      ? await bookPickupSlot(tx, { storeId: f.storeId, slot: f.slot, orderId, items, now })
      : null;

  const priced = plan.lines.map((l) => ({
    ...l,
    unitPriceInclVat: money(l.unitPriceInclVat, plan.currency),
  }));
  const totals = orderTotals(
    priced,
    plan.shipping
      ? { priceInclVat: money(plan.shipping.priceInclVat, plan.currency), vatRateBp: plan.shipping.vatRateBp }
      : null,
    plan.currency,
  );
  const statusToken = randomBytes(16).toString('base64url');
  // Late: the counter row stays locked until commit, so it is held for as short as possible.
  const companyId = await locationsCompanyId(tx);
  const row: store.NewOrder = {
    id: orderId,
    companyId,
    number: await store.takeOrderNumber(tx, companyId),
    checkoutId: body.checkoutId,
    status: 'awaiting_payment',
    channel: input.channel ?? 'web',
    locale: body.locale,
    customerName: body.customer.name,
    customerEmail: body.customer.email,
    customerPhone: body.customer.phone ?? null,
    customerId: input.customerId ?? (await matchWebGuest(ctx, tx, body.customer)),
    fulfilment: f.kind,
    storeId: plan.storeId,
    locationId: plan.locationId,
    slotStartsAt: slot?.startsAt ?? null,
    slotEndsAt: slot?.endsAt ?? null,
    slotAsap: slot?.asap ?? false,
    remindAt:
      slot && plan.reminderMinutesBefore !== null
        ? new Date(+slot.startsAt - plan.reminderMinutesBefore * 60_000)
        : null,
    deliveryAddress: f.kind === 'delivery' ? f.address : null,
    shippingMethodId: plan.shipping?.id ?? null,
    shippingPriceInclVat: plan.shipping?.priceInclVat ?? 0,
    shippingVatRateBp: plan.shipping?.vatRateBp ?? 0,
    linesTotalInclVat: totals.linesTotal.amount,
    totalInclVat: totals.total.amount,
    currency: plan.currency,
    paymentMethod: body.payment.method,
    paymentId: `pay_${orderId.slice('ord_'.length)}`,
    statusToken,
    statusUrl: statusUrlOf(input.publicUrl, statusToken),
    pickupCode: pickupCodeFrom(randomBytes(8)),
    createdAt: now,
  };
  if (!(await store.insertOrder(tx, row))) throw new RepeatedCheckout();
  await store.insertOrderLines(
    tx,
    priced.map((l, i) => ({
      id: `${orderId}_l${i + 1}`,
      orderId,
      position: i + 1,
      skuId: l.skuId,
      sku: l.sku,
      productNameSv: l.productNameSv,
      productNameEn: l.productNameEn,
      variantName: l.variantName,
      quantity: l.quantity,
      unitPriceInclVat: l.unitPriceInclVat.amount,
      lineTotalInclVat: lineTotal(l).amount,
      vatRateBp: l.vatRateBp,
      reservationId: `${orderId}:${i + 1}`,
    })),
  );
  // Discounts by rule, and the coupon redeemed (a used-up one rolls the whole checkout back).
  await writeOrderPromotionsIn(tx, ctx, orderId, plan.promotions);
  if (plan.shop) await setOrderShop(tx, orderId, plan.shop);
  // After the order counter, before the outbox lock: the invoice locks the customer row and its
  // own counter; beyond the credit limit it throws, and all of the above rolls back.
  const invoiceEvents =
    body.payment.method === 'invoice' && row.customerId
      ? await issueOrderInvoiceIn(tx, ctx, {
          orderId,
          customerId: row.customerId,
          storeId: plan.storeId,
          currency: plan.currency,
          locale: body.locale,
          lines: priced.map((l) => ({
            name: [body.locale === 'en' ? l.productNameEn : l.productNameSv, l.variantName]
              .filter(Boolean)
              .join(', '),
            quantity: l.quantity,
            unitPriceInclVat: l.unitPriceInclVat.amount,
            lineTotalInclVat: lineTotal(l).amount,
            vatRateBp: l.vatRateBp,
          })),
          shipping: plan.shipping,
        })
      : [];
  const written = (await store.findOrder(tx, { id: orderId }))!;
  const created = await viewOrder(tx, written);
  // Events last: emitting takes the outbox's global lock, held until commit, so nothing after
  // it may wait for a row another checkout holds.
  for (const hold of holds) await announceStockHoldIn(tx, now, hold);
  await emitEvent(
    tx,
    {
      type: 'order.created',
      aggregateType: 'order',
      aggregateId: orderId,
      storeId: plan.storeId,
      data: { order: created },
    },
    now,
  );
  for (const event of invoiceEvents) await emitEvent(tx, event, now);
  return written;
}
