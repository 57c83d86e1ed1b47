// A customer's purchases: web orders and store receipts, oldest first.
import type { CustomerHistoryEntry } from '@handla/api';
import { formatDateTime, formatPrice, useLocale, useT } from '@handla/ui';

export function CustomerHistoryTable({ items }: { items: readonly CustomerHistoryEntry[] | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="table-wrap" aria-live="polite" aria-busy={items === undefined}>
      <table>
        <caption className="visually-hidden">{t('crmAdmin.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('crmAdmin.history.when')}</th>
            <th scope="col">{t('crmAdmin.history.what')}</th>
            <th scope="col">{t('crmAdmin.history.where')}</th>
            <th scope="col">{t('crmAdmin.history.status')}</th>
            <th scope="col" className="numeric">
              {t('crmAdmin.history.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items?.map((i) => (
            <tr key={`${i.kind}:${i.id}`}>
              <td>{formatDateTime(i.at, locale)}</td>
              <th scope="row">
                {i.kind === 'order' ? (
                  <a href={`#/orders/${encodeURIComponent(i.id)}`}>
                    {t('crmAdmin.history.order', { number: i.number })}
                  </a>
                ) : (
                  t('crmAdmin.history.receipt', { number: i.number })
                )}
              </th>
              <td>{i.storeName ?? t('crmAdmin.history.web')}</td>
              <td>{i.status}</td>
              <td className="numeric">
                {formatPrice({ amount: i.totalInclVat, currency: i.currency }, locale)}
              </td>
            </tr>
          ))}
          {items?.length === 0 && (
            <tr>
              <td colSpan={5}>{t('crmAdmin.history.none')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
