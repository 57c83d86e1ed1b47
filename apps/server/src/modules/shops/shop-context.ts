// The checkout as one shop sells: the shop is picked by the request's host name; it offers only its
// own payment and shipping methods, sells from its price list in its currency, and taxes home
// deliveries to another EU country at that country's rates when its company reports through OSS.
import type { CheckoutBody } from '@handla/api';
import { DomainError, isOssSale, saleVatRates, withLineVatRates } from '@handla/core';
import type { AppContext } from '../../context';
import { findSkuFacts } from '../catalog/catalog.lookups';
import type { CheckoutPlan, PlaceOrderBody } from '../orders/checkout.validate';
import { findCompanyFacts } from '../pricing/pricing.shared';
import { listTaxOverrideRows } from '../pricing/pricing.vat.store';
import { listStoreRows } from '../stores/stores.store';
import { assertShopDelivers } from './delivery-country';
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
export function assertShopOffers(shop: ShopRow, body: Pick<PlaceOrderBody, 'payment' | 'fulfilment'>): void {
  // A marketplace's payment (API orders only) is no shop's way to pay; the shipping is still the shop's.
  const method = body.payment.method;
  if (method !== 'prepaid_external' && !shop.paymentMethods.includes(method)) {
    throw invalid('payment.method', `${shop.name} does not take this way to pay`);
  }
  const f = body.fulfilment;
  if (f.kind === 'delivery' && !shop.shippingMethodIds.includes(f.shippingMethodId)) {
    throw invalid('fulfilment.shippingMethodId', `${shop.name} does not ship this way`);
  }
}

/**
 * The plan with the shop recorded and each line's VAT rate as the sale is taxed: for an OSS delivery
 * the destination's rate of the class the product has there (its override for that country), the
 * shipping fee at its standard rate and the promotions' VAT summed again at those rates; else the
 * rates already resolved. Refuses a country the shop does not deliver to (assertShopDelivers).
 * Unit prices stay as the shop's list has them, VAT included.
 */
export async function applyShopToPlan(
  ctx: AppContext,
  shop: ShopRow,
  body: Pick<CheckoutBody, 'fulfilment'>,
  plan: CheckoutPlan,
): Promise<CheckoutPlan> {
  if (plan.currency !== shop.currency) {
    throw new DomainError('invalid_state', `${shop.name} sells in ${shop.currency}, not ${plan.currency}.`, [
      { field: 'lines[0].skuId', message: `Not priced in ${shop.currency}` },
    ]);
  }
  await assertShopDelivers(ctx, shop, body);
  const recorded = { ...plan, shop: { shopId: shop.id, priceListId: shop.priceListId } };
  const f = body.fulfilment;
  const seller = (await findCompanyFacts(ctx.db)).country;
  const destination =
    f.kind === 'delivery'
      ? f.address.country
      : ((await listStoreRows(ctx.db)).find((s) => s.id === plan.storeId)?.country ?? seller);
  const sale = {
    sellerCountry: seller,
    destinationCountry: destination,
    isOssRegistered: shop.isOssRegistered,
  };
  if (!isOssSale(sale)) return recorded;
  // Kept on the order: the books follow the VAT charged, whatever the shop's setting later.
  const ossRecorded = { ...recorded, shop: { ...recorded.shop, ossCountry: destination } };

  const skuFacts = await findSkuFacts(
    ctx.db,
    plan.lines.map((l) => l.skuId),
  );
  const facts = new Map(skuFacts.map((x) => [x.skuId, x]));
  const productIds = [...new Set([...facts.values()].map((x) => x.productId))];
  const overrides = await listTaxOverrideRows(ctx.db, productIds, destination);
  const rates = saleVatRates(
    sale,
    plan.lines.map((line) => {
      const sku = facts.get(line.skuId);
      return {
        productTaxClass: sku?.taxClass ?? line.taxClass ?? 'standard',
        overrides: overrides.filter((o) => o.productId === sku?.productId),
        vatRateBp: line.vatRateBp,
      };
    }),
  );
  return {
    ...ossRecorded,
    lines: plan.lines.map((line, i) => ({ ...line, vatRateBp: rates.lineRatesBp[i]! })),
    shipping: plan.shipping ? { ...plan.shipping, vatRateBp: rates.shippingRateBp! } : null,
    // The engine's line ids are the checkout's positions ("1", "2", …).
    ...(plan.promotions
      ? {
          promotions: withLineVatRates(
            plan.promotions,
            plan.promotions.lines.map((l) => rates.lineRatesBp[Number(l.lineId) - 1]!),
          ),
        }
      : {}),
  };
}
