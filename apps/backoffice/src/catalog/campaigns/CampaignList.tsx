import type { ApiClient } from '@handla/api';
import { formatDateTime, useLocale, useT } from '@handla/ui';
import { useCallback, useId, useMemo, useState } from 'react';
import { PageHeading } from '../../pages/PageHeading';
import { catalogHref } from '../paths';
import { CatalogError } from '../shared/CatalogError';
import { useStores } from '../shared/lookups';
import { Pager } from '../shared/Pager';
import { useCatalogApi } from '../shared/useCatalogApi';
import { useCursorPages } from '../shared/useCursorPages';

type Filter = NonNullable<NonNullable<Parameters<ApiClient['catalog']['listCampaigns']>[0]>['status']>;
const FILTERS: readonly Filter[] = ['current', 'active', 'upcoming', 'ended', 'all'];

/** Campaigns by start, current ones unless another filter is chosen. */
export function CampaignList() {
  const t = useT();
  const catalog = useCatalogApi();
  const id = useId();
  const { locale } = useLocale();
  const stores = useStores();
  const storeNames = useMemo(() => new Map(stores.data?.items.map((s) => [s.id, s.name])), [stores.data]);
  const [status, setStatus] = useState<Filter>('current');
  const load = useCallback(
    (cursor: string | undefined) => catalog.listCampaigns({ status, limit: 25, cursor }),
    [catalog, status],
  );
  const pages = useCursorPages(load);
  const { page } = pages;
  return (
    <>
      <PageHeading title={t('catalogAdmin.campaigns.heading')}>
        <a className="button button-primary" href={catalogHref('campaigns', 'new')}>
          {t('catalogAdmin.campaigns.new')}
        </a>
      </PageHeading>
      <div className="filter-bar">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('catalogAdmin.campaigns.show')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as Filter)}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`catalogAdmin.campaigns.filter.${f}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <CatalogError error={page.error} onRetry={page.reload} />
      <div className="table-wrap">
        <table aria-busy={page.loading}>
          <caption>{t('catalogAdmin.campaigns.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogAdmin.campaigns.name')}</th>
              <th scope="col">{t('catalogAdmin.campaigns.store')}</th>
              <th scope="col">{t('catalogAdmin.campaigns.startsAt')}</th>
              <th scope="col">{t('catalogAdmin.campaigns.endsAt')}</th>
              <th scope="col">{t('catalogAdmin.campaigns.status')}</th>
              <th scope="col" className="number">
                {t('catalogAdmin.campaigns.priceCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.data?.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a href={catalogHref('campaigns', c.id)}>{c.name}</a>
                </th>
                <td>
                  {c.storeId
                    ? (storeNames.get(c.storeId) ?? c.storeId)
                    : t('catalogAdmin.campaigns.allStores')}
                </td>
                <td>{formatDateTime(c.startsAt, locale)}</td>
                <td>{formatDateTime(c.endedAt ?? c.endsAt, locale)}</td>
                <td>{t(`catalogAdmin.campaigns.status.${c.status}`)}</td>
                <td className="number">{c.priceCount}</td>
              </tr>
            ))}
            {page.data?.items.length === 0 && (
              <tr>
                <td colSpan={6}>{t('catalogAdmin.campaigns.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager pages={pages} label={t('catalogAdmin.campaigns.paging')} />
    </>
  );
}
