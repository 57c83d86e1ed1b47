import { ErrorNotice, StoreCard, useApi, useLoader, useT } from '@handla/ui';
import { useCallback } from 'react';
import { PageHeading } from './PageHeading';

/** Stores with address and opening hours. */
export function StoresPage() {
  const t = useT();
  const api = useApi();
  const stores = useLoader(useCallback(() => api.listStores(), [api]));
  return (
    <>
      <PageHeading title={t('nav.stores')} />
      {stores.loading && <p role="status">{t('common.loading')}</p>}
      {stores.error !== null && <ErrorNotice error={stores.error} onRetry={stores.reload} />}
      {stores.data?.items.length === 0 && <p>{t('stores.none')}</p>}
      <div className="card-grid">
        {stores.data?.items.map((store) => (
          <StoreCard key={store.id} store={store} />
        ))}
      </div>
    </>
  );
}
