// The shop's frame: header, the page of the current hash route, focus moved to it on navigation.
import { useT } from '@handla/ui';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { CartPage } from './cart/CartPage';
import { CategoryPage } from './catalog/CategoryPage';
import { HomePage } from './catalog/HomePage';
import { ProductPage } from './catalog/ProductPage';
import { useShop } from './layout/ShopContext';
import { ShopHeader } from './layout/ShopHeader';
import { OrderPage } from './order/OrderPage';
import { type Route, useRoute } from './router';

// Checkout and account are split out: most visits browse and never load them.
const CheckoutPage = lazy(() => import('./checkout/CheckoutPage'));
const AccountPage = lazy(() => import('./account/AccountPage'));

function Page({ route }: { route: Route }) {
  const t = useT();
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'category':
      return <CategoryPage slug={route.slug} />;
    case 'product':
      return <ProductPage slug={route.slug} />;
    case 'cart':
      return <CartPage />;
    case 'checkout':
      return <CheckoutPage />;
    case 'order':
      return <OrderPage token={route.token} />;
    case 'account':
      return <AccountPage />;
    default:
      return (
        <section className="stack">
          <h1>{t('shop.notFound.heading')}</h1>
          <p>
            <a href="#/">{t('shop.notFound.home')}</a>
          </p>
        </section>
      );
  }
}

export function ShopApp() {
  const t = useT();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const title = useShop()?.name ?? t('shop.title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  // A new page: start at its top and let screen readers land on it, as a page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every route change on purpose
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [route]);

  return (
    <>
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        {t('shop.skipToContent')}
      </button>
      <ShopHeader />
      <main id="main" ref={main} tabIndex={-1} className="page stack shop-main">
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Page route={route} />
        </Suspense>
      </main>
    </>
  );
}
