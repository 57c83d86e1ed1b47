// "Finns den i en annan butik?": the selected item's stock per store and in the warehouses (online).
import type { SkuAvailability, Store } from '@handla/api';
import { ErrorNotice, useT } from '@handla/ui';
import { useEffect, useState } from 'react';
import { useRegister } from '../register-context';

export function StockElsewhere({
  skuId,
  name,
  onClose,
}: {
  skuId: string;
  name: string;
  onClose: () => void;
}) {
  const t = useT();
  const { api, isOnline, setup } = useRegister();
  const [state, setState] = useState<{ availability: SkuAvailability; stores: Store[] } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!isOnline) return;
    let isCurrent = true;
    setState(null);
    setError(null);
    Promise.all([api.availability(skuId), api.stores()])
      .then(([availability, stores]) => isCurrent && setState({ availability, stores: stores.items }))
      .catch((e) => isCurrent && setError(e));
    return () => {
      isCurrent = false;
    };
  }, [api, skuId, isOnline]);

  return (
    <section className="card stack stock-elsewhere" aria-labelledby="stock-elsewhere-heading">
      <h3 id="stock-elsewhere-heading">{t('pos.stock.heading', { name })}</h3>
      {!isOnline && <p>{t('pos.stock.offline')}</p>}
      {error !== null && <ErrorNotice error={error} />}
      {isOnline && !state && error === null && <p role="status">{t('common.loading')}</p>}
      {state && (
        <dl className="stock-list">
          {state.availability.stores.map((s) => (
            <div key={s.locationId} className={s.storeId === setup.store.id ? 'is-here' : undefined}>
              <dt>{state.stores.find((store) => store.id === s.storeId)?.name ?? s.storeId}</dt>
              <dd>{t('pos.stock.available', { count: s.available })}</dd>
            </div>
          ))}
          <div>
            <dt>{t('pos.stock.warehouse')}</dt>
            <dd>{t('pos.stock.available', { count: state.availability.warehouseAvailable })}</dd>
          </div>
        </dl>
      )}
      <button type="button" className="button" onClick={onClose}>
        {t('pos.close')}
      </button>
    </section>
  );
}
