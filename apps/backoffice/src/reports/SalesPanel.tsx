import type { ReportParams, SalesGroupBy } from '@handla/api';
import { formatPrice, type MessageKey, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartAndTable, ReportPanel } from './ReportPanel';
import { SalesTable } from './ReportTable';

/** How many rows a chart shows (top products and categories by sales). */
const TOP = 10;

/** One grouping of sales: a bar chart of net sales incl. VAT, its table, and a CSV link. */
export function SalesPanel({
  params,
  groupBy,
  title,
}: {
  params: ReportParams;
  groupBy: SalesGroupBy;
  title: MessageKey;
}) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const report = useLoader(useCallback(() => api.reports.sales(params, groupBy), [api, params, groupBy]));
  const isRanked = groupBy === 'product' || groupBy === 'category';
  const rows = [...(report.data?.rows ?? [])];
  if (isRanked) rows.sort((a, b) => b.salesInclVat - a.salesInclVat).splice(TOP);
  const data = rows.map((r) => ({ name: r.label, kr: r.salesInclVat / 100 }));
  const money = (kr: number) => formatPrice({ amount: Math.round(kr * 100), currency: 'SEK' }, locale);

  return (
    <ReportPanel title={t(title)} csvHref={api.reports.csvUrl('sales', params, groupBy)} loaded={report}>
      {report.data && report.data.rows.length === 0 && <p className="muted">{t('reportsAdmin.empty')}</p>}
      {report.data && report.data.rows.length > 0 && (
        <ChartAndTable
          chart={
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={data} layout={isRanked ? 'vertical' : 'horizontal'}>
                <CartesianGrid strokeDasharray="3 3" />
                {isRanked ? (
                  <>
                    <XAxis type="number" tickFormatter={money} />
                    <YAxis type="category" dataKey="name" width={160} />
                  </>
                ) : (
                  <>
                    <XAxis dataKey="name" />
                    <YAxis tickFormatter={money} width={100} />
                  </>
                )}
                <Tooltip formatter={(v) => money(Number(v))} />
                <Bar dataKey="kr" name={t('reportsAdmin.salesInclVat')} fill="#2f6f4f" />
              </BarChart>
            </ResponsiveContainer>
          }
          table={<SalesTable report={{ ...report.data, rows }} caption={t(title)} />}
        />
      )}
    </ReportPanel>
  );
}
