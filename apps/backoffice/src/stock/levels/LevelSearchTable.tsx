import { ErrorNotice, useLoader, useT } from '@handla/ui';
import { useCallback } from 'react';
import { useStockData } from '../shared/StockData';
import { useStockApi } from '../shared/useStockApi';
import { type LevelRowData, LevelRows } from './LevelRows';

// The search answers the best matches; more than this and the words should be narrowed.
const MATCHES = 25;

/**
 * Levels of the SKUs matching a search, at one location. The levels endpoint filters by SKU id
 * only, so the catalog's search names the SKUs and each one's level is read on its own; a SKU
 * never stocked there shows zeros, so it can still be opened and received.
 */
export function LevelSearchTable({
  locationId,
  q,
  isCountNeededOnly,
  caption,
}: {
  locationId: string;
  q: string;
  isCountNeededOnly: boolean;
  caption: string;
}) {
  const t = useT();
  const stock = useStockApi();
  const { skus } = useStockData();
  const rows = useLoader(
    useCallback(async (): Promise<LevelRowData[]> => {
      const found = (await stock.searchSkus(q, MATCHES)).items;
      skus.remember(found);
      const levels = await Promise.all(
        found.map((sku) => stock.listLevels({ locationId, skuId: sku.id, limit: 1 })),
      );
      return found.map((sku, i) => {
        const level = levels[i]?.items[0];
        return level ?? { skuId: sku.id, onHand: 0, reserved: 0, available: 0, isCountNeeded: false };
      });
    }, [stock, skus, q, locationId]),
  );
  const shown = rows.data?.filter((r) => !isCountNeededOnly || r.isCountNeeded);
  return (
    <>
      {rows.error !== null && <ErrorNotice error={rows.error} onRetry={rows.reload} />}
      <LevelRows
        locationId={locationId}
        rows={shown}
        loading={rows.loading}
        caption={`${caption} · ${t('stockAdmin.levels.matching', { q })}`}
        empty={t('stockAdmin.levels.noMatches')}
      />
      {rows.data?.length === MATCHES && (
        <p className="muted">{t('stockAdmin.levels.narrow', { count: MATCHES })}</p>
      )}
    </>
  );
}
