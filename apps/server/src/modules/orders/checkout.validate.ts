// Checkout step 1: everything that can be checked before anything is held. Each refusal names the
// request field, so the shop can point at the line or input that needs a change.
import type { CheckoutBody, CheckoutPayment, PrepaidExternalPayment, SkuSummary } from '@handla/api';
import { DomainError, money, orderTotals, type PricedBasket } from '@handla/core';
import type { AppContext } from '../../context';
import { searchSkus } from '../catalog/catalog.service';
import { findHomeDeliveryLocationId } from '../connectors/connectors.lookups';
import { assertCanPayByInvoice } from '../invoices/invoices.checkout';
import { listLocations } from '../locations/locations.lookups';
import { assertPaymentMethodOffered } from '../payments/payments.providers';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import { listStoreRows } from '../stores/stores.store';
import { priceCheckoutPromotions } from './checkout-promotions';
import { pickupRulesOf } from './orders.pickup-rules';
import { findShippingMethod, type ShippingMethodRow } from './orders.store';

/** A checked line, priced by us. */
export interface PlannedLine {
  skuId: string;
  sku: string;
  productNameSv: string;
  productNameEn: string;
  variantName: string | null;
  quantity: number;
  unitPriceInclVat: number;
  vatRateBp: number;
  /** The VAT class the rate came from (the shop's OSS rate is chosen by it). */
  taxClass?: string;
  /** Promotion discounts on the line (öre incl. VAT), from `promotions`. */
  discountAmount?: number;
}

/** What the checkout will hold, book and charge once validation passed. */
export interface CheckoutPlan {
  lines: PlannedLine[];
  currency: string;
  /** Where the stock is held: the pickup store's shelf, or the central warehouse for delivery. */
  locationId: string;
  storeId: string | null;
  shipping: ShippingMethodRow | null;
  /** The store's reminder lead, for the reminder instant fixed at checkout. */
  reminderMinutesBefore: number | null;
  /** The lines through the promotion engine (line ids are positions); absent without discounts. */
  promotions?: PricedBasket;
  /** The shop selling (set by modules/shops/shop-context.ts), recorded on the order. */
  shop?: { shopId: string; priceListId: string; ossCountry?: string };
}

/**
 * What an order is placed with: the web checkout's body, or an integration's (`POST /api/orders`)
 * whose payment a marketplace already took — no shop offers that to shoppers, so it is not part of
 * the public checkout's contract.
 */
export type PlaceOrderBody = Omit<CheckoutBody, 'payment'> & {
  payment: CheckoutPayment | (PrepaidExternalPayment & { vouchers?: undefined });
};

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation_failed', `Check ${field}.`, [{ field, message }]);
}

