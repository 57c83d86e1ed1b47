import type { SkuAvailability } from '@handla/api';
import { useT } from '@handla/ui';
import { useEffect, useState } from 'react';
import { fetchAvailability } from './availability';
import { useStoreChoice } from './StoreChoice';

/** "3 i lager i Göteborg", with a store picker that remembers the shopper's store. */
export function StockInStore({ skuId }: { skuId: string | undefined }) {
  const t = useT();
  const { stores, store, choose } = useStoreChoice();
  const [availability, setAvailability] = useState<SkuAvailability | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setAvailability(null);
    setFailed(false);
    if (!skuId) return;
    const abort = new AbortController();
    fetchAvailability(skuId, abort.signal).then(setAvailability, () => {
      if (!abort.signal.aborted) setFailed(true);
    });
    return () => abort.abort();
  }, [skuId]);

  if (!store) return null;
  const inStore = availability?.stores.find((s) => s.storeId === store.id)?.available ?? 0;
  let text = t('common.loading');
  if (!skuId) text = t('shop.product.chooseVariant');
  else if (failed) text = t('shop.stock.unknown');
  else if (availability) {
    text =
      inStore > 0
        ? t('shop.stock.inStore', { count: inStore, store: store.city })
        : t('shop.stock.outInStore', { store: store.city });
  }
  return (
    <div className="stock-in-store stack-tight">
      <div className="field">
        <label htmlFor="stock-store">{t('shop.stock.store')}</label>
        <select id="stock-store" value={store.id} onChange={(e) => choose(e.target.value)}>
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className={availability && inStore > 0 ? 'stock-ok' : 'muted'}>
        {text}
      </p>
      {availability && availability.warehouseAvailable > 0 && (
        <p className="muted">{t('shop.stock.delivery')}</p>
      )}
    </div>
  );
}
