import { useEffect, useSyncExternalStore } from 'react';
import { useStockData } from './StockData';
import type { SkuInfo } from './skuDirectory';

/** What is known of a SKU: its info, 'loading' while the directory looks, 'unknown' when it has no such id. */
export type SkuLookup = SkuInfo | 'loading' | 'unknown';

/** Asks the directory for these ids and re-renders as their names arrive. */
export function useSkus(ids: readonly string[]): (id: string) => SkuLookup {
  const { skus } = useStockData();
  useSyncExternalStore(skus.subscribe, skus.snapshot);
  const key = ids.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids' content
  useEffect(() => {
    skus.want(ids);
  }, [skus, key]);
  return (id) => skus.get(id) ?? (skus.isMissing(id) ? 'unknown' : 'loading');
}
