// The dead-letter list, open ones first: what failed, why (the field), and Retry / Dismiss. A
// dismissal asks for its reason in place; the outcome of a retry is announced.
import type { DeadLetter } from '@handla/api';
import { ErrorNotice, formatDateTime, useApi, useLocale, useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { ListTable } from '../pages/ListTable';
import { TableStatusRows } from '../pages/TableStatusRows';
import { letterKindLabel, letterStatusLabel } from './labels';

export function DeadLetterList({
  letters,
  onChanged,
}: {
  letters: readonly DeadLetter[] | undefined;
  onChanged: () => void;
}) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState<string | null>(null);

  async function run(id: string, work: () => Promise<DeadLetter>) {
    setBusy(id);
    setError(null);
    setNotice(null);
    try {
      const letter = await work();
      setNotice(
        letter.status === 'resolved'
          ? t('integrationsAdmin.retried')
          : letter.status === 'open'
            ? t('integrationsAdmin.stillFailing', { reason: letter.reason })
            : t(letterStatusLabel(letter.status)),
      );
      setDismissing(null);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <p role="status" aria-live="polite">
        {notice}
      </p>
      {error !== null && <ErrorNotice error={error} />}
      <ListTable
        caption={t('integrationsAdmin.deadLettersCaption')}
        head={
          <>
            <th scope="col">{t('integrationsAdmin.createdAt')}</th>
            <th scope="col">{t('integrationsAdmin.kind')}</th>
            <th scope="col">{t('integrationsAdmin.order')}</th>
            <th scope="col">{t('integrationsAdmin.field')}</th>
            <th scope="col">{t('integrationsAdmin.reason')}</th>
            <th scope="col">{t('integrationsAdmin.retries')}</th>
            <th scope="col">{t('integrationsAdmin.status')}</th>
            <th scope="col">{t('integrationsAdmin.actions')}</th>
          </>
        }
      >
        {letters?.map((l) => {
          const at = formatDateTime(l.createdAt, locale);
          const kind = letterKindLabel(l.kind);
          return (
            <tr key={l.id}>
              <td>{at}</td>
              <td>{kind ? t(kind) : <code>{l.kind}</code>}</td>
              <td>{l.orderId ? <code>{l.orderId}</code> : '—'}</td>
              <td>{l.field ? <code>{l.field}</code> : '—'}</td>
              <th scope="row">{l.dismissReason ? `${l.reason} — ${l.dismissReason}` : l.reason}</th>
              <td>{l.retries}</td>
              <td>{t(letterStatusLabel(l.status))}</td>
              <td>
                {l.status === 'open' &&
                  (dismissing === l.id ? (
                    <DismissForm
                      pending={busy === l.id}
                      onCancel={() => setDismissing(null)}
                      onDismiss={(reason) => run(l.id, () => api.connectors.dismissDeadLetter(l.id, reason))}
                    />
                  ) : (
                    <div className="button-row">
                      <button
                        type="button"
                        className="button"
                        disabled={busy === l.id}
                        aria-label={t('integrationsAdmin.retryLabel', { at })}
                        onClick={() => run(l.id, () => api.connectors.retryDeadLetter(l.id))}
                      >
                        {t('integrationsAdmin.retry')}
                      </button>
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-label={t('integrationsAdmin.dismissLabel', { at })}
                        onClick={() => setDismissing(l.id)}
                      >
                        {t('integrationsAdmin.dismiss')}
                      </button>
                    </div>
                  ))}
              </td>
            </tr>
          );
        })}
        <TableStatusRows rows={letters} columns={8} empty={t('integrationsAdmin.noDeadLetters')} />
      </ListTable>
    </>
  );
}

function DismissForm({
  pending,
  onCancel,
  onDismiss,
}: {
  pending: boolean;
  onCancel: () => void;
  onDismiss: (reason: string) => void;
}) {
  const t = useT();
  const id = useId();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim()) onDismiss(reason.trim());
  };
  return (
    <form className="stack" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('integrationsAdmin.dismissReason')}</label>
        <input
          id={`${id}-reason`}
          required
          maxLength={500}
          // biome-ignore lint/a11y/noAutofocus: the field the Dismiss button just opened
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {t('integrationsAdmin.dismissConfirm')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('integrationsAdmin.cancel')}
        </button>
      </div>
    </form>
  );
}
