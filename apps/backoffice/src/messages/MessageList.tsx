// The messages, newest first, filtered by channel and status, a page at a time.
import type { MessageChannel, MessageStatus, MessageSummary } from '@handla/api';
import { ErrorNotice, formatDateTime, useApi, useLocale, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { ListTable } from '../pages/ListTable';
import { TableStatusRows } from '../pages/TableStatusRows';
import { Pager } from '../stock/shared/Pager';
import { useCursorPages } from '../stock/shared/useCursorPages';
import { CHANNELS, channelLabel, STATUSES, statusLabel, templateLabel } from './labels';

const PAGE_SIZE = 50;

export function MessageList() {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [channel, setChannel] = useState<MessageChannel | ''>('');
  const [status, setStatus] = useState<MessageStatus | ''>('');
  const { page, paging } = useCursorPages(
    useCallback(
      (cursor: string | undefined) =>
        api.messages.list({
          channel: channel || undefined,
          status: status || undefined,
          limit: PAGE_SIZE,
          cursor,
        }),
      [api, channel, status],
    ),
  );
  const caption = t('messagesAdmin.caption');
  return (
    <>
      <div className="messages-filters">
        <div className="field">
          <label htmlFor={`${id}-channel`}>{t('messagesAdmin.channel')}</label>
          <select
            id={`${id}-channel`}
            value={channel}
            onChange={(e) => setChannel(e.target.value as MessageChannel | '')}
          >
            <option value="">{t('messagesAdmin.anyChannel')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(channelLabel(c))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('messagesAdmin.status')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => setStatus(e.target.value as MessageStatus | '')}
          >
            <option value="">{t('messagesAdmin.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusLabel(s))}
              </option>
            ))}
          </select>
        </div>
      </div>
      {page.error !== null && <ErrorNotice error={page.error} onRetry={page.reload} />}
      <MessageTable messages={page.data?.items} caption={caption} />
      <Pager paging={paging} label={caption} />
    </>
  );
}

function MessageTable({ messages, caption }: { messages: MessageSummary[] | undefined; caption: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <ListTable
      caption={caption}
      head={
        <>
          <th scope="col">{t('messagesAdmin.col.created')}</th>
          <th scope="col">{t('messagesAdmin.channel')}</th>
          <th scope="col">{t('messagesAdmin.col.to')}</th>
          <th scope="col">{t('messagesAdmin.col.template')}</th>
          <th scope="col">{t('messagesAdmin.col.order')}</th>
          <th scope="col">{t('messagesAdmin.status')}</th>
          <th scope="col">{t('messagesAdmin.col.subject')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('messagesAdmin.open')}</span>
          </th>
        </>
      }
    >
      {messages?.map((m) => (
        <tr key={m.id}>
          <td>{formatDateTime(m.createdAt, locale)}</td>
          <td>{t(channelLabel(m.channel))}</td>
          <td>{m.to}</td>
          <td>{t(templateLabel(m.template))}</td>
          <td>{m.orderNumber ?? '–'}</td>
          <td>
            <span className={`message-status message-status-${m.status}`}>{t(statusLabel(m.status))}</span>
          </td>
          <td>{m.subject ?? ''}</td>
          <td>
            <a
              className="button button-quiet"
              href={`#/messages/${encodeURIComponent(m.id)}`}
              aria-label={t('messagesAdmin.openLabel', { to: m.to })}
            >
              {t('messagesAdmin.open')}
            </a>
          </td>
        </tr>
      ))}
      <TableStatusRows rows={messages} columns={8} empty={t('messagesAdmin.none')} />
    </ListTable>
  );
}
