import type { ClickCollectReport, ReportParams } from '@handla/api';
import { formatDateTime, type MessageKey, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartAndTable, ReportPanel } from './ReportPanel';

const FIGURES: [MessageKey, (r: ClickCollectReport) => number | null][] = [
  ['reportsAdmin.ccOrders', (r) => r.orders],
  ['reportsAdmin.ccReady', (r) => r.ready],
  ['reportsAdmin.ccCollected', (r) => r.collected],
  ['reportsAdmin.ccNotCollected', (r) => r.notCollected],
  ['reportsAdmin.ccOverdue', (r) => r.overdueNow],
  ['reportsAdmin.ccP50', (r) => r.timeToReadyP50Minutes],
  ['reportsAdmin.ccP90', (r) => r.timeToReadyP90Minutes],
];

/** Click & collect: key figures, orders per slot (bars and table), and a CSV link. */
export function ClickCollectPanel({ params }: { params: ReportParams }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const cc = useLoader(useCallback(() => api.reports.clickCollect(params), [api, params]));
  const data = (cc.data?.slots ?? []).map((s) => ({
    name: formatDateTime(s.slotStartsAt, locale),
    orders: s.orders,
  }));

  return (
    <ReportPanel
      title={t('reportsAdmin.clickCollect')}
      csvHref={api.reports.csvUrl('click-collect', params)}
      loaded={cc}
    >
      {cc.data && (
        <dl className="reports-figures">
          {FIGURES.map(([label, value]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>{value(cc.data!) ?? '–'}</dd>
            </div>
          ))}
        </dl>
      )}
      {data.length > 0 && (
        <ChartAndTable
          chart={
            <ResponsiveContainer width="100%" height={200}>
              <BarChart data={data}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="orders" name={t('reportsAdmin.ccOrders')} fill="#3a6ea5" />
              </BarChart>
            </ResponsiveContainer>
          }
          table={
            <table>
              <caption className="visually-hidden">{t('reportsAdmin.clickCollect')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reportsAdmin.ccSlot')}</th>
                  <th scope="col" className="reports-num">
                    {t('reportsAdmin.ccOrders')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((s) => (
                  <tr key={s.name}>
                    <th scope="row">{s.name}</th>
                    <td className="reports-num">{s.orders}</td>
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
