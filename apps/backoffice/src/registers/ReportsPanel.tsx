import type { ApiClient } from '@handla/api';
import type { DayReport } from '@handla/core';
import { ErrorNotice, formatDateTime, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { useAction } from '../stock/shared/useAction';
import { DayReportTable } from './DayReportTable';
import { asDayReport, isMissingRoute } from './report';

/** Takes an X report now, and lists the register's Z reports. */
export function ReportsPanel({ registerId }: { registerId: string }) {
  return (
    <>
      <XReport registerId={registerId} />
      <ZReports registerId={registerId} />
    </>
  );
}

function XReport({ registerId }: { registerId: string }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const action = useAction();
  const [report, setReport] = useState<DayReport | null>(null);
  const [isUnreadable, setUnreadable] = useState(false);

  async function take() {
    const dto = await action.run(() => api.register.xReport(registerId));
    if (!dto) return;
    const parsed = asDayReport(dto);
    setReport(parsed);
    setUnreadable(parsed === null);
  }

  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('registersAdmin.reports.xHeading')}</h2>
      <p className="muted">{t('registersAdmin.reports.xExplain')}</p>
      <div>
        <button type="button" className="button button-primary" onClick={take} disabled={action.pending}>
          {t('registersAdmin.reports.xTake')}
        </button>
      </div>
      {action.error !== null && <ErrorNotice error={action.error} />}
      {isUnreadable && <p className="notice notice-error">{t('error.generic')}</p>}
      {report && <DayReportTable report={report} />}
    </section>
  );
}

type StoredReport = Awaited<ReturnType<ApiClient['registerAdmin']['reports']>>['items'][number];

function ZReports({ registerId }: { registerId: string }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const id = useId();
  const list = useLoader(useCallback(() => api.registerAdmin.reports(registerId, 'z'), [api, registerId]));
  const [openId, setOpenId] = useState<string | null>(null);
  const reports = (list.data?.items ?? []).flatMap((stored: StoredReport) => {
    const report = asDayReport(stored.report);
    return report ? [{ stored, report }] : [];
  });
  const open = reports.find((r) => r.stored.reportId === openId);

  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('registersAdmin.reports.zHeading')}</h2>
      {list.loading && <p className="muted">{t('common.loading')}</p>}
      {list.error !== null &&
        (isMissingRoute(list.error) ? (
          <p className="muted">{t('registersAdmin.reports.notAvailable')}</p>
        ) : (
          <ErrorNotice error={list.error} onRetry={list.reload} />
        ))}
      {list.data && reports.length === 0 && <p>{t('registersAdmin.reports.zNone')}</p>}
      {reports.length > 0 && (
        <div className="table-wrap">
          <table className="registers-table">
            <caption className="visually-hidden">{t('registersAdmin.reports.zCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registersAdmin.reports.zNumber')}</th>
                <th scope="col">{t('registersAdmin.reports.zWhen')}</th>
                <th scope="col" className="registers-amount">
                  {t('registersAdmin.reports.net')}
                </th>
                <th scope="col" className="registers-amount">
                  {t('registersAdmin.reports.cashDifference')}
                </th>
              </tr>
            </thead>
            <tbody>
              {reports.map(({ stored, report }) => {
                const difference = stored.cashCount.find((c) => c.currency === report.currency)?.difference;
                return (
                  <tr key={stored.reportId}>
                    <th scope="row">
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-expanded={openId === stored.reportId}
                        onClick={() => setOpenId(openId === stored.reportId ? null : stored.reportId)}
                      >
                        {t('registersAdmin.reports.zName', { number: stored.number ?? '–' })}
                      </button>
                    </th>
                    <td>{formatDateTime(stored.at, locale)}</td>
                    <td className="registers-amount">
                      {formatPrice({ amount: report.net, currency: report.currency }, locale)}
                    </td>
                    <td className="registers-amount">
                      {difference === undefined || difference === null
                        ? '–'
                        : formatPrice({ amount: difference, currency: report.currency }, locale)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {open && <DayReportTable report={open.report} />}
    </section>
  );
}
