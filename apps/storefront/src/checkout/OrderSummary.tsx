import { useT } from '@handla/ui';
import type { ReactNode } from 'react';
import { CartLines } from '../cart/CartLines';
import { CouponField } from '../cart/CouponField';
import type { CartLine } from '../cart/cart';
import { cartTotal } from '../cart/cart';
import { discountsOf, lineDiscountsOf } from '../cart/cart-promotions';
import { PromotionTotals } from '../cart/PromotionTotals';
import type { CartPromotions } from '../cart/usePromotions';

/**
 * The checkout's summary: lines with their discounts by name, the discount code, shipping, total
 * (incl. VAT); `children` shows problems with the lines.
 */
export function OrderSummary({
  lines,
  promotions,
  shipping,
  coupon,
  onCoupon,
  couponError,
  children,
}: {
  lines: readonly CartLine[];
  /** The cart priced with its promotions (the page prices it once: the vouchers need it too). */
  promotions: CartPromotions;
  /** Öre incl. VAT, or null for pickup. */
  shipping: number | null;
  coupon: string | null;
  onCoupon: (code: string | null) => void;
  /** The checkout's refusal of the coupon, in our words. */
  couponError?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const currency = lines[0]?.currency ?? 'SEK';
  return (
    <section className="card stack-tight order-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('shop.checkout.summary')}</h2>
      <CartLines lines={lines} discountsOf={(skuId) => lineDiscountsOf(promotions.priced, skuId)} />
      {children}
      <div aria-live="polite" aria-busy={promotions.pricing}>
        <PromotionTotals
          gross={cartTotal(lines)}
          discounts={discountsOf(promotions.priced)}
          shipping={shipping}
          currency={currency}
        />
        {promotions.failed && <p className="muted">{t('shop.promo.unavailable')}</p>}
      </div>
      <CouponField
        coupon={coupon}
        state={promotions.coupon}
        onChange={onCoupon}
        {...(couponError ? { serverError: couponError } : {})}
      />
      <p className="muted">{t('shop.checkout.vatNote')}</p>
    </section>
  );
}
