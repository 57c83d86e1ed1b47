// The order's timeline: events, stock holds, payment calls and messages in time order, with an
// icon per kind (decoration; the kind is also written out for screen readers).
import { ErrorNotice, formatDateTime, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback } from 'react';
import { TIMELINE_KINDS } from './labels';

export function OrderTimelineList({ orderId }: { orderId: string }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const timeline = useLoader(useCallback(() => api.ordersAdmin.timeline(orderId), [api, orderId]));
  return (
    <section aria-labelledby="order-timeline">
      <h3 id="order-timeline">{t('ordersAdmin.timeline')}</h3>
      {timeline.error !== null && <ErrorNotice error={timeline.error} onRetry={timeline.reload} />}
      <ol className="orders-timeline">
        {timeline.data?.items.map((item, i) => {
          const kind = TIMELINE_KINDS[item.kind];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and never reorder
            <li key={i} className={`orders-timeline-${item.kind}`}>
              <span aria-hidden="true" className="orders-timeline-icon">
                {kind.icon}
              </span>
              <time dateTime={item.at}>{formatDateTime(item.at, locale)}</time>{' '}
              <span className="visually-hidden">{t(kind.label)}: </span>
              <code>{item.type}</code>
              {item.summary && <> – {item.summary}</>}
              {item.amount && <> · {formatPrice(item.amount, locale)}</>}
              {item.outcome && <> · {item.outcome}</>}
              {item.actor && <> · {t('ordersAdmin.by', { actor: item.actor })}</>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
