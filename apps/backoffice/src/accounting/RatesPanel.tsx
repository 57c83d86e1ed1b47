import type { ExchangeRateList } from '@handla/api';
import { ErrorNotice, useLoader, useT } from '@handla/ui';
import { type FormEvent, type ReactNode, useCallback, useId, useState } from 'react';
import { listExchangeRates, putExchangeRate } from './accounting-client';
import { PanelNotices } from './PanelNotices';

const today = () => new Date().toLocaleDateString('sv-SE');
/** "11,2345" or "11.2345" → "11.2345"; the server takes a point. */
const normalizeRate = (value: string) => value.trim().replace(',', '.');
const isRate = (value: string) => /^\d{1,8}(\.\d{1,6})?$/.test(value) && Number(value) > 0;
const isCurrency = (value: string) => /^[A-Z]{3}$/.test(value) && value !== 'SEK';
const rateText = (rate: string) => rate.replace('.', ',');

/** "Valutakurser": enter the day's rate to SEK for a currency, and the rates entered so far. */
export function RatesPanel() {
  const t = useT();
  const id = useId();
  const rates = useLoader(useCallback(() => listExchangeRates(), []));
  const [draft, setDraft] = useState({ currency: 'EUR', date: today(), rate: '', source: 'Riksbanken' });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const rate = normalizeRate(draft.rate);
  const isValid = isCurrency(draft.currency) && draft.date !== '' && isRate(rate);
  const showInvalid = draft.rate !== '' && !isValid;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!isValid) return;
    setSaving(true);
    setError(null);
    setNotice('');
    try {
      const saved = await putExchangeRate(draft.currency, draft.date, {
        rateToSek: rate,
        source: draft.source,
      });
      setNotice(t('accountingAdmin.rates.saved', { currency: saved.currency, date: saved.date }));
      setDraft((d) => ({ ...d, rate: '' }));
      rates.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  const field = (key: 'currency' | 'date' | 'rate' | 'source', input: ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`accountingAdmin.rates.${key}`)}</label>
      {input}
    </div>
  );

  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('accountingAdmin.rates.heading')}</h2>
      <p className="muted">{t('accountingAdmin.rates.explain')}</p>
      <form className="stack" onSubmit={save} noValidate>
        {field(
          'currency',
          <input
            id={`${id}-currency`}
            size={4}
            maxLength={3}
            value={draft.currency}
            aria-invalid={!isCurrency(draft.currency) || undefined}
            onChange={(e) => setDraft((d) => ({ ...d, currency: e.target.value.trim().toUpperCase() }))}
          />,
        )}
        {field(
          'date',
          <input
            id={`${id}-date`}
            type="date"
            value={draft.date}
            onChange={(e) => setDraft((d) => ({ ...d, date: e.target.value }))}
          />,
        )}
        {field(
          'rate',
          <input
            id={`${id}-rate`}
            inputMode="decimal"
            size={10}
            placeholder="11,2345"
            value={draft.rate}
            aria-invalid={showInvalid || undefined}
            aria-describedby={showInvalid ? `${id}-invalid` : undefined}
            onChange={(e) => setDraft((d) => ({ ...d, rate: e.target.value }))}
          />,
        )}
        {field(
          'source',
          <input
            id={`${id}-source`}
            maxLength={200}
            value={draft.source}
            onChange={(e) => setDraft((d) => ({ ...d, source: e.target.value }))}
          />,
        )}
        {showInvalid && (
          <p id={`${id}-invalid`} className="notice notice-warning" role="alert">
            {t('accountingAdmin.rates.invalid')}
          </p>
        )}
        <p>
          <button type="submit" className="button button-primary" disabled={!isValid || saving}>
            {saving ? t('accountingAdmin.rates.saving') : t('accountingAdmin.rates.save')}
          </button>
        </p>
      </form>
      <PanelNotices error={error} notice={notice} />
      {rates.error !== null && <ErrorNotice error={rates.error} onRetry={rates.reload} />}
      {rates.data && <RatesTable list={rates.data} />}
    </section>
  );
}

function RatesTable({ list }: { list: ExchangeRateList }) {
  const t = useT();
  if (list.items.length === 0) return <p className="muted">{t('accountingAdmin.rates.empty')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('accountingAdmin.rates.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accountingAdmin.rates.date')}</th>
            <th scope="col">{t('accountingAdmin.rates.currency')}</th>
            <th scope="col">{t('accountingAdmin.rates.rate')}</th>
            <th scope="col">{t('accountingAdmin.rates.source')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.slice(0, 60).map((r) => (
            <tr key={`${r.currency}-${r.date}`}>
              <td>{r.date}</td>
              <td>{r.currency}</td>
              <td className="num">{rateText(r.rateToSek)}</td>
              <td>{r.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
