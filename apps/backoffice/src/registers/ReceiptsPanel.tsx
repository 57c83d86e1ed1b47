import type { ReceiptQuery, ReceiptSummary } from '@handla/api';

type ReceiptSearch = Partial<Omit<ReceiptQuery, 'limit'>>;

import { ErrorNotice, formatDateTime, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { receiptPeriod } from './model';
import { ReceiptView } from './ReceiptView';

interface SearchForm {
  q: string;
  number: string;
  fromDay: string;
  toDay: string;
}

const EMPTY: SearchForm = { q: '', number: '', fromDay: '', toDay: '' };

function toSearch(form: SearchForm): ReceiptSearch {
  const number = /^\d+$/.test(form.number.trim()) ? Number(form.number.trim()) : undefined;
  return { q: form.q.trim() || undefined, number, ...receiptPeriod(form.fromDay, form.toDay) };
}

/** Searches the register's receipts and opens one. */
export function ReceiptsPanel({ registerId }: { registerId: string }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [form, setForm] = useState<SearchForm>(EMPTY);
  const [search, setSearch] = useState<ReceiptSearch>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const receipts = useLoader(
    useCallback(() => api.register.searchReceipts(registerId, search), [api, registerId, search]),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setSearch(toSearch(form));
  }
  const set = (field: keyof SearchForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('registersAdmin.receipts.heading')}</h2>
      <form className="registers-search" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('registersAdmin.receipts.search')}</label>
          <input id={`${id}-q`} type="search" value={form.q} onChange={set('q')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-n`}>{t('registersAdmin.receipts.number')}</label>
          <input id={`${id}-n`} inputMode="numeric" value={form.number} onChange={set('number')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('registersAdmin.receipts.from')}</label>
          <input id={`${id}-from`} type="date" value={form.fromDay} onChange={set('fromDay')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('registersAdmin.receipts.to')}</label>
          <input id={`${id}-to`} type="date" value={form.toDay} onChange={set('toDay')} />
        </div>
        <div>
          <button type="submit" className="button">
            {t('registersAdmin.receipts.submit')}
          </button>
        </div>
      </form>
      {receipts.error !== null && <ErrorNotice error={receipts.error} onRetry={receipts.reload} />}
      {receipts.loading && <p className="muted">{t('common.loading')}</p>}
      {receipts.data && <ReceiptTable receipts={receipts.data.items} onOpen={setOpenId} />}
      {openId && <ReceiptView key={openId} receiptId={openId} onClose={() => setOpenId(null)} />}
    </section>
  );
}

function ReceiptTable({ receipts, onOpen }: { receipts: ReceiptSummary[]; onOpen: (id: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  if (receipts.length === 0) return <p>{t('registersAdmin.receipts.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="registers-table">
        <caption className="visually-hidden">{t('registersAdmin.receipts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registersAdmin.receipts.number')}</th>
            <th scope="col">{t('registersAdmin.receipts.when')}</th>
            <th scope="col">{t('registersAdmin.receipts.kind')}</th>
            <th scope="col">{t('registersAdmin.receipts.cashier')}</th>
            <th scope="col" className="registers-amount">
              {t('registersAdmin.receipts.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {receipts.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('registersAdmin.receipts.open', { number: r.number })}
                  onClick={() => onOpen(r.id)}
                >
                  {r.number}
                </button>
              </th>
              <td>{formatDateTime(r.occurredAt, locale)}</td>
              <td>
                {t(r.kind === 'sale' ? 'registersAdmin.receipts.sale' : 'registersAdmin.receipts.return')}
                {r.isTraining && ` · ${t('registersAdmin.receipts.training')}`}
              </td>
              <td>{r.cashierName}</td>
              <td className="registers-amount">{formatPrice(r.total, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
