import type { StockTransfer } from '@handla/api';
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

type Status = StockTransfer['status'];
const STATUSES: Status[] = ['draft', 'sent', 'received', 'cancelled'];
const PAGE_SIZE = 25;

/** Transfers, newest first, by status and locations. */
export function TransferList() {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const { locale } = useLocale();
  const { locationName } = useStockData();
  const [status, setStatus] = useRemembered<Status | ''>('transfers.status', '');
  const [fromLocationId, setFrom] = useRemembered('transfers.from', '');
  const [toLocationId, setTo] = useRemembered('transfers.to', '');
  const { page, paging } = useCursorPages(
    useCallback(
      (cursor: string | undefined) =>
        stock.listTransfers({
          status: status || undefined,
          fromLocationId: fromLocationId || undefined,
          toLocationId: toLocationId || undefined,
          limit: PAGE_SIZE,
          cursor,
        }),
      [stock, status, fromLocationId, toLocationId],
    ),
  );
  const caption = t('stockAdmin.tab.transfers');
  return (
    <>
      <div className="stock-toolbar">
        <h2>{caption}</h2>
        <a className="button button-primary" href={stockHref('transfers', 'new')}>
          {t('stockAdmin.transfers.new')}
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
          label={t('stockAdmin.transfers.from')}
          value={fromLocationId}
          onChange={setFrom}
          anyLabel={t('stockAdmin.anyLocation')}
        />
        <LocationSelect
          label={t('stockAdmin.transfers.to')}
          value={toLocationId}
          onChange={setTo}
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
              <th scope="col">{t('stockAdmin.transfers.from')}</th>
              <th scope="col">{t('stockAdmin.transfers.to')}</th>
              <th scope="col" className="number">
                {t('stockAdmin.col.units')}
              </th>
              <th scope="col">{t('stockAdmin.col.status')}</th>
              <th scope="col">{t('stockAdmin.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.items.map((transfer) => (
              <tr key={transfer.id}>
                <th scope="row">
                  <a href={stockHref('transfers', transfer.id)}>
                    {formatDateTime(transfer.createdAt, locale)}
                  </a>
                </th>
                <td>{locationName(transfer.fromLocationId)}</td>
                <td>{locationName(transfer.toLocationId)}</td>
                <td className="number">
                  {formatUnits(
                    transfer.lines.reduce((sum, l) => sum + l.quantity, 0),
                    locale,
                  )}
                </td>
                <td>
                  <StatusBadge status={transfer.status} />
                </td>
                <td>{transfer.note || '–'}</td>
              </tr>
            ))}
            {page.data?.items.length === 0 && (
              <tr>
                <td colSpan={6}>{t('stockAdmin.transfers.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager paging={paging} label={caption} />
    </>
  );
}
