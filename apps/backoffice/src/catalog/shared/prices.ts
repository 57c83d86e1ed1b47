// Finding and setting one SKU's price in a list. The list endpoint pages by SKU id and has no
// filter by SKU yet, so finding a price walks the pages; a price's version is needed to change it.
import type { PriceList, SkuPrice } from '@handla/api';
import type { CatalogApi } from './useCatalogApi';

const WALK_PAGE_SIZE = 200;

/** The SKU's current price in a price list, or undefined when the list has none for it. */
export async function findListPrice(
  api: CatalogApi,
  listId: string,
  skuId: string,
): Promise<SkuPrice | undefined> {
  let cursor: string | undefined;
  do {
    const page = await api.listPrices(listId, { limit: WALK_PAGE_SIZE, cursor });
    const hit = page.items.find((p) => p.skuId === skuId);
    if (hit) return hit;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return undefined;
}

/** The SKU's own price in a store, or undefined when the store sells it at the retail price. */
export async function findStorePrice(
  api: CatalogApi,
  storeId: string,
  skuId: string,
): Promise<SkuPrice | undefined> {
  let cursor: string | undefined;
  do {
    const page = await api.listStorePrices(storeId, { limit: WALK_PAGE_SIZE, cursor });
    const hit = page.items.find((p) => p.skuId === skuId);
    if (hit) return hit;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return undefined;
}

/** The company's retail price list: the one every SKU's shelf price is in. */
export async function findRetailList(api: CatalogApi): Promise<PriceList> {
  const lists = await api.listPriceLists({ limit: 200 });
  const retail = lists.items.find((l) => l.kind === 'retail');
  if (!retail) throw new Error('There is no retail price list.');
  return retail;
}

/** Sets a SKU's retail price (in öre), replacing the current one at the version just read. */
export async function setRetailPrice(api: CatalogApi, skuId: string, amount: number): Promise<SkuPrice> {
  const retail = await findRetailList(api);
  const current = await findListPrice(api, retail.id, skuId);
  return api.setPrice(retail.id, skuId, {
    unitPriceInclVat: { amount, currency: retail.currency },
    version: current?.version,
  });
}
