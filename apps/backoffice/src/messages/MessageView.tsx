// One message as the shopper gets it: mail in a sandboxed frame (inline images swapped in from
// their data URLs, since `cid:` means nothing to a browser) or as plain text; SMS as its text.
import type { MessageDetail } from '@handla/api';
import { ErrorNotice, formatDateTime, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { channelLabel, statusLabel, templateLabel } from './labels';

/** The mail's HTML with each `cid:` reference replaced by its image's data URL. */
function previewHtml(message: MessageDetail): string {
  let html = message.html ?? '';
  for (const image of message.inlineImages) html = html.replaceAll(`cid:${image.cid}`, image.dataUrl);
  return html;
}

export function MessageView({ id }: { id: string }) {
  const t = useT();
  const api = useApi();
  const message = useLoader(useCallback(() => api.messages.get(id), [api, id]));
  return (
    <>
      <p>
        <a href="#/messages">{t('messagesAdmin.back')}</a>
      </p>
      {message.error !== null && <ErrorNotice error={message.error} onRetry={message.reload} />}
      {message.loading && !message.data && <p>{t('common.loading')}</p>}
      {message.data && <MessageContent message={message.data} />}
    </>
  );
}

function MessageContent({ message: m }: { message: MessageDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const [tab, setTab] = useState<'html' | 'text'>('html');
  const heading = m.subject ?? t(templateLabel(m.template));
  return (
    <article className="message-view" aria-label={heading}>
      <h3>{heading}</h3>
      <dl className="facts">
        <Fact term={t('messagesAdmin.channel')} value={t(channelLabel(m.channel))} />
        <Fact term={t('messagesAdmin.col.to')} value={m.to} />
        <Fact term={t('messagesAdmin.col.template')} value={t(templateLabel(m.template))} />
        <Fact term={t('messagesAdmin.col.order')} value={m.orderNumber ?? '–'} />
        <Fact term={t('messagesAdmin.status')} value={t(statusLabel(m.status))} />
        <Fact term={t('messagesAdmin.sendAfter')} value={formatDateTime(m.sendAfter, locale)} />
        {m.sentAt && <Fact term={t('messagesAdmin.sentAt')} value={formatDateTime(m.sentAt, locale)} />}
        <Fact term={t('messagesAdmin.attempts')} value={String(m.attempts)} />
        {m.lastError && <Fact term={t('messagesAdmin.lastError')} value={m.lastError} />}
        {m.providerMessageId && <Fact term={t('messagesAdmin.providerId')} value={m.providerMessageId} />}
      </dl>
      {m.isPreview && <p className="notice notice-warning">{t('messagesAdmin.preview')}</p>}
      {m.channel === 'sms' || m.html === null ? (
        <figure className="message-sms">
          <figcaption>{t('messagesAdmin.smsText')}</figcaption>
          <p>{m.text}</p>
        </figure>
      ) : (
        <>
          <div className="message-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'html'} onClick={() => setTab('html')}>
              {t('messagesAdmin.tab.html')}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'text'} onClick={() => setTab('text')}>
              {t('messagesAdmin.tab.text')}
            </button>
          </div>
          {tab === 'html' ? (
            // An empty sandbox: the mail's HTML may show, but not run scripts or reach the app.
            <iframe
              className="message-frame"
              title={t('messagesAdmin.htmlFrame')}
              sandbox=""
              srcDoc={previewHtml(m)}
            />
          ) : (
            <pre className="message-text">{m.text}</pre>
          )}
        </>
      )}
    </article>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
