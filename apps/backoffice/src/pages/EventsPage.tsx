import {
  ConnectionStatus,
  formatDateTime,
  useApi,
  useEventStream,
  useLoader,
  useLocale,
  useT,
} from '@handla/ui';
import { useCallback, useMemo } from 'react';
import { PageHeading } from './PageHeading';

/** The live event log, newest first. */
export function EventsPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const { status, events } = useEventStream(api.eventsUrl(), { limit: 100 });
  const stores = useLoader(useCallback(() => api.listStores(), [api]));
  const storeNames = useMemo(() => new Map(stores.data?.items.map((s) => [s.id, s.name])), [stores.data]);
  return (
    <>
      <PageHeading title={t('nav.events')}>
        <ConnectionStatus status={status} />
      </PageHeading>
      <div className="table-wrap">
        <table>
          <caption>{t('events.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('events.type')}</th>
              <th scope="col">{t('events.time')}</th>
              <th scope="col">{t('events.subject')}</th>
              <th scope="col">{t('events.store')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <th scope="row">
                  <code>{event.type}</code>
                </th>
                <td>
                  <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, locale)}</time>
                </td>
                <td>
                  <code>
                    {event.aggregateType} {event.aggregateId}
                  </code>
                </td>
                <td>
                  {event.storeId ? (storeNames.get(event.storeId) ?? event.storeId) : t('events.allStores')}
                </td>
              </tr>
            ))}
            {events.length === 0 && (
              <tr>
                <td colSpan={4}>{t('events.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
