import type { PurchaseOrder } from '@handla/api';
import { useLocale, useT } from '@handla/ui';
import { useCallback, useId } from 'react';
import { stockHref } from '../paths';
import { DocumentList } from '../shared/DocumentList';
import { formatDay, formatUnits } from '../shared/format';
import { LocationSelect } from '../shared/LocationSelect';
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
  return (
    <DocumentList
      caption={t('stockAdmin.purchasing.orders')}
      actions={
        <div className="button-row">
          <a className="button" href={stockHref('purchasing', 'suppliers')}>
            {t('stockAdmin.purchasing.suppliers')}
          </a>
          <a className="button button-primary" href={stockHref('purchasing', 'new')}>
            {t('stockAdmin.purchasing.new')}
          </a>
        </div>
      }
      statuses={STATUSES}
      status={status}
      onStatus={setStatus}
      filters={
        <>
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
        </>
      }
      page={page}
      paging={paging}
      columns={[
        { label: t('stockAdmin.purchasing.expectedOn') },
        { label: t('stockAdmin.purchasing.supplier') },
        { label: t('stockAdmin.purchasing.deliverTo') },
        { label: t('stockAdmin.purchasing.receivedOfOrdered'), number: true },
        { label: t('stockAdmin.col.status') },
        { label: t('stockAdmin.col.note') },
      ]}
      row={(order) => {
        const ordered = order.lines.reduce((sum, l) => sum + l.orderedQuantity, 0);
        const received = order.lines.reduce((sum, l) => sum + l.receivedQuantity, 0);
        return (
          <tr key={order.id} className={order.deviations.length > 0 ? 'stock-row-attention' : undefined}>
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
      }}
      none="stockAdmin.purchasing.none"
    />
  );
}
