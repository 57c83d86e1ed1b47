// Checkout step 2: one transaction holds the stock, books the slot and writes the order with its
// lines, discounts and (paid by invoice) the invoice, then emits `order.created`. Undo:
// cancelOrderIn (releases the stock and the slot) — see ../place-web-order.ts.
import { randomBytes } from 'node:crypto';
import { DomainError, lineTotal, money, orderTotals, pickupCodeFrom } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { matchWebGuest } from '../../modules/customers/crm.service';
import {
  announceStockHoldIn,
  type TakenHold,
  takeStockHoldIn,
} from '../../modules/inventory/reservations.service';
import { issueOrderInvoiceIn, lockInvoiceSaleIn } from '../../modules/invoices/invoices.checkout';
import { locationsCompanyId } from '../../modules/locations/locations.lookups';
import { lockCheckoutVouchersIn, redeemCheckoutVouchersIn } from '../../modules/loyalty/web-vouchers';
import type { CheckoutPlan, PlaceOrderBody } from '../../modules/orders/checkout.validate';
import { writeOrderPromotionsIn } from '../../modules/orders/checkout-promotions';
import { ORDER_ACTOR } from '../../modules/orders/orders.lifecycle';
import * as store from '../../modules/orders/orders.store';
import { statusUrlOf, viewOrder } from '../../modules/orders/orders.view';
import { bookPickupSlot } from '../../modules/pickup/pickup.booking';
import { setOrderShop } from '../../modules/shops/shops.store';
import { emitEvent } from '../../outbox/emit';
import type { CheckoutContext } from './checkout-types';

/** The plan's lines with money amounts, and the order's totals (shipping included). */
export function pricedPlanOf(plan: CheckoutPlan) {
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
  return { priced, totals };
}

/** Rolls back a checkout that lost the race to insert its checkout id. */
export class RepeatedCheckout extends Error {}
// Any fixed number: the class of the per-checkout-id advisory locks.
const CHECKOUT_LOCK_CLASS = 7_340_109;

/** Holds, books and writes the order in the caller's transaction; the order awaits payment. */
export async function holdAndWrite(
  tx: Queryable,
  ctx: AppContext,
  input: CheckoutContext,
  body: PlaceOrderBody,
  plan: CheckoutPlan,
): Promise<store.OrderRow> {
  const now = ctx.clock();
  // Twins of one checkout take turns here, before either holds anything: the second then finds
  // the first's order. (Meeting later, at the order's unique checkout id, the second would wait
  // on the first's next transaction while holding the outbox lock that one needs.)
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [CHECKOUT_LOCK_CLASS, body.checkoutId]);
  if (await store.findOrder(tx, { checkoutId: body.checkoutId })) throw new RepeatedCheckout();
  // Paid by invoice: the customer and the invoice counter before any stock row (invoices.checkout.ts).
  if (body.payment.method === 'invoice' && input.customerId) await lockInvoiceSaleIn(tx, input.customerId);
  const orderId = ctx.newId('ord');
  const items = plan.lines.reduce((sum, l) => sum + l.quantity, 0);
  const f = body.fulfilment;
  // Lock order matters (see takeStockHoldIn): stock rows in SKU order, the slot, the shopper's
  // vouchers (by code), the order counter, and the outbox lock (by emitting) last.
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

  const { priced, totals } = pricedPlanOf(plan);
  const statusToken = randomBytes(16).toString('base64url');
  // The shopper's vouchers locked before the order counter (a voucher another checkout just used
  // rolls this one back with nothing held); they decide who pays the order's own payment.
  const vouchers = body.payment.vouchers
    ? await lockCheckoutVouchersIn(tx, {
        customerId: input.customerId,
        codes: body.payment.vouchers,
        currency: plan.currency,
        totalInclVat: totals.total.amount,
        at: now,
      })
    : null;
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
    // Vouchers paying the whole order make theirs the order's payment.
    paymentMethod: vouchers?.total === totals.total.amount ? 'voucher' : body.payment.method,
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
  if (vouchers) await redeemCheckoutVouchersIn(tx, ctx, orderId, vouchers, now);
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
