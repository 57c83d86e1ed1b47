// The shop this host name opens (GET /api/shop), loaded once per page, and its prices laid over the
// product list: a shop with its own price list (another currency) sells only what that list prices.
import type { ApiClient, Product, PublicShop } from '@handla/api';

let cached: Promise<PublicShop> | undefined;

/** The shop of this host; a failed load is not kept, so the next caller asks again. */
export function loadShop(api: ApiClient): Promise<PublicShop> {
  if (!cached) {
    const loading = api.shops.current();
    cached = loading;
    loading.catch(() => {
      if (cached === loading) cached = undefined;
    });
  }
  return cached;
}

type PriceMap = ReadonlyMap<string, Product['fromPriceInclVat']>;
let cachedPrices: Promise<PriceMap> | undefined;

async function fetchShopPrices(api: ApiClient): Promise<PriceMap> {
  const prices = new Map<string, Product['fromPriceInclVat']>();
  let cursor: string | undefined;
  do {
    const page = await api.shops.prices({ limit: 1000, cursor });
    for (const p of page.items) prices.set(p.skuId, p.unitPriceInclVat);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return prices;
}

/** The shop's prices by SKU id, loaded once per page (again with `fresh`, as the cart re-checks). */
export function loadShopPrices(api: ApiClient, fresh = false): Promise<PriceMap> {
  if (!cachedPrices || fresh) {
    const loading = fetchShopPrices(api);
    cachedPrices = loading;
    loading.catch(() => {
      if (cachedPrices === loading) cachedPrices = undefined;
    });
  }
  return cachedPrices;
}

/** The products as `shop` sells them: its prices, and only the variants its list prices. */
export function priceForShop(
  products: readonly Product[],
  prices: ReadonlyMap<string, Product['fromPriceInclVat']>,
) {
  return products.flatMap((product): Product[] => {
    const skus = product.skus.flatMap((sku) => {
      const price = prices.get(sku.id);
      return price ? [{ ...sku, priceInclVat: price }] : [];
    });
    if (skus.length === 0) return [];
    const from = skus.reduce(
      (low, s) => (s.priceInclVat.amount < low.amount ? s.priceInclVat : low),
      skus[0]!.priceInclVat,
    );
    return [{ ...product, skus, fromPriceInclVat: from }];
  });
}

/** The product list with the shop's prices, unless the shop sells at the retail prices it already has. */
export async function withShopPrices(api: ApiClient, products: Product[], fresh = false): Promise<Product[]> {
  const shop = await loadShop(api);
  if (shop.usesRetailPrices) return products;
  return priceForShop(products, await loadShopPrices(api, fresh));
}
