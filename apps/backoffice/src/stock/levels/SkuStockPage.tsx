import type { StockChangeResult } from '@handla/api';
import { ErrorNotice, useLoader, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { stockHref } from '../paths';
import { useSkuName } from '../shared/SkuLabel';
import { useStockData } from '../shared/StockData';
import { useSkus } from '../shared/useSkus';
import { useStockApi } from '../shared/useStockApi';
import { AdjustForm } from './AdjustForm';
import { ChangeNotice } from './ChangeNotice';
import { ReceiveForm } from './ReceiveForm';
import { SkuHistory } from './SkuHistory';
import { StockFigures } from './StockFigures';
import { WhereIs } from './WhereIs';

/** One SKU at one location: its figures, where else it is, adjust and receive, and its history. */
export function SkuStockPage({ locationId, skuId }: { locationId: string; skuId: string }) {
  const t = useT();
  const stock = useStockApi();
  const { locationName } = useStockData();
  const lookup = useSkus([skuId])(skuId);
  const skuName = useSkuName();
  // Bumped after a change, so the figures, the where-is bars and the history read again.
  const [changes, setChanges] = useState(0);
  const [lastChange, setLastChange] = useState<{ result: StockChangeResult; kind: 'adjust' | 'receive' }>();
  const level = useLoader(
    // biome-ignore lint/correctness/useExhaustiveDependencies: `changes` rereads after a booking
    useCallback(
      async () => (await stock.listLevels({ locationId, skuId, limit: 1 })).items[0] ?? null,
      [stock, locationId, skuId, changes],
    ),
  );
  // Bundles hold no stock of their own: their figures are what the components make up.
  const isBundle = typeof lookup === 'object' && lookup.isBundle;
  const title = typeof lookup === 'object' ? `${lookup.sku} · ${skuName(lookup)}` : skuId;

  function changed(result: StockChangeResult, kind: 'adjust' | 'receive') {
    setLastChange({ result, kind });
    setChanges((n) => n + 1);
  }

  return (
    <>
      <a className="stock-back" href={stockHref('levels')}>
        ← {t('stockAdmin.levels.back')}
      </a>
      <div className="stack">
        <h2>{title}</h2>
        <p className="muted">{t('stockAdmin.sku.at', { location: locationName(locationId) })}</p>
      </div>
      {isBundle ? (
        <p className="notice notice-warning">{t('stockAdmin.sku.bundleNoStock')}</p>
      ) : (
        <>
          {level.error !== null && <ErrorNotice error={level.error} onRetry={level.reload} />}
          {level.data !== undefined && <StockFigures level={level.data} />}
          <ChangeNotice change={lastChange} />
          <div className="stock-cards">
            <AdjustForm locationId={locationId} skuId={skuId} onDone={(r) => changed(r, 'adjust')} />
            <ReceiveForm locationId={locationId} skuId={skuId} onDone={(r) => changed(r, 'receive')} />
          </div>
        </>
      )}
      <WhereIs skuId={skuId} currentLocationId={locationId} changes={changes} />
      {!isBundle && <SkuHistory skuId={skuId} locationId={locationId} changes={changes} />}
    </>
  );
}
