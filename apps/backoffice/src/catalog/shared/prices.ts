// Finding and setting one SKU's price in a list; a price's version is needed to change it.
import type { PriceList, SkuPrice } from '@handla/api';
import type { CatalogApi } from './useCatalogApi';

/** The SKU's current price in a price list, or undefined when the list has none for it. */
export async function findListPrice(
  api: CatalogApi,
  listId: string,
  skuId: string,
): Promise<SkuPrice | undefined> {
  return (await api.listPrices(listId, { skuId, limit: 1 })).items[0];
}

/** The SKU's own price in a store, or undefined when the store sells it at the retail price. */
export async function findStorePrice(
  api: CatalogApi,
  storeId: string,
  skuId: string,
): Promise<SkuPrice | undefined> {
  return (await api.listStorePrices(storeId, { skuId, limit: 1 })).items[0];
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
