import type { StockCount } from '@handla/api';
import { ErrorNotice, formatDateTime, useLocale, useT } from '@handla/ui';
import { useCallback, useId } from 'react';
import { stockHref } from '../paths';
import { formatUnits } from '../shared/format';
import { LocationSelect } from '../shared/LocationSelect';
import { Pager } from '../shared/Pager';
import { StatusBadge } from '../shared/StatusBadge';
import { useStockData } from '../shared/StockData';
import { useCursorPages } from '../shared/useCursorPages';
import { useRemembered } from '../shared/useRemembered';
import { useStockApi } from '../shared/useStockApi';

type Status = StockCount['status'];
const STATUSES: Status[] = ['open', 'completed', 'cancelled'];
const PAGE_SIZE = 25;

/** Count sheets, newest first, by status and location. */
export function CountList() {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const { locale } = useLocale();
  const { locationName } = useStockData();
  const [status, setStatus] = useRemembered<Status | ''>('counts.status', '');
  const [locationId, setLocationId] = useRemembered('counts.location', '');
  const { page, paging } = useCursorPages(
    useCallback(
      (cursor: string | undefined) =>
        stock.listCounts({
          status: status || undefined,
          locationId: locationId || undefined,
          limit: PAGE_SIZE,
          cursor,
        }),
      [stock, status, locationId],
    ),
  );
  const caption = t('stockAdmin.tab.counts');
  return (
    <>
      <div className="stock-toolbar">
        <h2>{caption}</h2>
        <a className="button button-primary" href={stockHref('counts', 'new')}>
          {t('stockAdmin.counts.new')}
        </a>
      </div>
      <div className="stock-filters">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('stockAdmin.col.status')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => setStatus(e.target.value as Status | '')}
          >
            <option value="">{t('stockAdmin.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`stockAdmin.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <LocationSelect
          label={t('stockAdmin.location')}
          value={locationId}
          onChange={setLocationId}
          anyLabel={t('stockAdmin.anyLocation')}
        />
      </div>
      {page.error !== null && <ErrorNotice error={page.error} onRetry={page.reload} />}
      <div className="table-wrap">
        <table aria-busy={page.loading}>
          <caption>
            {caption} · {t('paging.page', { page: paging.pageNumber })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('stockAdmin.col.created')}</th>
              <th scope="col">{t('stockAdmin.location')}</th>
              <th scope="col" className="number">
                {t('stockAdmin.counts.counted')}
              </th>
              <th scope="col" className="number">
                {t('stockAdmin.counts.differences')}
              </th>
              <th scope="col">{t('stockAdmin.col.status')}</th>
              <th scope="col">{t('stockAdmin.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.items.map((count) => {
              const counted = count.lines.filter((l) => l.countedQuantity !== null).length;
              const differing = count.lines.filter((l) => (l.difference ?? 0) !== 0).length;
              return (
                <tr key={count.id}>
                  <th scope="row">
                    <a href={stockHref('counts', count.id)}>{formatDateTime(count.createdAt, locale)}</a>
                  </th>
                  <td>{locationName(count.locationId)}</td>
                  <td className="number">
                    {t('stockAdmin.counts.ofLines', {
                      counted: formatUnits(counted, locale),
                      lines: formatUnits(count.lines.length, locale),
                    })}
                  </td>
                  <td className="number">{formatUnits(differing, locale)}</td>
                  <td>
                    <StatusBadge status={count.status} />
                  </td>
                  <td>{count.note || '–'}</td>
                </tr>
              );
            })}
            {page.data?.items.length === 0 && (
              <tr>
                <td colSpan={6}>{t('stockAdmin.counts.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager paging={paging} label={caption} />
    </>
  );
}
