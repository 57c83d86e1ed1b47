import type { DomainEventDto } from '@handla/api';
import { formatTime } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { StreamStatus } from './useEventStream';

const STATUS_KEYS = {
  connecting: 'events.connecting',
  open: 'events.connected',
  offline: 'events.offline',
} as const;

/** "Ansluten" / "Frånkopplad" with a coloured dot; a status region, so changes are announced. */
export function ConnectionStatus({ status }: { status: StreamStatus }) {
  const t = useT();
  return (
    <p className={`connection connection-${status}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('events.connection')}: </span>
      {t(STATUS_KEYS[status])}
    </p>
  );
}

/** The received events, newest first: type and time of each. */
export function EventList({ events }: { events: readonly DomainEventDto[] }) {
  const t = useT();
  const { locale } = useLocale();
  if (events.length === 0) return <p className="muted">{t('events.none')}</p>;
  return (
    <ol className="event-list">
      {events.map((event) => (
        <li key={event.id}>
          <code>{event.type}</code>
          <time dateTime={event.occurredAt}>{formatTime(event.occurredAt, locale)}</time>
        </li>
      ))}
    </ol>
  );
}
