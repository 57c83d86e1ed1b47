// The shop of this host name for every page: its name in the header, its language when the shopper
// has not chosen one on this site yet, its payment methods and country at checkout.
import type { Product, PublicShop } from '@handla/api';
import { useApi, useLocale } from '@handla/ui';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { loadShop, loadShopPrices, priceForShop } from './shop-prices';

const ShopContext = createContext<PublicShop | null>(null);

// The key the UI keeps the language choice under (packages/ui i18n.tsx); per host, as storage is.
const hasChosenLanguage = () => {
  try {
    return globalThis.localStorage?.getItem('handla.locale') != null;
  } catch {
    return false;
  }
};

export function ShopProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { locale, setLocale } = useLocale();
  const [shop, setShop] = useState<PublicShop | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page load, not on a language switch
  useEffect(() => {
    let current = true;
    loadShop(api).then(
      (loaded) => {
        if (!current) return;
        setShop(loaded);
        if (!hasChosenLanguage() && loaded.defaultLanguage !== locale) setLocale(loaded.defaultLanguage);
      },
      () => {}, // without it the shop still works as the default shop
    );
    return () => {
      current = false;
    };
  }, [api]);
  return <ShopContext.Provider value={shop}>{children}</ShopContext.Provider>;
}

/** The shop of this host name; null until it has loaded (or when it could not be). */
export function useShop(): PublicShop | null {
  return useContext(ShopContext);
}

/** `products` (a page of the search) as this host's shop sells them; as they are until its prices load. */
export function useShopPricedProducts(products: Product[]): Product[] {
  const api = useApi();
  const shop = useShop();
  const [prices, setPrices] = useState<Awaited<ReturnType<typeof loadShopPrices>> | null>(null);
  useEffect(() => {
    if (!shop || shop.usesRetailPrices) return;
    let current = true;
    loadShopPrices(api).then(
      (loaded) => current && setPrices(loaded),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [api, shop]);
  return useMemo(() => (prices ? priceForShop(products, prices) : products), [products, prices]);
}
