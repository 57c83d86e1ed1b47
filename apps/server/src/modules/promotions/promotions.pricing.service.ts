// Pricing a basket for the web shop, its checkout (and anyone who asks): the SKUs' prices and VAT
// from pricing, their catalog facts, the rules in force and an optional coupon, through the one
// engine in core.
import type { PriceBasketBody, PricedBasketDto } from '@handla/api';
import { type BasketLine, type PricedBasket, type PromotionRule, priceBasket } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { findSkuPromotionFacts } from '../catalog/catalog.lookups';
import { promotionGroupsOf } from '../customers/customer-groups.store';
import { findMemberCompany } from '../loyalty/loyalty.store';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import { findCompanyFacts } from '../pricing/pricing.shared';
import { findUsableCoupon } from './promotions.coupons.service';
import { toActiveRule } from './promotions.service';
import * as store from './promotions.store';

/** A line already priced by the caller (list price and VAT rate). */
export interface PricedInputLine {
  lineId: string;
  skuId: string;
  quantity: number;
  unitPriceInclVat: number;
  vatRateBp: number;
}

/** Who buys, where and when, and the coupon code they typed (checked here). */
export interface PromotionBuyer {
  at: Date;
  channel: 'web' | 'store';
  storeId: string | null;
  isMember: boolean;
  customerGroups: readonly string[];
  coupon: string | null;
  /** The request field a refused coupon is named by (`coupon` or the checkout's `couponCode`). */
  couponField?: string;
}

/**
 * Priced lines through the engine with every rule in force for the buyer. An unknown coupon is
 * 400 and a used-up one 409 `coupon_limit_reached`, naming `couponField`.
 */
export async function applyPromotions(
  q: Queryable,
  currency: string,
  lines: readonly PricedInputLine[],
  buyer: PromotionBuyer,
): Promise<PricedBasket> {
  const skuIds = lines.map((l) => l.skuId);
  const facts = new Map((await findSkuPromotionFacts(q, skuIds)).map((f) => [f.skuId, f]));
  const coupon = buyer.coupon ? await findUsableCoupon(q, buyer.coupon, buyer.couponField) : null;
  const company = await findCompanyFacts(q);
  const rules = (await store.listPromotionRows(q, company.id, 'current', buyer.at)).map(
    (row): PromotionRule => toActiveRule(row),
  );
  const basketLines = lines.map((l): BasketLine => {
    const fact = facts.get(l.skuId)!;
    return {
      ...l,
      productId: fact.productId,
      categoryIds: fact.categoryIds,
      brand: fact.brand,
    };
  });
  return priceBasket({ currency, lines: basketLines }, rules, {
    at: buyer.at.toISOString(),
    channel: buyer.channel,
    storeId: buyer.storeId,
    isMember: buyer.isMember,
    customerGroups: buyer.customerGroups,
    coupons: coupon ? [{ code: coupon.code, ruleId: coupon.promotionId }] : [],
  });
}

/**
 * The basket priced with every rule in force for its channel, store, member flag and coupon. A
 * signed-in shopper's `customerId` prices it as at their checkout: their price list, member
 * rules when they are a member, and their customer groups — read here, never taken from the body.
 * An anonymous basket is in no group.
 */
export async function priceBasketWithPromotions(
  ctx: AppContext,
  input: PriceBasketBody,
  customerId: string | null = null,
): Promise<PricedBasketDto> {
  const at = input.at ? new Date(input.at) : ctx.clock();
  const storeId = input.channel === 'store' ? input.storeId : null;
  const skuIds = input.lines.map((l) => l.skuId);
  const prices = await resolvePrices(ctx, {
    skuIds,
    storeId: storeId ?? undefined,
    ...(customerId ? { customerId } : {}),
    at,
  });
  const isMember =
    input.isMember || (customerId !== null && (await findMemberCompany(ctx.db, customerId)) !== null);
  const lines = input.lines.map(
    (l, i): PricedInputLine => ({
      lineId: l.lineId ?? String(i + 1),
      skuId: l.skuId,
      quantity: l.quantity,
      unitPriceInclVat: prices[i]!.unitPriceInclVat.amount,
      vatRateBp: prices[i]!.vatRateBp,
    }),
  );
  const priced = await applyPromotions(ctx.db, prices[0]!.unitPriceInclVat.currency, lines, {
    at,
    channel: input.channel,
    storeId,
    isMember,
    customerGroups: customerId ? await promotionGroupsOf(ctx.db, customerId) : [],
    coupon: input.coupon,
  });
  return priced as PricedBasketDto;
}
