// The cart's promotions as plain data: the pricing request for `POST /api/shop/cart/price`, each
// discount by rule name, and what became of the coupon the shopper typed. Pure, so it is tested
// without a browser; the server prices the same basket again at checkout with the same engine.
import type { PriceBasketBody, PricedBasketDto, Problem } from '@handla/api';
import type { MessageKey } from '@handla/ui';
import type { CartLine } from './cart';

/** A discount as the cart shows it: the rule's name and the amount in öre. */
export interface CartDiscount {
  ruleId: string;
  name: string;
  amount: number;
}

/** Codes are case-insensitive; the server stores them upper-case. */
export function normalizeCoupon(input: string): string {
  return input.trim().toUpperCase();
}

/** What the checkout contract takes as a code (checked before asking the server). */
export function isCouponFormat(code: string): boolean {
  return /^[A-Z0-9-]{3,40}$/.test(code);
}

/** The pricing request for the cart: lines by SKU, the web channel, and the coupon if any. */
export function priceRequestOf(
  lines: readonly CartLine[],
  coupon: string | null,
): Pick<PriceBasketBody, 'lines' | 'channel' | 'coupon'> {
  return {
    lines: lines.map((l) => ({ lineId: l.skuId, skuId: l.skuId, quantity: l.quantity })),
    channel: 'web',
    coupon,
  };
}

/** The basket's discounts by rule, in the order the engine applied them (zero amounts left out). */
export function discountsOf(priced: PricedBasketDto | null): CartDiscount[] {
  if (!priced) return [];
  return priced.discounts
    .filter((d) => d.amount > 0)
    .map((d) => ({ ruleId: d.ruleId, name: d.name, amount: d.amount }));
}

/** One cart line's discounts by rule (the cart asks with the SKU id as the line id). */
export function lineDiscountsOf(priced: PricedBasketDto | null, skuId: string): CartDiscount[] {
  const line = priced?.lines.find((l) => l.lineId === skuId);
  return (line?.discounts ?? [])
    .filter((d) => d.amount > 0)
    .map((d) => ({ ruleId: d.ruleId, name: d.name, amount: d.amount }));
}

/** What became of the typed coupon, for the words beside the field. */
export type CouponState =
  | { kind: 'none' }
  | { kind: 'applied'; code: string }
  | { kind: 'not_applied'; code: string }
  | { kind: 'refused'; code: string; message: MessageKey };

// The server names the coupon `coupon` at pricing and `couponCode` at checkout.
const COUPON_FIELDS = new Set(['coupon', 'couponCode']);

/** Whether a refusal is about the coupon (the rest of the basket is still fine). */
export function isCouponProblem(problem: Problem): boolean {
  return problem.errors.some((e) => COUPON_FIELDS.has(e.field));
}

/** Our words for a refused coupon, by the server's code. */
export function couponRefusalKey(problem: Problem): MessageKey {
  if (problem.code === 'coupon_limit_reached') return 'shop.promo.usedUp';
  if (problem.code === 'invalid_state') return 'shop.promo.ended';
  return 'shop.promo.unknownCoupon';
}

/** The coupon's state from the last pricing: refused, applied (its rule gave a discount) or not. */
export function couponStateOf(
  coupon: string | null,
  priced: PricedBasketDto | null,
  refusal: Problem | null,
): CouponState {
  if (!coupon) return { kind: 'none' };
  if (refusal) return { kind: 'refused', code: coupon, message: couponRefusalKey(refusal) };
  if (!priced) return { kind: 'none' };
  return priced.appliedCouponCodes.includes(coupon)
    ? { kind: 'applied', code: coupon }
    : { kind: 'not_applied', code: coupon };
}
