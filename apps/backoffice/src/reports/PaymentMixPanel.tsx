import type { ReportParams } from '@handla/api';
import { formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback } from 'react';
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { ChartAndTable, ReportPanel } from './ReportPanel';

const COLOURS = ['#2f6f4f', '#d08c2f', '#3a6ea5', '#a54a3a', '#7a5ea5', '#5e8f8f', '#8f8f5e'];

/** Payments per channel and method: a pie, its table, and a CSV link. */
export function PaymentMixPanel({ params }: { params: ReportParams }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const mix = useLoader(useCallback(() => api.reports.paymentMix(params), [api, params]));
  const money = (amount: number) => formatPrice({ amount, currency: 'SEK' }, locale);
  const channel = (c: 'store' | 'web') =>
    t(c === 'web' ? 'reportsAdmin.channelWeb' : 'reportsAdmin.channelStore');
  const rows = mix.data?.rows ?? [];
  const data = rows
    .filter((r) => r.amount > 0)
    .map((r) => ({ name: `${channel(r.channel)} · ${r.method}`, value: r.amount }));

  return (
    <ReportPanel
      title={t('reportsAdmin.paymentMix')}
      csvHref={api.reports.csvUrl('payment-mix', params)}
      loaded={mix}
    >
      {mix.data && rows.length === 0 && <p className="muted">{t('reportsAdmin.empty')}</p>}
      {rows.length > 0 && (
        <ChartAndTable
          chart={
            <ResponsiveContainer width="100%" height={240}>
              <PieChart>
                <Pie
                  data={data}
                  dataKey="value"
                  nameKey="name"
                  outerRadius={90}
                  label={(e) => String(e.name)}
                >
                  {data.map((d, i) => (
                    <Cell key={d.name} fill={COLOURS[i % COLOURS.length]} />
                  ))}
                </Pie>
                <Tooltip formatter={(v) => money(Number(v))} />
              </PieChart>
            </ResponsiveContainer>
          }
          table={
            <table>
              <caption className="visually-hidden">{t('reportsAdmin.paymentMix')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reportsAdmin.channel')}</th>
                  <th scope="col">{t('reportsAdmin.method')}</th>
                  <th scope="col" className="reports-num">
                    {t('reportsAdmin.amount')}
                  </th>
                  <th scope="col" className="reports-num">
                    {t('reportsAdmin.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.channel}-${r.method}`}>
                    <td>{channel(r.channel)}</td>
                    <th scope="row">{r.method}</th>
                    <td className="reports-num">{money(r.amount)}</td>
                    <td className="reports-num">{r.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </ReportPanel>
  );
}
