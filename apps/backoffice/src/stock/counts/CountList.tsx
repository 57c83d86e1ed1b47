import type { StockCount } from '@handla/api';
import { formatDateTime, useLocale, useT } from '@handla/ui';
import { useCallback } from 'react';
import { stockHref } from '../paths';
import { DocumentList } from '../shared/DocumentList';
import { formatUnits } from '../shared/format';
import { LocationSelect } from '../shared/LocationSelect';
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
  return (
    <DocumentList
      caption={t('stockAdmin.tab.counts')}
      actions={
        <a className="button button-primary" href={stockHref('counts', 'new')}>
          {t('stockAdmin.counts.new')}
        </a>
      }
      statuses={STATUSES}
      status={status}
      onStatus={setStatus}
      filters={
        <LocationSelect
          label={t('stockAdmin.location')}
          value={locationId}
          onChange={setLocationId}
          anyLabel={t('stockAdmin.anyLocation')}
        />
      }
      page={page}
      paging={paging}
      columns={[
        { label: t('stockAdmin.col.created') },
        { label: t('stockAdmin.location') },
        { label: t('stockAdmin.counts.counted'), number: true },
        { label: t('stockAdmin.counts.differences'), number: true },
        { label: t('stockAdmin.col.status') },
        { label: t('stockAdmin.col.note') },
      ]}
      row={(count) => {
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
      }}
      none="stockAdmin.counts.none"
    />
  );
}
