import { ErrorNotice, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { barPercentages, monthToDate, receiptPeriod } from './model';
import { isMissingRoute } from './report';

const CURRENCY = 'SEK';

/** Net sales per register for a period of days: a table whose net column carries a bar. */
export function SalesChart() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const id = useId();
  const [days, setDays] = useState(() => monthToDate(new Date()));
  const isValid = days.from !== '' && days.to !== '' && days.from <= days.to;
  const figures = useLoader(
    useCallback(() => {
      if (!isValid) return Promise.resolve(null);
      const { from = '', to = '' } = receiptPeriod(days.from, days.to);
      return api.registerAdmin.salesByRegister({ from, to });
    }, [api, days, isValid]),
  );
  const rows = figures.data?.registers ?? [];
  const bars = barPercentages(rows.map((r) => r.net));
  const money = (amount: number) => formatPrice({ amount, currency: CURRENCY }, locale);

  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('registersAdmin.sales.heading')}</h2>
      <div className="registers-search">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('registersAdmin.sales.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={days.from}
            onChange={(e) => setDays((d) => ({ ...d, from: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('registersAdmin.sales.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={days.to}
            aria-invalid={isValid ? undefined : true}
            aria-describedby={isValid ? undefined : `${id}-err`}
            onChange={(e) => setDays((d) => ({ ...d, to: e.target.value }))}
          />
        </div>
      </div>
      {!isValid && (
        <p id={`${id}-err`} className="registers-field-error" role="alert">
          {t('registersAdmin.saft.invalidPeriod')}
        </p>
      )}
      {figures.loading && <p className="muted">{t('common.loading')}</p>}
      {figures.error !== null &&
        (isMissingRoute(figures.error) ? (
          <p className="muted">{t('registersAdmin.reports.notAvailable')}</p>
        ) : (
          <ErrorNotice error={figures.error} onRetry={figures.reload} />
        ))}
      {figures.data && (
        <div className="table-wrap">
          <table className="registers-table">
            <caption className="visually-hidden">{t('registersAdmin.sales.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registersAdmin.sales.register')}</th>
                <th scope="col" className="registers-amount">
                  {t('registersAdmin.sales.receipts')}
                </th>
                <th scope="col" className="registers-amount">
                  {t('registersAdmin.sales.sales')}
                </th>
                <th scope="col" className="registers-amount">
                  {t('registersAdmin.sales.returns')}
                </th>
                <th scope="col">{t('registersAdmin.sales.net')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.registerId}>
                  <th scope="row">
                    {r.registerCode} <span className="muted">· {r.storeName}</span>
                  </th>
                  <td className="registers-amount">{r.receipts}</td>
                  <td className="registers-amount">{money(r.sales)}</td>
                  <td className="registers-amount">{money(r.returns)}</td>
                  <td>
                    <div className="registers-bar-cell">
                      <span className="registers-bar-track" aria-hidden="true">
                        <span className="registers-bar" style={{ width: `${bars[i] ?? 0}%` }} />
                      </span>
                      <span className="registers-amount">{money(r.net)}</span>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('registersAdmin.sales.total')}</th>
                <td className="registers-amount">{figures.data.total.receipts}</td>
                <td className="registers-amount">{money(figures.data.total.sales)}</td>
                <td className="registers-amount">{money(figures.data.total.returns)}</td>
                <td className="registers-amount">{money(figures.data.total.net)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
