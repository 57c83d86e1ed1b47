import { formatPrice, useApi, useLocale, useLocalized, useT } from '@handla/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchCatalog } from '../catalog/catalog';
import { useCart } from './CartProvider';
import { repriceCart } from './cart';

/** What the last price check found, as sentences for the shopper. */
export interface PriceCheck {
  checking: boolean;
  notices: string[];
  error: unknown;
  recheck: () => Promise<void>;
}

/** Re-checks the cart's prices against the server when mounted (the cart or checkout opens). */
export function useRepricedCart(): PriceCheck {
  const api = useApi();
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const cart = useCart();
  const linesRef = useRef(cart.lines);
  linesRef.current = cart.lines;
  const [checking, setChecking] = useState(false);
  const [notices, setNotices] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const { replace } = cart;

  const recheck = useCallback(async () => {
    if (linesRef.current.length === 0) return;
    setChecking(true);
    setError(null);
    try {
      // The catalog as the host's shop sells it (its list and currency, layout/shop-prices.ts).
      const products = await fetchCatalog(api, true);
      const result = repriceCart(linesRef.current, products);
      const byId = new Map(linesRef.current.map((l) => [l.skuId, l]));
      const nowById = new Map(result.lines.map((l) => [l.skuId, l]));
      setNotices([
        ...result.changed.map(({ skuId, before, after }) => {
          const line = byId.get(skuId)!;
          const currency = nowById.get(skuId)?.currency ?? line.currency;
          return t('shop.cart.priceChanged', {
            name: localized(line.productName),
            before: formatPrice({ amount: before, currency: line.currency }, locale),
            after: formatPrice({ amount: after, currency }, locale),
          });
        }),
        ...result.removed.map((line) => t('shop.cart.noLongerSold', { name: localized(line.productName) })),
      ]);
      if (result.changed.length > 0 || result.removed.length > 0) replace(result.lines);
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  }, [api, t, locale, localized, replace]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opening, not on every language switch
  useEffect(() => {
    void recheck();
  }, []);

  return { checking, notices, error, recheck };
}
