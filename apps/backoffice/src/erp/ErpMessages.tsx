// The latest messages to the ERP with their status and the number it answered; a failed one can be
// retried here (or on the dead-letter list under Integrations).
import { ERP_MESSAGE_STATUSES, type ErpMessage } from '@handla/api';
import { ErrorNotice, formatDateTime, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { ListTable } from '../pages/ListTable';
import { TableStatusRows } from '../pages/TableStatusRows';

const COLUMNS = 7;

export function ErpMessages({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const { locale } = useLocale();
  const [status, setStatus] = useState<ErpMessage['status'] | ''>('');
  const list = useLoader(
    useCallback(() => api.erp.messages({ status: status || undefined, limit: 50 }), [api, status]),
  );
  const [retryError, setRetryError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function retry(message: ErpMessage) {
    setBusyId(message.id);
    setRetryError(null);
    try {
      await api.erp.retry(message.id);
      list.reload();
      onChanged();
    } catch (e) {
      setRetryError(e);
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section className="stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('erpAdmin.messages')}</h2>
      <p className="muted">
        {t('erpAdmin.deadLetters')} <a href="#/integrations">{t('erpAdmin.toIntegrations')}</a>
      </p>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('erpAdmin.filterStatus')}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as ErpMessage['status'] | '')}
        >
          <option value="">{t('erpAdmin.anyStatus')}</option>
          {ERP_MESSAGE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`erpAdmin.msg.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {retryError !== null && <ErrorNotice error={retryError} />}
      <ListTable
        caption={t('erpAdmin.messagesCaption')}
        head={
          <>
            <th scope="col">{t('erpAdmin.col.what')}</th>
            <th scope="col">{t('erpAdmin.col.version')}</th>
            <th scope="col">{t('erpAdmin.col.created')}</th>
            <th scope="col">{t('erpAdmin.filterStatus')}</th>
            <th scope="col">{t('erpAdmin.col.erpNumber')}</th>
            <th scope="col">{t('erpAdmin.col.error')}</th>
            <th scope="col">{t('erpAdmin.col.actions')}</th>
          </>
        }
      >
        {list.data?.items.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              {t(`erpAdmin.kind.${m.entityKind}`)} <code>{m.entityId}</code>
            </th>
            <td>{m.version}</td>
            <td>{formatDateTime(m.createdAt, locale)}</td>
            <td>{t(`erpAdmin.msg.${m.status}`)}</td>
            <td>{m.erpNumber ?? '–'}</td>
            <td>{m.lastError ?? '–'}</td>
            <td>
              {m.status === 'failed' && (
                <button
                  type="button"
                  className="button button-quiet"
                  disabled={busyId === m.id}
                  aria-label={t('erpAdmin.retryLabel', { id: m.messageId })}
                  onClick={() => void retry(m)}
                >
                  {t('erpAdmin.retry')}
                </button>
              )}
            </td>
          </tr>
        ))}
        <TableStatusRows rows={list.data?.items} columns={COLUMNS} empty={t('erpAdmin.noMessages')} />
      </ListTable>
    </section>
  );
}
