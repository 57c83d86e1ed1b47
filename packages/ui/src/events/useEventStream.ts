// Follows GET /api/events with an EventSource. The server names each SSE message after the event
// type, and EventSource only delivers named messages to listeners for that exact name, so the
// types to follow must be listed.
import { type DomainEventDto, EVENT_TYPES } from '@handla/api';
import { useEffect, useState } from 'react';

/** The event types the server emits (from the API contract); pass your own list to follow fewer. */
export const KNOWN_EVENT_TYPES: readonly string[] = EVENT_TYPES;

/** Whether the stream is open; 'offline' while the browser retries. */
export type StreamStatus = 'connecting' | 'open' | 'offline';

// EventSource gives up for good on a non-200 answer (e.g. a proxy's 502 while the server restarts);
// reopen it ourselves, backing off so a lasting refusal does not become a request storm.
const FIRST_REOPEN_MS = 2_000;
const MAX_REOPEN_MS = 60_000;

/** Opens `url` (null = not at all) and keeps the latest `limit` events, newest first. */
export function useEventStream(
  url: string | null,
  { limit = 20, types = KNOWN_EVENT_TYPES }: { limit?: number; types?: readonly string[] } = {},
): { status: StreamStatus; events: DomainEventDto[] } {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [events, setEvents] = useState<DomainEventDto[]>([]);

  useEffect(() => {
    if (!url) return;
    let source: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenMs = FIRST_REOPEN_MS;

    const receive = (message: MessageEvent<string>) => {
      let event: DomainEventDto;
      try {
        event = JSON.parse(message.data) as DomainEventDto;
      } catch {
        return;
      }
      setEvents((previous) =>
        previous.some((e) => e.id === event.id) ? previous : [event, ...previous].slice(0, limit),
      );
    };

    const open = () => {
      setStatus('connecting');
      source = new EventSource(url, { withCredentials: true });
      source.addEventListener('open', () => {
        reopenMs = FIRST_REOPEN_MS;
        setStatus('open');
      });
      source.addEventListener('error', () => {
        setStatus('offline');
        if (source?.readyState === EventSource.CLOSED) {
          source = null;
          reopenTimer = setTimeout(open, reopenMs);
          reopenMs = Math.min(reopenMs * 2, MAX_REOPEN_MS);
        }
      });
      source.addEventListener('message', receive);
      for (const type of types) source.addEventListener(type, receive);
    };

    open();
    return () => {
      clearTimeout(reopenTimer);
      source?.close();
    };
  }, [url, limit, types]);

  return { status, events };
}
