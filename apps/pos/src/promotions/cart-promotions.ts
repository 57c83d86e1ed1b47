// The cart through the shared promotion engine (`priceBasket`, the same function the server and the
// web shop run), on every change: each line gets its discounts by rule name, and the coupons that
// gave one are the ones the receipt redeems. Pure: the caller passes the rules, the instant and the store.
import {
  type BasketLine,
  type PricedBasket,
  type PromotionLineDiscount,
  type PromotionRule,
  priceBasket,
} from '@handla/core';
import type { Cart, CartLine } from '../sale/cart';

/** Where and when the cart is priced. */
export interface CartPricingPlace {
  at: string;
  storeId: string;
  currency: string;
}

// Goods sold off the shelf now. Not: a web order's line (sold at the order's price, its discounts
// already in it), a return (refunds what was paid), a gift card (money), or a line from a catalog
// snapshot without catalog facts.
function isPromotable(line: CartLine): line is CartLine & { productId: string } {
  return (
    line.productId !== undefined &&
    line.quantity > 0 &&
    line.orderLineId === undefined &&
    line.originalReceiptId === undefined &&
    !('giftCard' in line && line.giftCard)
  );
}

/** The cart's promotable lines as the engine's basket (what `POST /api/promotions/price` builds too). */
export function basketOf(cart: Cart, currency: string): { currency: string; lines: BasketLine[] } {
  return {
    currency,
    lines: cart.lines.filter(isPromotable).map((line) => ({
      lineId: line.lineId,
      skuId: line.skuId,
      productId: line.productId,
      categoryIds: line.categoryIds ?? [],
      brand: line.brand ?? null,
      quantity: line.quantity,
      unitPriceInclVat: line.unitPriceInclVat,
      vatRateBp: line.vatRateBp,
    })),
  };
}

/** The engine's answer for the cart: rules in force for this store, customer and coupons. */
export function priceCart(
  cart: Cart,
  rules: readonly PromotionRule[],
  place: CartPricingPlace,
): PricedBasket {
  return priceBasket(basketOf(cart, place.currency), rules, {
    at: place.at,
    channel: 'store',
    storeId: place.storeId,
    isMember: cart.customer?.isMember ?? false,
    customerGroups: cart.customer?.groups ?? [],
    coupons: (cart.coupons ?? []).map((c) => ({ code: c.code, ruleId: c.ruleId })),
  });
}

function sameDiscounts(a: readonly PromotionLineDiscount[] | undefined, b: readonly PromotionLineDiscount[]) {
  const left = a ?? [];
  return (
    left.length === b.length &&
    left.every((d, i) => d.ruleId === b[i]!.ruleId && d.name === b[i]!.name && d.amount === b[i]!.amount)
  );
}

/**
 * The cart with each line's promotion discounts and the applied coupon codes as the engine gives
 * them now. Returns the same cart object when nothing changed, so React and IndexedDB see no change.
 */
export function withPromotions(cart: Cart, rules: readonly PromotionRule[], place: CartPricingPlace): Cart {
  const priced = priceCart(cart, rules, place);
  const byLine = new Map(
    priced.lines.map((l) => [
      l.lineId,
      l.discounts.map((d): PromotionLineDiscount => ({ ruleId: d.ruleId, name: d.name, amount: d.amount })),
    ]),
  );
  let isChanged = false;
  const lines = cart.lines.map((line) => {
    // A web order's line keeps the discounts its order gave it; the engine prices shelf goods only.
    if (!isPromotable(line)) return line;
    const discounts = byLine.get(line.lineId) ?? [];
    if (sameDiscounts(line.promotionDiscounts, discounts)) return line;
    isChanged = true;
    const { promotionDiscounts: _old, ...rest } = line;
    return discounts.length > 0 ? { ...rest, promotionDiscounts: discounts } : rest;
  });
  const applied = [...priced.appliedCouponCodes];
  const wasApplied = cart.appliedCouponCodes ?? [];
  const isCouponsChanged =
    applied.length !== wasApplied.length || applied.some((c, i) => c !== wasApplied[i]);
  if (!isChanged && !isCouponsChanged) return cart;
  return { ...cart, lines, appliedCouponCodes: applied };
}
