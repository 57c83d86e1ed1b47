import { ErrorNotice, formatPrice, useLocale, useT } from '@handla/ui';
import { CartLines } from './CartLines';
import { useCart } from './CartProvider';
import { CouponField } from './CouponField';
import { cartItemCount, cartTotal } from './cart';
import { discountsOf, lineDiscountsOf } from './cart-promotions';
import { DiscountRows } from './PromotionTotals';
import { usePromotions } from './usePromotions';
import { useRepricedCart } from './useRepricedCart';

/**
 * The cart: lines with quantities, prices re-checked against the server on opening, each
 * promotion's discount by name (priced live), the discount code, the total.
 */
export function CartPage() {
  const t = useT();
  const { locale } = useLocale();
  const cart = useCart();
  const prices = useRepricedCart();
  const promotions = usePromotions(cart.lines, cart.coupon);
  const currency = cart.lines[0]?.currency ?? 'SEK';
  const discounts = discountsOf(promotions.priced);
  const saving = discounts.reduce((sum, d) => sum + d.amount, 0);
  return (
    <section className="stack" aria-labelledby="cart-heading">
      <h1 id="cart-heading">{t('shop.cart.heading')}</h1>
      <div aria-live="polite" className="stack-tight">
        {prices.checking && <p className="muted">{t('shop.cart.checkingPrices')}</p>}
        {prices.notices.length > 0 && (
          <div className="notice notice-warning">
            <ul>
              {prices.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {prices.error !== null && <ErrorNotice error={prices.error} onRetry={() => void prices.recheck()} />}
      {cart.lines.length === 0 ? (
        <>
          <p>{t('shop.cart.empty')}</p>
          <p>
            <a href="#/" className="button button-primary button-large">
              {t('shop.cart.continue')}
            </a>
          </p>
        </>
      ) : (
        <>
          <CartLines
            lines={cart.lines}
            onQuantity={cart.setQuantity}
            discountsOf={(skuId) => lineDiscountsOf(promotions.priced, skuId)}
          />
          <div aria-live="polite" aria-busy={promotions.pricing}>
            {discounts.length > 0 && (
              <dl className="totals">
                <DiscountRows discounts={discounts} currency={currency} />
              </dl>
            )}
            {promotions.failed && <p className="muted">{t('shop.promo.unavailable')}</p>}
          </div>
          <p className="cart-total">
            <span>{t('shop.cart.total', { count: cartItemCount(cart.lines) })}</span>
            <strong>{formatPrice({ amount: cartTotal(cart.lines) - saving, currency }, locale)}</strong>
          </p>
          <p className="muted">{t('shop.cart.inclVat')}</p>
          <CouponField coupon={cart.coupon} state={promotions.coupon} onChange={cart.setCoupon} />
          <a href="#/checkout" className="button button-primary button-large button-block">
            {t('shop.cart.toCheckout')}
          </a>
          <a href="#/">{t('shop.cart.continue')}</a>
        </>
      )}
    </section>
  );
}
