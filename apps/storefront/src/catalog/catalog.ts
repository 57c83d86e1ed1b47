// The whole active catalog, loaded once per page: the public API lists products but has no
// "product by slug" or public category tree, and the demo catalog is small (tens of products).
import type { ApiClient, Product } from '@handla/api';
import { type Loaded, useApi, useLoader } from '@handla/ui';
import { useCallback } from 'react';
import { withShopPrices } from '../layout/shop-prices';

let cached: Promise<Product[]> | undefined;

async function loadAll(api: ApiClient, fresh: boolean): Promise<Product[]> {
  const products: Product[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listProducts({ limit: 200, cursor });
    products.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return withShopPrices(api, products, fresh);
}

/** Every active product; `fresh` asks the server again (the cart re-checks prices with it). */
export function fetchCatalog(api: ApiClient, fresh = false): Promise<Product[]> {
  if (!cached || fresh) {
    const loading = loadAll(api, fresh);
    cached = loading;
    // A failed load must not stick: the next caller tries again.
    loading.catch(() => {
      if (cached === loading) cached = undefined;
    });
  }
  return cached;
}

/** The catalog for a component. */
export function useCatalog(): Loaded<Product[]> {
  const api = useApi();
  return useLoader(useCallback(() => fetchCatalog(api), [api]));
}

/** A category as the shop shows it (derived from the products in it). */
export interface ShopCategory {
  id: string;
  slug: string;
  name: { sv: string; en: string };
  productCount: number;
}

/** The categories that have products, in the order their first product appears. */
export function categoriesOf(products: readonly Product[]): ShopCategory[] {
  const categories = new Map<string, ShopCategory>();
  for (const product of products) {
    const c = product.category;
    if (!c) continue;
    const existing = categories.get(c.slug);
    if (existing) existing.productCount += 1;
    else categories.set(c.slug, { id: c.id, slug: c.slug, name: c.name, productCount: 1 });
  }
  return [...categories.values()];
}
