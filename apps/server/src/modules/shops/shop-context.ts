// The checkout as one shop sells: the shop is picked by the request's host name; it offers only its
// own payment and shipping methods, sells from its price list in its currency, and taxes home
// deliveries to another EU country at that country's rates when its company reports through OSS.
import type { CheckoutBody } from '@handla/api';
import { DomainError, vatRateFor } from '@handla/core';
import type { AppContext } from '../../context';
import type { CheckoutPlan } from '../orders/checkout.validate';
import { findCompanyFacts } from '../pricing/pricing.shared';
import { listStoreRows } from '../stores/stores.store';
import { findShopForHost } from './shops.service';
import type { ShopRow } from './shops.store';
import { normalizeHostName } from './shops.validate';

const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', `Check ${field}.`, [{ field, message }]);

/** The shop of a request's host name (Fastify's `hostname`: X-Forwarded-Host behind a trusted proxy). */
export async function shopOfHost(ctx: AppContext, hostName: string | undefined): Promise<ShopRow> {
  return findShopForHost(ctx, normalizeHostName(hostName ?? ''));
}

/** 400 naming `payment.method` or `fulfilment.shippingMethodId` for a method the shop does not offer. */
export function assertShopOffers(shop: ShopRow, body: CheckoutBody): void {
  if (!shop.paymentMethods.includes(body.payment.method)) {
    throw invalid('payment.method', `${shop.name} does not take this way to pay`);
  }
  const f = body.fulfilment;
  if (f.kind === 'delivery' && !shop.shippingMethodIds.includes(f.shippingMethodId)) {
    throw invalid('fulfilment.shippingMethodId', `${shop.name} does not ship this way`);
  }
}

/**
 * The plan with the shop recorded and each line's VAT rate as the sale is taxed: the destination's
 * rate for an OSS delivery (the shipping fee at its standard rate), else the rates already resolved.
 * Unit prices stay as the shop's list has them, VAT included.
 */
export async function applyShopToPlan(
  ctx: AppContext,
  shop: ShopRow,
  body: CheckoutBody,
  plan: CheckoutPlan,
): Promise<CheckoutPlan> {
  if (plan.currency !== shop.currency) {
    throw new DomainError('invalid_state', `${shop.name} sells in ${shop.currency}, not ${plan.currency}.`, [
      { field: 'lines[0].skuId', message: `Not priced in ${shop.currency}` },
    ]);
  }
  const recorded = { ...plan, shop: { shopId: shop.id, priceListId: shop.priceListId } };
  const f = body.fulfilment;
  const seller = (await findCompanyFacts(ctx.db)).country;
  const destination =
    f.kind === 'delivery'
      ? f.address.country
      : ((await listStoreRows(ctx.db)).find((s) => s.id === plan.storeId)?.country ?? seller);
  const facts = {
    sellerCountry: seller,
    destinationCountry: destination,
    isOssRegistered: shop.isOssRegistered,
  };
  const standard = vatRateFor({ ...facts, vatClass: 'standard' });
  if (standard.scheme !== 'oss') return recorded;
  return {
    ...recorded,
    lines: plan.lines.map((line) => ({
      ...line,
      vatRateBp: vatRateFor({ ...facts, vatClass: line.taxClass ?? 'standard' }).rateBp!,
    })),
    shipping: plan.shipping ? { ...plan.shipping, vatRateBp: standard.rateBp! } : null,
  };
}
