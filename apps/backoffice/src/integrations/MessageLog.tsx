// The latest messages to and from the warehouses, newest first.
import type { ConnectorMessage } from '@handla/api';
import { formatDateTime, useLocale, useT } from '@handla/ui';
import { ListTable } from '../pages/ListTable';
import { TableStatusRows } from '../pages/TableStatusRows';
import { directionLabel, messageStatusLabel } from './labels';

export function MessageLog({ messages }: { messages: readonly ConnectorMessage[] | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <ListTable
      caption={t('integrationsAdmin.messagesCaption')}
      head={
        <>
          <th scope="col">{t('integrationsAdmin.createdAt')}</th>
          <th scope="col">{t('integrationsAdmin.direction')}</th>
          <th scope="col">{t('integrationsAdmin.messageType')}</th>
          <th scope="col">{t('integrationsAdmin.order')}</th>
          <th scope="col">{t('integrationsAdmin.sequence')}</th>
          <th scope="col">{t('integrationsAdmin.status')}</th>
          <th scope="col">{t('integrationsAdmin.attempts')}</th>
          <th scope="col">{t('integrationsAdmin.lastError')}</th>
        </>
      }
    >
      {messages?.map((m) => (
        <tr key={`${m.connectorId}:${m.direction}:${m.messageId}`}>
          <td>{formatDateTime(m.createdAt, locale)}</td>
          <td>{t(directionLabel(m.direction))}</td>
          <th scope="row">
            <code>{m.type}</code>
          </th>
          <td>{m.orderId ? <code>{m.orderId}</code> : '—'}</td>
          <td>{m.sequence ?? '—'}</td>
          <td>{t(messageStatusLabel(m.status))}</td>
          <td>{m.attempts}</td>
          <td>{m.lastError ?? ''}</td>
        </tr>
      ))}
      <TableStatusRows rows={messages} columns={8} empty={t('integrationsAdmin.noMessages')} />
    </ListTable>
  );
}
