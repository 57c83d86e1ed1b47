// Back office #/invoices: unpaid and overdue invoices with sums, one invoice with its payments,
// PDF and a payment form, and the import of Bankgirot's BgMax file.
import type { InvoiceListQuery, InvoiceState } from '@handla/api';
import { ErrorNotice, formatPrice, useApi, useDebouncedValue, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { ListTable } from '../pages/ListTable';
import { PageHeading } from '../pages/PageHeading';
import { BankFilePanel } from './BankFilePanel';
import { InvoiceDetail } from './InvoiceDetail';

const STATUSES: InvoiceListQuery['status'][] = ['unpaid', 'overdue', 'paid', 'credited', 'all'];
export const stateLabel = (s: InvoiceState) => `invoicesAdmin.state.${s}` as const;

export function InvoicesArea() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi().invoices;
  const id = useId();
  const [status, setStatus] = useState<InvoiceListQuery['status']>('unpaid');
  const [q, setQ] = useState('');
  const search = useDebouncedValue(q.trim(), 300);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useLoader(
    useCallback(() => api.list({ status, ...(search ? { q: search } : {}) }), [api, status, search]),
  );
  const kr = (amount: number) => formatPrice({ amount, currency: 'SEK' }, locale);
  const sums = list.data?.sums;

  return (
    <div className="stack">
      <PageHeading title={t('nav.invoices')} />
      <p className="muted">{t('invoicesAdmin.intro')}</p>
      <fieldset className="inline-form">
        <legend>{t('invoicesAdmin.filterLabel')}</legend>
        {STATUSES.map((s) => (
          <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {t(`invoicesAdmin.status.${s}`)}
          </button>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('invoicesAdmin.search')}</label>
        <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {sums && (
        <p role="status" aria-live="polite">
          {t('invoicesAdmin.sums', {
            count: sums.count,
            total: kr(sums.totalInclVat),
            balance: kr(sums.balance),
            overdue: kr(sums.overdueBalance),
          })}
        </p>
      )}
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      <ListTable
        caption={t('invoicesAdmin.caption')}
        head={
          <>
            <th scope="col">{t('invoicesAdmin.number')}</th>
            <th scope="col">{t('invoicesAdmin.buyer')}</th>
            <th scope="col">{t('invoicesAdmin.issueDate')}</th>
            <th scope="col">{t('invoicesAdmin.dueDate')}</th>
            <th scope="col" className="number">
              {t('invoicesAdmin.total')}
            </th>
            <th scope="col" className="number">
              {t('invoicesAdmin.balance')}
            </th>
            <th scope="col">{t('invoicesAdmin.stateHeading')}</th>
          </>
        }
      >
        {list.data?.items.length === 0 && (
          <tr>
            <td colSpan={7}>{t('invoicesAdmin.empty')}</td>
          </tr>
        )}
        {list.data?.items.map((i) => (
          <tr key={i.id}>
            <td>
              <button
                type="button"
                aria-label={t('invoicesAdmin.open', { number: i.number })}
                aria-expanded={openId === i.id}
                onClick={() => setOpenId(openId === i.id ? null : i.id)}
              >
                {i.number}
              </button>
            </td>
            <td>{i.buyerName}</td>
            <td>{i.issueDate}</td>
            <td>{i.dueDate}</td>
            <td className="number">{kr(i.totalInclVat)}</td>
            <td className="number">{kr(i.balance)}</td>
            <td>
              {t(stateLabel(i.state))}
              {i.isOverdue && <strong> · {t('invoicesAdmin.overdue')}</strong>}
              {i.balance < 0 && <> · {t('invoicesAdmin.overpaid', { amount: kr(-i.balance) })}</>}
              {i.isOverCreditLimit && <> · {t('invoicesAdmin.overLimit')}</>}
              {i.reminderCount > 0 && <> · {t('invoicesAdmin.reminders', { count: i.reminderCount })}</>}
            </td>
          </tr>
        ))}
      </ListTable>
      {openId && (
        <InvoiceDetail key={openId} id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
      )}
      <BankFilePanel onImported={list.reload} />
    </div>
  );
}
