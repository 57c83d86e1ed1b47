// Builders for promotion tests: rules with sensible defaults, basket lines, a sale context.
import type { BasketLine, PricingContext, PromotionEffect, PromotionRule } from './types';

/** A rule in force everywhere, for everyone, with `effect`; override what the test is about. */
export function rule(
  id: string,
  effect: PromotionEffect,
  overrides: Partial<PromotionRule> = {},
): PromotionRule {
  return {
    id,
    name: `Rule ${id}`,
    effect,
    priority: 0,
    isExclusive: false,
    isStackable: false,
    startsAt: null,
    endsAt: null,
    channels: ['web', 'store'],
    storeIds: null,
    membersOnly: false,
    customerGroups: [],
    requiresCoupon: false,
    ...overrides,
  };
}

/** A basket line; `productId` defaults to the SKU's, category and brand to none. */
export function line(
  lineId: string,
  unitPriceInclVat: number,
  quantity = 1,
  overrides: Partial<BasketLine> = {},
): BasketLine {
  return {
    lineId,
    skuId: `sku_${lineId}`,
    productId: `prd_${lineId}`,
    categoryIds: [],
    brand: null,
    quantity,
    unitPriceInclVat,
    vatRateBp: 2500,
    ...overrides,
  };
}

/** A web sale at noon on 2026-06-15 by a guest without coupons. */
export const CONTEXT: PricingContext = {
  at: '2026-06-15T10:00:00.000Z',
  channel: 'web',
  storeId: null,
  isMember: false,
  customerGroups: [],
  coupons: [],
};
