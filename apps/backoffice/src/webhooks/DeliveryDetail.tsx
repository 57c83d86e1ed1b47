// One delivery: its webhook-id, every attempt with the receiver's answer, the payload, and
// "Redeliver" (queued again now with the same webhook-id).
import type { WebhookDeliveryDetail } from '@handla/api';
import { ErrorNotice, formatDateTime, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useState } from 'react';

export function DeliveryDetail({
  deliveryId,
  onRedelivered,
}: {
  deliveryId: string;
  onRedelivered: () => void;
}) {
  const t = useT();
  const api = useApi();
  const detail = useLoader(useCallback(() => api.webhooks.delivery(deliveryId), [api, deliveryId]));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isQueued, setQueued] = useState(false);

  async function redeliver() {
    setPending(true);
    setError(null);
    try {
      await api.webhooks.redeliver(deliveryId);
      setQueued(true);
      detail.reload();
      onRedelivered();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="stack webhook-delivery">
      {detail.error !== null && <ErrorNotice error={detail.error} onRetry={detail.reload} />}
      {detail.data && <DeliveryFacts delivery={detail.data} />}
      {error !== null && <ErrorNotice error={error} />}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={pending}
          onClick={() => void redeliver()}
        >
          {pending ? t('webhooksAdmin.redelivering') : t('webhooksAdmin.redeliver')}
        </button>
      </div>
      <p role="status" className={isQueued ? 'notice' : 'visually-hidden'}>
        {isQueued ? t('webhooksAdmin.redelivered') : ''}
      </p>
    </div>
  );
}

function DeliveryFacts({ delivery: d }: { delivery: WebhookDeliveryDetail }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <dl className="facts">
        <div className="fact">
          <dt>{t('webhooksAdmin.messageId')}</dt>
          <dd>
            <code>{d.messageId}</code>
          </dd>
        </div>
      </dl>
      <table>
        <caption>{t('webhooksAdmin.attempts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('webhooksAdmin.attempt.at')}</th>
            <th scope="col">{t('webhooksAdmin.attempt.status')}</th>
            <th scope="col">{t('webhooksAdmin.attempt.error')}</th>
            <th scope="col">{t('webhooksAdmin.attempt.duration')}</th>
            <th scope="col">{t('webhooksAdmin.attempt.response')}</th>
          </tr>
        </thead>
        <tbody>
          {d.attemptLog.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: attempts are append-only, numbered in order
            <tr key={i}>
              <td>{formatDateTime(a.at, locale)}</td>
              <td>{a.statusCode ?? '–'}</td>
              <td>{a.error ?? ''}</td>
              <td>{a.durationMs}</td>
              <td>
                <code className="webhook-response">{a.responseBody ?? ''}</code>
              </td>
            </tr>
          ))}
          {d.attemptLog.length === 0 && (
            <tr>
              <td colSpan={5}>{t('webhooksAdmin.noAttempts')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <figure>
        <figcaption>{t('webhooksAdmin.payload')}</figcaption>
        <pre className="webhook-payload">{JSON.stringify(d.payload, null, 2)}</pre>
      </figure>
    </>
  );
}
