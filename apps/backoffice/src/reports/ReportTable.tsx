import type { SalesReport } from '@handla/api';
import { formatPrice, useLocale, useT } from '@handla/ui';

const money = (amount: number | null, locale: 'sv' | 'en') =>
  amount === null ? '–' : formatPrice({ amount, currency: 'SEK' }, locale);

/** The figures behind a sales chart as a table: the accessible alternative to the chart. */
export function SalesTable({ report, caption }: { report: SalesReport; caption: string }) {
  const t = useT();
  const { locale } = useLocale();
  const share = (costed: number, excl: number) =>
    excl === 0
      ? '–'
      : new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-SE', { style: 'percent' }).format(
          costed / excl,
        );
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reportsAdmin.name')}</th>
          <th scope="col" className="reports-num">
            {t('reportsAdmin.salesInclVat')}
          </th>
          <th scope="col" className="reports-num">
            {t('reportsAdmin.salesExclVat')}
          </th>
          <th scope="col" className="reports-num">
            {t('reportsAdmin.receipts')}
          </th>
          <th scope="col" className="reports-num">
            {t('reportsAdmin.returns')}
          </th>
          <th scope="col" className="reports-num">
            {t('reportsAdmin.units')}
          </th>
          <th scope="col" className="reports-num">
            {t('reportsAdmin.margin')}
          </th>
          <th scope="col" className="reports-num">
            {t('reportsAdmin.costCoverage')}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="reports-num">{money(r.salesInclVat, locale)}</td>
            <td className="reports-num">{money(r.salesExclVat, locale)}</td>
            <td className="reports-num">{r.receipts}</td>
            <td className="reports-num">{r.returns}</td>
            <td className="reports-num">{r.units}</td>
            <td className="reports-num">{money(r.margin, locale)}</td>
            <td className="reports-num">{share(r.costedExclVat, r.salesExclVat)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('reportsAdmin.total')}</th>
          <td className="reports-num">{money(report.total.salesInclVat, locale)}</td>
          <td className="reports-num">{money(report.total.salesExclVat, locale)}</td>
          <td className="reports-num">{report.total.receipts}</td>
          <td className="reports-num">{report.total.returns}</td>
          <td className="reports-num">{report.total.units}</td>
          <td className="reports-num">{money(report.total.margin, locale)}</td>
          <td className="reports-num">{share(report.total.costedExclVat, report.total.salesExclVat)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
