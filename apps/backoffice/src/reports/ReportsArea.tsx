// Sales reports: dashboards with charts per day, hour, store, register, channel, salesperson, product and category; CSV and Excel export.
// Filters (period preset or custom days, store) above; each panel loads its own report so one slow
// or failing report does not hold the others back. Charts are hidden from screen readers: the
// table under each ("Show as a table") carries the same figures.
import type { ReportParams } from '@handla/api';
import { useApi, useLoader, useSession, useT } from '@handla/ui';
import { useCallback, useId, useMemo, useState } from 'react';
import { PageHeading } from '../pages/PageHeading';
import { ClickCollectPanel } from './ClickCollectPanel';
import { PaymentMixPanel } from './PaymentMixPanel';
import { PERIOD_PRESETS, type PeriodPreset, presetDays } from './period';
import { SalesPanel } from './SalesPanel';
import './reports.css';

const PRESET_LABELS = {
  today: 'reportsAdmin.today',
  last7: 'reportsAdmin.last7',
  thisMonth: 'reportsAdmin.thisMonth',
  custom: 'reportsAdmin.custom',
} as const;

export function ReportsArea() {
  const t = useT();
  const api = useApi();
  const { user } = useSession();
  const id = useId();
  const [preset, setPreset] = useState<PeriodPreset>('last7');
  const [days, setDays] = useState(() => presetDays('last7', new Date(), { from: '', to: '' }));
  const [storeId, setStoreId] = useState('');
  const isOwner = user?.role === 'owner';
  const stores = useLoader(
    useCallback(() => (isOwner ? api.listStores() : Promise.resolve(null)), [api, isOwner]),
  );
  const isValid = days.from !== '' && days.to !== '' && days.from <= days.to;
  const params = useMemo<ReportParams>(
    () => ({ from: days.from, to: days.to, ...(storeId ? { storeId } : {}) }),
    [days, storeId],
  );

  const choose = (next: PeriodPreset) => {
    setPreset(next);
    setDays((current) => presetDays(next, new Date(), current));
  };

  return (
    <div className="stack">
      <PageHeading title={t('nav.reports')} />
      <fieldset className="reports-filters">
        <legend>{t('reportsAdmin.filters')}</legend>
        <div className="field">
          <label htmlFor={`${id}-preset`}>{t('reportsAdmin.period')}</label>
          <select id={`${id}-preset`} value={preset} onChange={(e) => choose(e.target.value as PeriodPreset)}>
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(PRESET_LABELS[p])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('reportsAdmin.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={days.from}
            onChange={(e) => {
              setPreset('custom');
              setDays((d) => ({ ...d, from: e.target.value }));
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('reportsAdmin.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={days.to}
            aria-invalid={isValid ? undefined : true}
            aria-describedby={isValid ? undefined : `${id}-err`}
            onChange={(e) => {
              setPreset('custom');
              setDays((d) => ({ ...d, to: e.target.value }));
            }}
          />
        </div>
        {isOwner && (
          <div className="field">
            <label htmlFor={`${id}-store`}>{t('reportsAdmin.store')}</label>
            <select id={`${id}-store`} value={storeId} onChange={(e) => setStoreId(e.target.value)}>
              <option value="">{t('reportsAdmin.allStores')}</option>
              {(stores.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
      {!isValid && (
        <p id={`${id}-err`} role="alert" className="reports-error">
          {t('reportsAdmin.invalidPeriod')}
        </p>
      )}
      {isValid && (
        <div className="reports-grid">
          <SalesPanel params={params} groupBy="day" title="reportsAdmin.byDay" />
          <SalesPanel params={params} groupBy="hour" title="reportsAdmin.byHour" />
          {isOwner && !storeId && <SalesPanel params={params} groupBy="store" title="reportsAdmin.byStore" />}
          <SalesPanel params={params} groupBy="register" title="reportsAdmin.byRegister" />
          <SalesPanel params={params} groupBy="channel" title="reportsAdmin.byChannel" />
          <SalesPanel params={params} groupBy="salesperson" title="reportsAdmin.bySalesperson" />
          <SalesPanel params={params} groupBy="product" title="reportsAdmin.byProduct" />
          <SalesPanel params={params} groupBy="category" title="reportsAdmin.byCategory" />
          <PaymentMixPanel params={params} />
          <ClickCollectPanel params={params} />
        </div>
      )}
    </div>
  );
}
