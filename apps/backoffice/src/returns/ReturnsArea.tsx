// Back office #/returns: return requests (list), one return at #/returns/<id> with the receive and
// inspect form and the refund result, and the drop-ship supplier orders with their status.
import type { ReturnRequest } from '@handla/api';
import { ErrorNotice, formatDateTime, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback } from 'react';
import { PageHeading } from '../pages/PageHeading';
import { TableStatusRows } from '../pages/TableStatusRows';
import { useSubPath } from '../routes';
import { ReceiveReturn } from './ReceiveReturn';
import { ReturnSettingsForm } from './ReturnSettingsForm';
import { SupplierOrders } from './SupplierOrders';

export function ReturnsArea() {
  const t = useT();
  const id = decodeURIComponent(useSubPath().replace(/^\//, ''));
  return (
    <>
      <PageHeading title={t('nav.returns')} />
      {id ? (
        <ReceiveReturn id={id} />
      ) : (
        <>
          <ReturnList />
          <SupplierOrders />
          <ReturnSettingsForm />
        </>
      )}
    </>
  );
}

function ReturnList() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const list = useLoader(useCallback(() => api.returns.list(), [api]));
  const items: ReturnRequest[] | undefined = list.data?.items;
  return (
    <section aria-labelledby="returns-heading">
      <h2 id="returns-heading">{t('returnsAdmin.requests')}</h2>
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('returnsAdmin.requests')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('returnsAdmin.rma')}</th>
              <th scope="col">{t('returnsAdmin.order')}</th>
              <th scope="col">{t('returnsAdmin.customer')}</th>
              <th scope="col">{t('returnsAdmin.requestedAt')}</th>
              <th scope="col">{t('returnsAdmin.status')}</th>
              <th scope="col">{t('returnsAdmin.refund')}</th>
            </tr>
          </thead>
          <tbody>
            {items?.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a href={`#/returns/${encodeURIComponent(r.id)}`}>{r.rmaNumber}</a>
                </th>
                <td>{r.orderNumber}</td>
                <td>{r.customerName}</td>
                <td>{formatDateTime(r.requestedAt, locale)}</td>
                <td>{t(`returnsAdmin.status.${r.status}`)}</td>
                <td>{r.refund ? formatPrice(r.refund, locale) : '–'}</td>
              </tr>
            ))}
            <TableStatusRows rows={items} columns={6} empty={t('returnsAdmin.none')} />
          </tbody>
        </table>
      </div>
    </section>
  );
}
