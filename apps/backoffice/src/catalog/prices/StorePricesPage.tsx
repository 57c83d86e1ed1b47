import { useLoader, useT } from '@handla/ui';
import { useCallback, useMemo } from 'react';
import { PageHeading } from '../../pages/PageHeading';
import { catalogHref } from '../paths';
import { CatalogError } from '../shared/CatalogError';
import { useStores } from '../shared/lookups';
import { findRetailList } from '../shared/prices';
import { useCatalogApi } from '../shared/useCatalogApi';
import { storeOwner } from './owners';
import { PriceBook } from './PriceBook';

/** A store's own prices: exceptions from the retail price, in the retail currency. */
export function StorePricesPage({ storeId }: { storeId: string }) {
  const t = useT();
  const catalog = useCatalogApi();
  const stores = useStores();
  const retail = useLoader(useCallback(() => findRetailList(catalog), [catalog]));
  const store = stores.data?.items.find((s) => s.id === storeId);
  const currency = retail.data?.currency;
  const owner = useMemo(
    () => (currency ? storeOwner(catalog, storeId, currency) : null),
    [catalog, storeId, currency],
  );
  const name = store?.name ?? storeId;
  return (
    <>
      <p>
        <a href={catalogHref('prices')}>← {t('catalogAdmin.prices.back')}</a>
      </p>
      <PageHeading title={t('catalogAdmin.storePrices.title', { store: name })} />
      <p className="muted">{t('catalogAdmin.storePrices.explain')}</p>
      <CatalogError
        error={stores.error ?? retail.error}
        onRetry={() => {
          stores.reload();
          retail.reload();
        }}
      />
      {owner && <PriceBook owner={owner} caption={t('catalogAdmin.storePrices.caption', { store: name })} />}
    </>
  );
}
