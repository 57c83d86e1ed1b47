import type { DayReport } from '@handla/core';
import { formatVatRate } from '@handla/core';
import { formatDateTime, formatPrice, intlLocale, useLocale, useT } from '@handla/ui';
import { dayReportRows } from './report';

/** An X or Z report as a table: what, how many, how much (sv-SE amounts). */
export function DayReportTable({ report }: { report: DayReport }) {
  const t = useT();
  const { locale } = useLocale();
  const rows = dayReportRows(report, (bp) => formatVatRate(bp, intlLocale(locale)));
  const money = (amount: number) => formatPrice({ amount, currency: report.currency }, locale);
  return (
    <div className="table-wrap">
      <table className="registers-table">
        <caption>
          {t('registersAdmin.reports.caption', { from: report.fromSequence, to: report.toSequence })} ·{' '}
          {formatDateTime(report.createdAt, locale)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('registersAdmin.reports.item')}</th>
            <th scope="col" className="registers-amount">
              {t('registersAdmin.reports.count')}
            </th>
            <th scope="col" className="registers-amount">
              {t('registersAdmin.reports.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // Rows have no id of their own; their order is fixed by dayReportRows.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={i}>
              <th scope="row">{t(row.label, row.vars)}</th>
              <td className="registers-amount">{row.count ?? ''}</td>
              <td className="registers-amount">{money(row.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
