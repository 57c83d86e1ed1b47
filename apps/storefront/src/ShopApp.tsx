import { AppHeader, useT } from '@handla/ui';
import { useEffect } from 'react';
import { ProductCatalog } from './ProductCatalog';
import { StoreList } from './StoreList';

/** The shop's home page: products to browse and the stores to visit. */
export function ShopApp() {
  const t = useT();
  const title = t('shop.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <>
      <AppHeader title={title} />
      <main className="page stack">
        <ProductCatalog />
        <StoreList />
      </main>
    </>
  );
}
