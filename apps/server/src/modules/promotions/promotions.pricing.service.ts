// Pricing a basket for the web shop (and anyone who asks): the SKUs' prices and VAT from pricing,
// their catalog facts, the rules in force and an optional coupon, through the one engine in core.
import type { PriceBasketBody, PricedBasketDto } from '@handla/api';
import { type BasketLine, type PromotionRule, priceBasket } from '@handla/core';
import type { AppContext } from '../../context';
import { findSkuPromotionFacts } from '../catalog/catalog.lookups';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import { findCompanyFacts } from '../pricing/pricing.shared';
import { findUsableCoupon } from './promotions.coupons.service';
import { toActiveRule } from './promotions.service';
import * as store from './promotions.store';

/** The basket priced with every rule in force for its channel, store, member flag and coupon. */
export async function priceBasketWithPromotions(
  ctx: AppContext,
  input: PriceBasketBody,
): Promise<PricedBasketDto> {
  const at = input.at ? new Date(input.at) : ctx.clock();
  const storeId = input.channel === 'store' ? input.storeId : null;
  const skuIds = input.lines.map((l) => l.skuId);
  const prices = await resolvePrices(ctx, { skuIds, storeId: storeId ?? undefined, at });
  const facts = new Map((await findSkuPromotionFacts(ctx.db, skuIds)).map((f) => [f.skuId, f]));
  const coupon = input.coupon ? await findUsableCoupon(ctx.db, input.coupon) : null;
  const company = await findCompanyFacts(ctx.db);
  const rules = (await store.listPromotionRows(ctx.db, company.id, 'current', at)).map(
    (row): PromotionRule => toActiveRule(row),
  );
  const lines = input.lines.map((l, i): BasketLine => {
    const fact = facts.get(l.skuId)!;
    const price = prices[i]!;
    return {
      lineId: l.lineId ?? String(i + 1),
      skuId: l.skuId,
      productId: fact.productId,
      categoryIds: fact.categoryIds,
      brand: fact.brand,
      quantity: l.quantity,
      unitPriceInclVat: price.unitPriceInclVat.amount,
      vatRateBp: price.vatRateBp,
    };
  });
  const priced = priceBasket({ currency: prices[0]!.unitPriceInclVat.currency, lines }, rules, {
    at: at.toISOString(),
    channel: input.channel,
    storeId,
    isMember: input.isMember,
    customerGroups: [],
    coupons: coupon ? [{ code: coupon.code, ruleId: coupon.promotionId }] : [],
  });
  return priced as PricedBasketDto;
}
