import { ApiError, type PricedBasketDto, type Problem } from '@handla/api';
import { useApi } from '@handla/ui';
import { useEffect, useState } from 'react';
import type { CartLine } from './cart';
import { type CouponState, couponStateOf, isCouponProblem, priceRequestOf } from './cart-promotions';

/** The cart priced with the promotions in force, live: each discount by name and the coupon's fate. */
export interface CartPromotions {
  priced: PricedBasketDto | null;
  pricing: boolean;
  /** The pricing failed for another reason than the coupon: the checkout still prices it. */
  failed: boolean;
  coupon: CouponState;
}

// Quantity buttons pressed in a row ask once.
const DEBOUNCE_MS = 250;

/**
 * Prices the cart (`POST /api/shop/cart/price`, as the signed-in shopper if any) whenever its
 * lines or coupon change. A refused coupon is shown by the field, and the cart is priced without it.
 */
export function usePromotions(lines: readonly CartLine[], coupon: string | null): CartPromotions {
  const api = useApi();
  const [priced, setPriced] = useState<PricedBasketDto | null>(null);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [pricing, setPricing] = useState(false);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify([lines.map((l) => [l.skuId, l.quantity]), coupon]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the lines and coupon
  useEffect(() => {
    if (lines.length === 0) {
      setPriced(null);
      setRefusal(null);
      return;
    }
    let isCurrent = true;
    setPricing(true);
    const timer = setTimeout(async () => {
      // In this host's shop's prices and currency, as its checkout will charge (not the retail list).
      const price = (code: string | null) => {
        const { lines: asked, coupon: asCoupon } = priceRequestOf(lines, code);
        return api.shops.priceCart({ lines: asked, coupon: asCoupon });
      };
      let result: PricedBasketDto | null = null;
      let refused: Problem | null = null;
      let isFailed = false;
      try {
        result = await price(coupon);
      } catch (e) {
        if (e instanceof ApiError && coupon && isCouponProblem(e.problem)) {
          refused = e.problem;
          result = await price(null).catch(() => null);
        }
        isFailed = result === null;
      }
      if (!isCurrent) return;
      setPriced(result);
      setRefusal(refused);
      setFailed(isFailed);
      setPricing(false);
    }, DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [api, key]);

  return { priced, pricing, failed, coupon: couponStateOf(coupon, priced, refusal) };
}
