// Completed receipts: this register's own (also offline) and, online, the server's by number,
// date or amount. A receipt opens on screen, where it can be printed.
import type { ReceiptSummary } from '@handla/api';
import { type ReceiptDocument, renderReceiptHtml } from '@handla/core';
import { ErrorNotice, formatDateTime, useLocale, useT } from '@handla/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useFormatAmount } from '../format';
import { type LocalReceipt, listLocalReceipts } from '../offline/db';
import { useRegister } from '../register-context';
import { qrSvg } from './qr-svg';
import { ReceiptView } from './ReceiptView';

type CopyIssuer = (receipt: LocalReceipt) => Promise<{ copyId: string; html: string }>;

function matches(receipt: LocalReceipt, query: string, date: string): boolean {
  if (date && !receipt.completedAt.startsWith(date)) return false;
  if (!query) return true;
  const digits = query.replace(/[\s,.]/g, '');
  return (
    String(receipt.number) === query.trim() ||
    String(Math.abs(receipt.totalInclVat)) === digits ||
    String(Math.abs(receipt.totalInclVat) / 100) === query.trim()
  );
}

export function ReceiptSearch({ onCopy }: { onCopy: CopyIssuer | null }) {
  const t = useT();
  const { locale } = useLocale();
  const { db, api, isOnline, setup } = useRegister();
  const formatAmount = useFormatAmount(setup.company.currency);
  const [query, setQuery] = useState('');
  const [date, setDate] = useState('');
  const [local, setLocal] = useState<LocalReceipt[]>([]);
  const [server, setServer] = useState<ReceiptSummary[]>([]);
  const [shown, setShown] = useState<LocalReceipt | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    void listLocalReceipts(db, 200).then(setLocal);
  }, [db]);

  async function search(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!isOnline) return;
    const number = /^\d+$/.test(query.trim()) ? Number(query.trim()) : undefined;
    try {
      const found = await api.searchReceipts({
        ...(number !== undefined ? { number } : query.trim() ? { q: query.trim() } : {}),
        ...(date ? { from: `${date}T00:00:00.000Z`, to: `${date}T23:59:59.999Z` } : {}),
      });
      setServer(found.items);
    } catch (e) {
      setError(e);
    }
  }

  async function openServerReceipt(summary: ReceiptSummary) {
    try {
      const detail = await api.receipt(summary.id);
      const html = renderReceiptHtml(
        { ...(detail.document as ReceiptDocument), isElectronic: true },
        { renderQr: qrSvg },
      );
      setShown({
        id: detail.id,
        number: detail.number,
        completedAt: detail.occurredAt,
        totalInclVat: detail.total.amount,
        isTraining: detail.isTraining,
        kind: detail.kind,
        receipt: detail.computed,
        html,
      });
    } catch (e) {
      setError(e);
    }
  }

  if (shown) {
    return (
      <div className="stack">
        <ReceiptView receipt={shown} {...(onCopy ? { onCopy: () => onCopy(shown) } : {})} />
        <button type="button" className="button" onClick={() => setShown(null)}>
          {t('pos.close')}
        </button>
      </div>
    );
  }
  const localShown = local.filter((r) => matches(r, query, date));
  const row = (
    id: string,
    number: number,
    at: string,
    total: number,
    training: boolean,
    onOpen: () => void,
  ) => (
    <li key={id} className="receipt-row">
      <button
        type="button"
        className="button receipt-row-button"
        onClick={onOpen}
        aria-label={t('pos.receipts.show', { number })}
      >
        <span>#{number}</span>
        <span>{formatDateTime(at, locale)}</span>
        <strong>{formatAmount(total)}</strong>
        {training && <span className="badge">{t('pos.receipts.training')}</span>}
      </button>
    </li>
  );
  return (
    <section className="card stack" aria-labelledby="receipts-heading">
      <h2 id="receipts-heading">{t('pos.receipts.heading')}</h2>
      <form onSubmit={search} className="search-row">
        <label className="field">
          <span>{t('pos.receipts.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('pos.receipts.date')}</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={!isOnline}>
          {t('pos.receipts.server')}
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
      <h3>{t('pos.receipts.local')}</h3>
      {localShown.length === 0 && <p>{t('pos.receipts.none')}</p>}
      <ul className="plain-list">
        {localShown.map((r) =>
          row(r.id, r.number, r.completedAt, r.totalInclVat, r.isTraining, () => setShown(r)),
        )}
      </ul>
      {server.length > 0 && (
        <>
          <h3>{t('pos.receipts.server')}</h3>
          <ul className="plain-list">
            {server.map((r) =>
              row(
                r.id,
                r.number,
                r.occurredAt,
                r.total.amount,
                r.isTraining,
                () => void openServerReceipt(r),
              ),
            )}
          </ul>
        </>
      )}
    </section>
  );
}