// Web prices are the company-wide ones (store overrides belong to the store's register).
async function priceLines(
  ctx: AppContext,
  body: PlaceOrderBody,
  skus: SkuSummary[],
  customerId: string | null,
  basePriceListId?: string,
) {
  const at = ctx.clock();
  try {
    return await resolvePrices(ctx, {
      skuIds: skus.map((s) => s.id),
      ...(basePriceListId ? { basePriceListId } : {}),
      ...(customerId ? { customerId } : {}),
      at,
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') {
      const index = body.lines.findIndex((l) => error.message.includes(l.skuId));
      throw new DomainError('sku_unavailable', 'An item has no price and is not for sale.', [
        { field: `lines[${Math.max(index, 0)}].skuId`, message: 'Not for sale' },
      ]);
    }
    throw error;
  }
}

export function variantNameOf(options: Record<string, string>): string | null {
  const values = Object.values(options);
  return values.length ? values.join(' / ') : null;
}

/**
 * Checks the request against the catalog, prices, stores, shipping and coupon, and prices the
 * lines' promotions; changes nothing.
 */
export async function validateCheckout(
  ctx: AppContext,
  body: PlaceOrderBody,
  customerId: string | null,
  basePriceListId?: string,
): Promise<CheckoutPlan> {
  const plan = await validateCheckoutBasics(ctx, body, customerId, basePriceListId);
  const promotions = await priceCheckoutPromotions(ctx, plan.currency, plan.lines, {
    customerId,
    couponCode: body.couponCode,
  });
  if (promotions.discountTotal === 0) return plan;
  const byId = new Map(promotions.lines.map((l) => [l.lineId, l.discountAmount]));
  const lines = plan.lines.map((l, i) => ({ ...l, discountAmount: byId.get(String(i + 1)) ?? 0 }));
  return { ...plan, lines, promotions };
}

async function validateCheckoutBasics(
  ctx: AppContext,
  body: PlaceOrderBody,
  customerId: string | null,
  basePriceListId?: string,
): Promise<CheckoutPlan> {
  assertPaymentMethodOffered(ctx, body.payment.method);
  if (body.payment.method === 'invoice') await assertCanPayByInvoice(ctx.db, customerId);
  const ids = [...new Set(body.lines.map((l) => l.skuId))];
  const found = new Map((await searchSkus(ctx, { ids, limit: 20 })).map((s) => [s.id, s] as const));
  const skus = body.lines.map((line, i) => {
    const sku = found.get(line.skuId);
    if (!sku) throw invalid(`lines[${i}].skuId`, 'Unknown SKU');
    if (sku.status !== 'active') {
      throw new DomainError('sku_unavailable', `${sku.sku} is no longer for sale.`, [
        { field: `lines[${i}].skuId`, message: 'No longer for sale' },
      ]);
    }
    return sku;
  });
  const prices = await priceLines(ctx, body, skus, customerId, basePriceListId);
  const lines = body.lines.map((line, i): PlannedLine => {
    const sku = skus[i]!;
    const price = prices[i]!;
    if (price.unitPriceInclVat.amount !== line.unitPrice) {
      throw new DomainError(
        'price_changed',
        `The price of ${sku.sku} is now ${price.unitPriceInclVat.amount} öre.`,
        [{ field: `lines[${i}].unitPrice`, message: `Now ${price.unitPriceInclVat.amount}` }],
      );
    }
    return {
      skuId: sku.id,
      sku: sku.sku,
      productNameSv: sku.name.sv,
      productNameEn: sku.name.en,
      variantName: variantNameOf(sku.options),
      quantity: line.quantity,
      unitPriceInclVat: line.unitPrice,
      vatRateBp: price.vatRateBp,
      taxClass: price.taxClass,
    };
  });
  const currency = prices[0]!.unitPriceInclVat.currency;

  const f = body.fulfilment;
  if (f.kind === 'pickup') {
    const store = (await listStoreRows(ctx.db)).find((s) => s.id === f.storeId);
    if (!store) throw invalid('fulfilment.storeId', 'Unknown store');
    const shelf = (await listLocations(ctx.db, { storeId: store.id })).find((l) => l.kind === 'store');
    if (!shelf) throw invalid('fulfilment.storeId', 'This store has no stock of its own');
    const rules = await pickupRulesOf(ctx, store.id);
    if (body.payment.method === 'in_store' && !rules.payInStoreAllowed) {
      throw invalid('payment.method', 'This store does not take payment at pickup');
    }
    return {
      lines,
      currency,
      locationId: shelf.id,
      storeId: store.id,
      shipping: null,
      reminderMinutesBefore: rules.reminderMinutesBefore,
    };
  }
  if (body.payment.method === 'in_store') throw invalid('payment.method', 'Pay in store needs store pickup');
  const shipping = await findShippingMethod(ctx.db, f.shippingMethodId);
  if (!shipping?.isActive) throw invalid('fulfilment.shippingMethodId', 'Unknown shipping method');
  // Home deliveries leave from the 3PL connector that takes them, else from the central warehouse.
  const homeDeliveryAt = await findHomeDeliveryLocationId(ctx.db);
  const warehouse = (await listLocations(ctx.db)).find((l) =>
    homeDeliveryAt ? l.id === homeDeliveryAt : l.code === 'CENTRAL',
  );
  if (!warehouse) throw new DomainError('invalid_state', 'There is no central warehouse to ship from.');
  return { lines, currency, locationId: warehouse.id, storeId: null, shipping, reminderMinutesBefore: null };
}

/** What the plan's order will cost incl. VAT: the lines after their discounts, plus shipping. */
export function planTotalInclVat(plan: CheckoutPlan): number {
  const lines = plan.lines.map((l) => ({ ...l, unitPriceInclVat: money(l.unitPriceInclVat, plan.currency) }));
  const shipping = plan.shipping
    ? { priceInclVat: money(plan.shipping.priceInclVat, plan.currency), vatRateBp: plan.shipping.vatRateBp }
    : null;
  return orderTotals(lines, shipping, plan.currency).total.amount;
}

/**
 * A marketplace's payment must be for exactly the total we computed: otherwise the marketplace and
 * we disagree about what the shopper paid. 422 naming `payment.amount`, before anything is held.
 */
export function assertPrepaidAmount(body: PlaceOrderBody, plan: CheckoutPlan): void {
  if (body.payment.method !== 'prepaid_external' || body.payment.amount === undefined) return;
  const total = planTotalInclVat(plan);
  if (body.payment.amount !== total) {
    throw new DomainError(
      'amount_mismatch',
      `The marketplace charged ${body.payment.amount} öre; the order costs ${total} öre.`,
      [{ field: 'payment.amount', message: `The order total is ${total}` }],
    );
  }
}
