import type { PurchaseOrder } from '@handla/api';
import { ErrorNotice, useLocale, useT } from '@handla/ui';
import { useCallback, useId } from 'react';
import { stockHref } from '../paths';
import { formatDay, formatUnits } from '../shared/format';
import { LocationSelect } from '../shared/LocationSelect';
import { Pager } from '../shared/Pager';
import { StatusBadge } from '../shared/StatusBadge';
import { useStockData } from '../shared/StockData';
import { useCursorPages } from '../shared/useCursorPages';
import { useRemembered } from '../shared/useRemembered';
import { useStockApi } from '../shared/useStockApi';
import { useSuppliers } from './useSuppliers';

type Status = PurchaseOrder['status'];
const STATUSES: Status[] = ['open', 'partially_received', 'received', 'closed'];
const PAGE_SIZE = 25;

/** Purchase orders, newest first, by status, supplier and delivery location. */
export function PurchaseOrderList() {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const { locale } = useLocale();
  const { locationName } = useStockData();
  const suppliers = useSuppliers();
  const [status, setStatus] = useRemembered<Status | ''>('purchasing.status', '');
  const [supplierId, setSupplierId] = useRemembered('purchasing.supplier', '');
  const [locationId, setLocationId] = useRemembered('purchasing.location', '');
  const { page, paging } = useCursorPages(
    useCallback(
      (cursor: string | undefined) =>
        stock.listPurchaseOrders({
          status: status || undefined,
          supplierId: supplierId || undefined,
          locationId: locationId || undefined,
          limit: PAGE_SIZE,
          cursor,
        }),
      [stock, status, supplierId, locationId],
    ),
  );
  const caption = t('stockAdmin.purchasing.orders');
  return (
    <>
      <div className="stock-toolbar">
        <h2>{caption}</h2>
        <div className="button-row">
          <a className="button" href={stockHref('purchasing', 'suppliers')}>
            {t('stockAdmin.purchasing.suppliers')}
          </a>
          <a className="button button-primary" href={stockHref('purchasing', 'new')}>
            {t('stockAdmin.purchasing.new')}
          </a>
        </div>
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
        <div className="field">
          <label htmlFor={`${id}-supplier`}>{t('stockAdmin.purchasing.supplier')}</label>
          <select id={`${id}-supplier`} value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
            <option value="">{t('stockAdmin.purchasing.anySupplier')}</option>
            {suppliers.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <LocationSelect
          label={t('stockAdmin.purchasing.deliverTo')}
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
              <th scope="col">{t('stockAdmin.purchasing.expectedOn')}</th>
              <th scope="col">{t('stockAdmin.purchasing.supplier')}</th>
              <th scope="col">{t('stockAdmin.purchasing.deliverTo')}</th>
              <th scope="col" className="number">
                {t('stockAdmin.purchasing.receivedOfOrdered')}
              </th>
              <th scope="col">{t('stockAdmin.col.status')}</th>
              <th scope="col">{t('stockAdmin.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.items.map((order) => {
              const ordered = order.lines.reduce((sum, l) => sum + l.orderedQuantity, 0);
              const received = order.lines.reduce((sum, l) => sum + l.receivedQuantity, 0);
              return (
                <tr
                  key={order.id}
                  className={order.deviations.length > 0 ? 'stock-row-attention' : undefined}
                >
                  <th scope="row">
                    <a href={stockHref('purchasing', order.id)}>{formatDay(order.expectedOn, locale)}</a>
                  </th>
                  <td>{suppliers.supplierName(order.supplierId)}</td>
                  <td>{locationName(order.locationId)}</td>
                  <td className="number">
                    {formatUnits(received, locale)} / {formatUnits(ordered, locale)}
                  </td>
                  <td>
                    <StatusBadge status={order.status} />
                  </td>
                  <td>{order.note || '–'}</td>
                </tr>
              );
            })}
            {page.data?.items.length === 0 && (
              <tr>
                <td colSpan={6}>{t('stockAdmin.purchasing.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager paging={paging} label={caption} />
    </>
  );
}
