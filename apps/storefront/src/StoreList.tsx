import { ErrorNotice, StoreCard, useApi, useLoader, useT } from '@handla/ui';
import { useCallback } from 'react';

/** "Our stores": every store with address and opening hours. */
export function StoreList() {
  const t = useT();
  const api = useApi();
  const stores = useLoader(useCallback(() => api.listStores(), [api]));
  return (
    <section className="stack" aria-labelledby="stores-heading">
      <h2 id="stores-heading">{t('stores.heading')}</h2>
      {stores.loading && <p role="status">{t('common.loading')}</p>}
      {stores.error !== null && <ErrorNotice error={stores.error} onRetry={stores.reload} />}
      {stores.data?.items.length === 0 && <p>{t('stores.none')}</p>}
      <div className="store-grid">
        {stores.data?.items.map((store) => (
          <StoreCard key={store.id} store={store} />
        ))}
      </div>
    </section>
  );
}
