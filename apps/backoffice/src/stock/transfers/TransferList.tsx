import type { StockTransfer } from '@handla/api';
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

type Status = StockTransfer['status'];
const STATUSES: Status[] = ['draft', 'sent', 'received', 'cancelled'];
const PAGE_SIZE = 25;

/** Transfers, newest first, by status and locations. */
export function TransferList() {
  const t = useT();
  const stock = useStockApi();
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
  return (
    <DocumentList
      caption={t('stockAdmin.tab.transfers')}
      actions={
        <a className="button button-primary" href={stockHref('transfers', 'new')}>
          {t('stockAdmin.transfers.new')}
        </a>
      }
      statuses={STATUSES}
      status={status}
      onStatus={setStatus}
      filters={
        <>
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
        </>
      }
      page={page}
      paging={paging}
      columns={[
        { label: t('stockAdmin.col.created') },
        { label: t('stockAdmin.transfers.from') },
        { label: t('stockAdmin.transfers.to') },
        { label: t('stockAdmin.col.units'), number: true },
        { label: t('stockAdmin.col.status') },
        { label: t('stockAdmin.col.note') },
      ]}
      row={(transfer) => (
        <tr key={transfer.id}>
          <th scope="row">
            <a href={stockHref('transfers', transfer.id)}>{formatDateTime(transfer.createdAt, locale)}</a>
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
      )}
      none="stockAdmin.transfers.none"
    />
  );
}
