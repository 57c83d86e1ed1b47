import type { ApiClient } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { type ReactNode, useCallback } from 'react';
import { PageHeading } from './PageHeading';

// Products have no count endpoint yet; page through, but stop early on a large catalogue.
const COUNT_PAGE_SIZE = 200;
const COUNT_MAX_PAGES = 10;

async function countProducts(api: ApiClient): Promise<{ count: number; isCapped: boolean }> {
  let count = 0;
  let cursor: string | undefined;
  for (let page = 0; page < COUNT_MAX_PAGES; page++) {
    const result = await api.listProducts({ limit: COUNT_PAGE_SIZE, cursor });
    count += result.items.length;
    if (!result.nextCursor) return { count, isCapped: false };
    cursor = result.nextCursor;
  }
  return { count, isCapped: true };
}

/** Health of the server and database, and how many products and stores there are. */
export function OverviewPage() {
  const t = useT();
  const api = useApi();
  const health = useLoader(useCallback(() => api.health(), [api]));
  const products = useLoader(useCallback(() => countProducts(api), [api]));
  const stores = useLoader(useCallback(() => api.listStores(), [api]));

  const productCount = products.data
    ? products.data.isCapped
      ? t('overview.productsCapped', { count: products.data.count })
      : String(products.data.count)
    : '…';

  return (
    <>
      <PageHeading title={t('nav.overview')} />
      <section className="card stack" aria-labelledby="health-heading">
        <h3 id="health-heading">{t('overview.system')}</h3>
        {health.error !== null && <ErrorNotice error={health.error} onRetry={health.reload} />}
        <dl className="facts">
          <Fact label={t('overview.status')}>
            {health.data ? (
              <span className="status-ok">{t('overview.statusOk')}</span>
            ) : health.loading ? (
              t('overview.checking')
            ) : (
              '–'
            )}
          </Fact>
          <Fact label={t('overview.database')}>{health.data?.database ?? '–'}</Fact>
          <Fact label={t('overview.version')}>{health.data?.version ?? '–'}</Fact>
        </dl>
      </section>
      <dl className="stat-grid">
        <Fact label={t('overview.products')} big>
          {productCount}
        </Fact>
        <Fact label={t('overview.stores')} big>
          {stores.data ? stores.data.items.length : '…'}
        </Fact>
      </dl>
      {products.error !== null && <ErrorNotice error={products.error} onRetry={products.reload} />}
      {stores.error !== null && <ErrorNotice error={stores.error} onRetry={stores.reload} />}
    </>
  );
}

function Fact({ label, big, children }: { label: string; big?: boolean; children: ReactNode }) {
  return (
    <div className={big ? 'card stat' : 'fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
