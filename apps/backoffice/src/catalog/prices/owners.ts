// A price list and a store's own prices work alike: list, find, set and remove a SKU's price.
import type { SetPriceBody, SkuPrice } from '@handla/api';
import { findListPrice, findStorePrice } from '../shared/prices';
import type { CatalogApi } from '../shared/useCatalogApi';
import type { CursorPage } from '../shared/useCursorPages';

/** Whose prices a price book shows. */
export interface PriceOwner {
  /** A key that changes when the owner does, for loaders. */
  key: string;
  currency: string;
  /** True for a store: removing a price means "sell at the retail price again". */
  isStore: boolean;
  list: (cursor: string | undefined) => Promise<CursorPage<SkuPrice>>;
  find: (skuId: string) => Promise<SkuPrice | undefined>;
  set: (skuId: string, body: SetPriceBody) => Promise<SkuPrice>;
  remove: (skuId: string, version: number) => Promise<void>;
}

const PAGE_SIZE = 25;

/** The prices of one price list. */
export function listOwner(api: CatalogApi, listId: string, currency: string): PriceOwner {
  return {
    key: `list:${listId}`,
    currency,
    isStore: false,
    list: (cursor) => api.listPrices(listId, { limit: PAGE_SIZE, cursor }),
    find: (skuId) => findListPrice(api, listId, skuId),
    set: (skuId, body) => api.setPrice(listId, skuId, body),
    remove: (skuId, version) => api.removePrice(listId, skuId, version),
  };
}

/** A store's own prices, in the retail list's currency. */
export function storeOwner(api: CatalogApi, storeId: string, currency: string): PriceOwner {
  return {
    key: `store:${storeId}`,
    currency,
    isStore: true,
    list: (cursor) => api.listStorePrices(storeId, { limit: PAGE_SIZE, cursor }),
    find: (skuId) => findStorePrice(api, storeId, skuId),
    set: (skuId, body) => api.setStorePrice(storeId, skuId, body),
    remove: (skuId, version) => api.removeStorePrice(storeId, skuId, version),
  };
}
