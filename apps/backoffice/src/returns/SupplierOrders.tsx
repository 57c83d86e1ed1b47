// Drop-ship supplier orders: which supplier ships which order, confirmed or not, and the capture;
// below them, the suppliers that get their orders by webhook.
import { ErrorNotice, formatDateTime, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback } from 'react';
import { SupplierWebhooks } from './SupplierWebhooks';

export function SupplierOrders() {
  return (
    <>
      <SupplierOrderTable />
      <SupplierWebhooks />
    </>
  );
}

function SupplierOrderTable() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const list = useLoader(useCallback(() => api.returns.supplierOrders(), [api]));
  const items = list.data?.items;
  return (
    <section aria-labelledby="supplier-orders-heading">
      <h2 id="supplier-orders-heading">{t('returnsAdmin.supplierOrders')}</h2>
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('returnsAdmin.supplierOrders')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('returnsAdmin.order')}</th>
              <th scope="col">{t('returnsAdmin.supplier')}</th>
              <th scope="col">{t('returnsAdmin.lines')}</th>
              <th scope="col">{t('returnsAdmin.amount')}</th>
              <th scope="col">{t('returnsAdmin.status')}</th>
              <th scope="col">{t('returnsAdmin.tracking')}</th>
            </tr>
          </thead>
          <tbody>
            {items?.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.orderNumber}</th>
                <td>{o.supplierName}</td>
                <td>
                  <ul className="plain-list">
                    {o.lines.map((l) => (
                      <li key={l.orderLineId}>
                        {l.quantity} × {l.productName} <code>{l.sku}</code>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{formatPrice(o.amount, locale)}</td>
                <td>
                  {t(`returnsAdmin.supplierStatus.${o.status}`)}
                  {o.captureStatus && ` · ${t(`returnsAdmin.capture.${o.captureStatus}`)}`}
                </td>
                <td>
                  {o.trackingNumber ?? '–'}
                  {o.shippedAt && <div>{formatDateTime(o.shippedAt, locale)}</div>}
                </td>
              </tr>
            ))}
            {items?.length === 0 && (
              <tr>
                <td colSpan={6}>{t('returnsAdmin.noSupplierOrders')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
