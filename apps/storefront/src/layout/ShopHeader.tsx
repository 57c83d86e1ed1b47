import { LanguageSwitch, useT } from '@handla/ui';
import { useCart } from '../cart/CartProvider';
import { cartItemCount } from '../cart/cart';
import { useShop } from './ShopContext';

/** Shop name, account and cart links; the cart count is announced when it changes. */
export function ShopHeader() {
  const t = useT();
  const shop = useShop();
  const { lines } = useCart();
  const count = cartItemCount(lines);
  const countText = count === 1 ? t('shop.cart.itemCount.one') : t('shop.cart.itemCount', { count });
  return (
    <header className="app-header shop-header">
      <div className="app-header-bar">
        <a href="#/" className="app-title shop-logo">
          {shop?.name ?? t('shop.title')}
        </a>
        <nav aria-label={t('shop.nav')} className="shop-nav">
          <a href="#/account" className="button button-quiet">
            {t('shop.account.link')}
          </a>
          <a href="#/cart" className="button button-quiet shop-cart-link">
            {t('shop.cart.link')}
            <span className="cart-badge" aria-hidden="true">
              {count}
            </span>
            <span className="visually-hidden">{countText}</span>
          </a>
          <LanguageSwitch />
        </nav>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {count > 0 ? countText : ''}
      </p>
    </header>
  );
}
