// A subscription's deliveries, newest event first, filtered by status, a page at a time; each
// row opens its attempts, payload and a redeliver button.
import type { WebhookDelivery } from '@handla/api';
import { ErrorNotice, formatDateTime, useApi, useLocale, useT } from '@handla/ui';
import { Fragment, useCallback, useId, useState } from 'react';
import { ListTable } from '../pages/ListTable';
import { TableStatusRows } from '../pages/TableStatusRows';
import { Pager } from '../stock/shared/Pager';
import { useCursorPages } from '../stock/shared/useCursorPages';
import { DeliveryDetail } from './DeliveryDetail';
import { DELIVERY_STATUSES, deliveryStatusLabel } from './labels';

const PAGE_SIZE = 50;
const COLUMNS = 7;

export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [status, setStatus] = useState<WebhookDelivery['status'] | ''>('');
  const { page, paging } = useCursorPages(
    useCallback(
      (cursor: string | undefined) =>
        api.webhooks.deliveries(webhookId, { status: status || undefined, limit: PAGE_SIZE, cursor }),
      [api, webhookId, status],
    ),
  );
  const caption = t('webhooksAdmin.logCaption');
  return (
    <section className="stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('webhooksAdmin.log')}</h3>
      <div className="field webhook-log-filter">
        <label htmlFor={`${id}-status`}>{t('webhooksAdmin.status')}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as WebhookDelivery['status'] | '')}
        >
          <option value="">{t('webhooksAdmin.anyStatus')}</option>
          {DELIVERY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(deliveryStatusLabel(s))}
            </option>
          ))}
        </select>
      </div>
      {page.error !== null && <ErrorNotice error={page.error} onRetry={page.reload} />}
      <DeliveryTable deliveries={page.data?.items} caption={caption} onChanged={page.reload} />
      <Pager paging={paging} label={caption} />
    </section>
  );
}

function DeliveryTable({
  deliveries,
  caption,
  onChanged,
}: {
  deliveries: WebhookDelivery[] | undefined;
  caption: string;
  onChanged: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <ListTable
      caption={caption}
      head={
        <>
          <th scope="col">{t('webhooksAdmin.col.event')}</th>
          <th scope="col">{t('webhooksAdmin.col.created')}</th>
          <th scope="col">{t('webhooksAdmin.status')}</th>
          <th scope="col">{t('webhooksAdmin.col.attempts')}</th>
          <th scope="col">{t('webhooksAdmin.col.last')}</th>
          <th scope="col">{t('webhooksAdmin.col.next')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('webhooksAdmin.details')}</span>
          </th>
        </>
      }
    >
      {deliveries?.map((d) => (
        <Fragment key={d.id}>
          <tr>
            <th scope="row">
              <code>{d.eventType}</code>
            </th>
            <td>{formatDateTime(d.createdAt, locale)}</td>
            <td>
              <span className={`webhook-status webhook-status-${d.status}`}>
                {t(deliveryStatusLabel(d.status))}
              </span>
            </td>
            <td>{d.attempts}</td>
            <td>{d.lastStatusCode ?? d.lastError ?? '–'}</td>
            <td>{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt, locale) : '–'}</td>
            <td>
              <button
                type="button"
                className="button button-quiet"
                aria-expanded={openId === d.id}
                aria-controls={`delivery-${d.id}`}
                aria-label={t('webhooksAdmin.detailsLabel', { id: d.messageId })}
                onClick={() => setOpenId(openId === d.id ? null : d.id)}
              >
                {openId === d.id ? t('webhooksAdmin.hideDetails') : t('webhooksAdmin.details')}
              </button>
            </td>
          </tr>
          {openId === d.id && (
            <tr id={`delivery-${d.id}`}>
              <td colSpan={COLUMNS}>
                <DeliveryDetail deliveryId={d.id} onRedelivered={onChanged} />
              </td>
            </tr>
          )}
        </Fragment>
      ))}
      <TableStatusRows rows={deliveries} columns={COLUMNS} empty={t('webhooksAdmin.noDeliveries')} />
    </ListTable>
  );
}
