// One customer's purchases across the web shop and the stores, latest first.
import type { CustomerHistoryEntry } from '@handla/api';
import { formatDateTime, useLocale, useT } from '@handla/ui';
import { useFormatAmount } from '../format';
import { historyRow, latestFirst } from './customer-view';

function HistoryRow({ entry }: { entry: CustomerHistoryEntry }) {
  const t = useT();
  const { locale } = useLocale();
  const formatAmount = useFormatAmount(entry.currency);
  const row = historyRow(entry);
  return (
    <tr>
      <td>{formatDateTime(entry.at, locale)}</td>
      <td>{t(row.titleKey, { number: row.number })}</td>
      <td>{row.storeName ?? t('pos.customers.history.web')}</td>
      <td className="amount">{formatAmount(entry.totalInclVat)}</td>
    </tr>
  );
}

export function CustomerHistoryList({ items }: { items: readonly CustomerHistoryEntry[] }) {
  const t = useT();
  if (items.length === 0) return <p>{t('pos.customers.history.empty')}</p>;
  return (
    <table className="customer-history">
      <caption>{t('pos.customers.history.heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('pos.customers.history.date')}</th>
          <th scope="col">{t('pos.customers.history.what')}</th>
          <th scope="col">{t('pos.customers.history.where')}</th>
          <th scope="col">{t('pos.customers.history.total')}</th>
        </tr>
      </thead>
      <tbody>
        {latestFirst(items).map((entry) => (
          <HistoryRow key={`${entry.kind}:${entry.id}`} entry={entry} />
        ))}
      </tbody>
    </table>
  );
}
