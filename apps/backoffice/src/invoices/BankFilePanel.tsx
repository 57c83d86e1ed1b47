// Reading Bankgirot's BgMax file: the payments it held and what each one did (paid, partly paid,
// over-paid, no invoice, recorded before).
import type { BankFileImport } from '@handla/api';
import { formatPrice, useApi, useLocale, useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { PanelNotices } from '../accounting/PanelNotices';
import { ListTable } from '../pages/ListTable';

/** Bankgirot writes ISO 8859-1; a file saved again as UTF-8 is read as such. */
function decodeBankFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function BankFilePanel({ onImported }: { onImported: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi().invoices;
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BankFileImport | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.importBankFile(decodeBankFile(new Uint8Array(await file.arrayBuffer()))));
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const notice = result
    ? result.isRepeat
      ? t('invoicesAdmin.bankRepeat')
      : t('invoicesAdmin.bankResult', {
          payments: result.payments,
          matched: result.matched,
          unmatched: result.unmatched,
        })
    : '';
  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('invoicesAdmin.bankHeading')}</h2>
      <p className="muted">{t('invoicesAdmin.bankExplain')}</p>
      <form className="inline-form" onSubmit={upload}>
        <label htmlFor={`${id}-file`}>{t('invoicesAdmin.bankFile')}</label>
        <input id={`${id}-file`} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="submit" className="button" disabled={!file || busy}>
          {t('invoicesAdmin.bankUpload')}
        </button>
      </form>
      <PanelNotices error={error} notice={notice} />
      {result && result.rows.length > 0 && (
        <ListTable
          caption={t('invoicesAdmin.bankCaption')}
          head={
            <>
              <th scope="col">{t('invoicesAdmin.line')}</th>
              <th scope="col">{t('invoicesAdmin.reference')}</th>
              <th scope="col">{t('invoicesAdmin.payer')}</th>
              <th scope="col">{t('invoicesAdmin.paidOn')}</th>
              <th scope="col" className="number">
                {t('invoicesAdmin.total')}
              </th>
              <th scope="col">{t('invoicesAdmin.outcomeHeading')}</th>
            </>
          }
        >
          {result.rows.map((r) => (
            <tr key={r.line}>
              <td>{r.line}</td>
              <td>{r.reference}</td>
              <td>{r.payer ?? ''}</td>
              <td>{r.paidOn}</td>
              <td className="number">{formatPrice({ amount: r.amount, currency: 'SEK' }, locale)}</td>
              <td>
                {t(`invoicesAdmin.outcome.${r.outcome}`)}
                {r.invoiceNumber !== null && ` · ${r.invoiceNumber}`}
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </section>
  );
}
