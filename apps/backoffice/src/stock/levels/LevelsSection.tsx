import { LevelList } from './LevelList';
import { SkuStockPage } from './SkuStockPage';

/** #/stock/levels: the levels at a location; #/stock/levels/<location>/<sku>: one SKU there. */
export function LevelsSection({ rest }: { rest: string[] }) {
  const [locationId, skuId] = rest;
  if (locationId && skuId)
    return <SkuStockPage key={`${locationId}/${skuId}`} locationId={locationId} skuId={skuId} />;
  return <LevelList />;
}
