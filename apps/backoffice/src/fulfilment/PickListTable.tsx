// The location's pick lists, newest first, each with its PDF.
import { ErrorNotice, formatDateTime, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback } from 'react';

export function PickListTable({ locationId }: { locationId: string }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const lists = useLoader(useCallback(() => api.fulfilment.pickLists(locationId), [api, locationId]));
  const items = lists.data?.items ?? [];

  return (
    <section className="stack" aria-labelledby="pick-lists">
      <h2 id="pick-lists">{t('fulfilmentAdmin.pickLists')}</h2>
      {lists.error !== null && <ErrorNotice error={lists.error} onRetry={lists.reload} />}
      {!lists.loading && items.length === 0 && <p className="muted">{t('fulfilmentAdmin.noPickLists')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fulfilmentAdmin.created')}</th>
                <th scope="col">{t('fulfilmentAdmin.orders')}</th>
                <th scope="col">{t('fulfilmentAdmin.packed')}</th>
                <th scope="col">{t('fulfilmentAdmin.pdf')}</th>
                <th scope="col">{t('fulfilmentAdmin.tabPack')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((list) => (
                <tr key={list.id}>
                  <td>{formatDateTime(list.createdAt, locale)}</td>
                  <td>{list.orderCount}</td>
                  <td>{list.packedCount}</td>
                  <td>
                    <a href={api.fulfilment.pickListPdfUrl(list.id)} target="_blank" rel="noreferrer">
                      {t('fulfilmentAdmin.pickListPdf', { id: list.id })}
                    </a>
                  </td>
                  <td>
                    <a href={`#/fulfilment/pack/${encodeURIComponent(list.id)}`}>
                      {t('fulfilmentAdmin.packList', { id: list.id })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
