// One invoice: buyer, numbers, lines, VAT per rate, what is paid and left, its payments, the PDF,
// and a form to register a payment by hand.
import { ErrorNotice, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { type FormEvent, type ReactNode, useCallback, useId, useState } from 'react';
import { PanelNotices } from '../accounting/PanelNotices';
import { ListTable } from '../pages/ListTable';
import { stateLabel } from './InvoicesArea';

/** "1 250,50" or "1250.5" kronor → öre; null when it is not a positive amount. */
export function parseKronor(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const ore = Math.round(Number(cleaned) * 100);
  return ore > 0 ? ore : null;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function InvoiceDetail({
  id,
  onClose,
  onChanged,
}: {
  id: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi().invoices;
  const htmlId = useId();
  const invoice = useLoader(useCallback(() => api.get(id), [api, id]));
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [paymentId, setPaymentId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const kr = (ore: number) => formatPrice({ amount: ore, currency: 'SEK' }, locale);

  async function register(event: FormEvent) {
    event.preventDefault();
    setNotice('');
    setError(null);
    const ore = parseKronor(amount);
    if (ore === null) return setError(new Error(t('invoicesAdmin.amountInvalid')));
    try {
      await api.registerPayment(id, {
        paymentId,
        amount: ore,
        paidOn,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setNotice(t('invoicesAdmin.registered'));
      setAmount('');
      setNote('');
      setPaymentId(crypto.randomUUID());
      invoice.reload();
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  const d = invoice.data;
  return (
    <section className="stack card" aria-labelledby={`${htmlId}-h`}>
      {invoice.error !== null && <ErrorNotice error={invoice.error} onRetry={invoice.reload} />}
      {d && (
        <>
          <div className="page-heading">
            <h3 id={`${htmlId}-h`}>{t('invoicesAdmin.detailHeading', { number: d.number })}</h3>
            <button type="button" onClick={onClose}>
              {t('invoicesAdmin.close')}
            </button>
          </div>
          <dl className="facts">
            <Fact label={t('invoicesAdmin.buyer')}>
              {d.buyer.name}
              {d.buyer.orgNumber ? ` (${d.buyer.orgNumber})` : ''}
            </Fact>
            <Fact label={t('invoicesAdmin.ocr')}>{d.ocr}</Fact>
            <Fact label={t('invoicesAdmin.issueDate')}>{d.issueDate}</Fact>
            <Fact label={t('invoicesAdmin.dueDate')}>
              {d.dueDate}
              {d.isOverdue && ` · ${t('invoicesAdmin.overdue')}`}
            </Fact>
            <Fact label={t('invoicesAdmin.stateHeading')}>{t(stateLabel(d.state))}</Fact>
          </dl>
          <p>
            <a href={api.pdfUrl(d.id)} target="_blank" rel="noreferrer">
              {t('invoicesAdmin.pdf')}
            </a>
          </p>
          <ListTable
            caption={t('invoicesAdmin.linesCaption')}
            head={
              <>
                <th scope="col">{t('invoicesAdmin.description')}</th>
                <th scope="col" className="number">
                  {t('invoicesAdmin.quantity')}
                </th>
                <th scope="col" className="number">
                  {t('invoicesAdmin.total')}
                </th>
              </>
            }
          >
            {d.lines.map((l, i) => (
              // Lines have no ids of their own; their position is stable on a stored invoice.
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed order
              <tr key={i}>
                <td>{l.description}</td>
                <td className="number">{l.quantity}</td>
                <td className="number">{kr(l.amountInclVat)}</td>
              </tr>
            ))}
          </ListTable>
          <dl className="facts">
            <Fact label={t('invoicesAdmin.total')}>{kr(d.totalInclVat)}</Fact>
            {d.vat.map((v) => (
              <Fact
                key={v.vatRateBp}
                label={t('invoicesAdmin.vatRow', { rate: v.vatRateBp / 100, gross: kr(v.grossAmount) })}
              >
                {kr(v.vatAmount)}
              </Fact>
            ))}
            {d.feesAmount > 0 && <Fact label={t('invoicesAdmin.fees')}>{kr(d.feesAmount)}</Fact>}
            <Fact label={t('invoicesAdmin.paid')}>{kr(d.paidAmount)}</Fact>
            {d.creditedAmount > 0 && <Fact label={t('invoicesAdmin.credited')}>{kr(d.creditedAmount)}</Fact>}
            <Fact label={t('invoicesAdmin.balance')}>
              <strong>{kr(d.balance)}</strong>
              {d.balance < 0 && ` · ${t('invoicesAdmin.overpaid', { amount: kr(-d.balance) })}`}
            </Fact>
          </dl>
          <ListTable
            caption={t('invoicesAdmin.paymentsCaption')}
            head={
              <>
                <th scope="col">{t('invoicesAdmin.paidOn')}</th>
                <th scope="col">{t('invoicesAdmin.method')}</th>
                <th scope="col">{t('invoicesAdmin.reference')}</th>
                <th scope="col" className="number">
                  {t('invoicesAdmin.total')}
                </th>
              </>
            }
          >
            {d.payments.length === 0 && (
              <tr>
                <td colSpan={4}>{t('invoicesAdmin.noPayments')}</td>
              </tr>
            )}
            {d.payments.map((p) => (
              <tr key={p.id}>
                <td>{p.paidOn}</td>
                <td>{t(`invoicesAdmin.method.${p.method}`)}</td>
                <td>{[p.reference, p.payer, p.note].filter(Boolean).join(' · ')}</td>
                <td className="number">{kr(p.amount)}</td>
              </tr>
            ))}
          </ListTable>
          <form className="stack" onSubmit={register} aria-labelledby={`${htmlId}-pay`}>
            <h4 id={`${htmlId}-pay`}>{t('invoicesAdmin.payHeading')}</h4>
            <div className="field">
              <label htmlFor={`${htmlId}-amount`}>{t('invoicesAdmin.amount')}</label>
              <input
                id={`${htmlId}-amount`}
                inputMode="decimal"
                required
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${htmlId}-date`}>{t('invoicesAdmin.paidOn')}</label>
              <input
                id={`${htmlId}-date`}
                type="date"
                required
                value={paidOn}
                onChange={(e) => setPaidOn(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${htmlId}-note`}>{t('invoicesAdmin.note')}</label>
              <input
                id={`${htmlId}-note`}
                maxLength={200}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
            <p>
              <button type="submit" className="button">
                {t('invoicesAdmin.register')}
              </button>
            </p>
            <PanelNotices error={error} notice={notice} />
          </form>
        </>
      )}
    </section>
  );
}
