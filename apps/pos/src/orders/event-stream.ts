// The register's live event stream: Server-Sent Events read over fetch, because EventSource cannot
// send the device token. After a lost connection it reconnects with Last-Event-ID, backing off, so
// the server replays every event missed; an event seen before (same id) is never delivered twice.
import type { DomainEventDto } from '@handla/api';
import { createParser } from 'eventsource-parser';

/** Where the stream stands: connecting, open, waiting to reconnect, paused (offline) or stopped. */
export type EventStreamStatus = 'connecting' | 'open' | 'reconnecting' | 'paused' | 'stopped';

export interface EventStreamOptions {
  url: string;
  /** Sent on every (re)connect, e.g. the device's Authorization header. */
  headers: Record<string, string>;
  onEvent: (event: DomainEventDto) => void;
  onStatus?: (status: EventStreamStatus) => void;
  /** Resume after this event id (a stream reopened after a reload). */
  lastEventId?: string | null;
  /** The first wait before reconnecting; doubled per failed attempt up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  fetch?: typeof fetch;
  /** Timers, injectable so tests can run reconnects without waiting. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface EventStream {
  /** Opens the stream (again, after `pause`), resuming after the last event id seen; a no-op while open. */
  start(): void;
  /** Closes the connection and waits, e.g. while the browser is offline; `start` resumes. */
  pause(): void;
  /** Closes for good. */
  stop(): void;
  lastEventId(): string | null;
}

// Ids remembered for de-duplication: far more than one replay can repeat.
const SEEN_LIMIT = 2_000;

export function createEventStream(options: EventStreamOptions): EventStream {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  let firstDelayMs = options.firstDelayMs ?? 1_000;

  let lastId: string | null = options.lastEventId ?? null;
  const seen = new Set<string>();
  let failures = 0;
  // Each connection attempt gets a generation; a pause or stop makes older ones inert.
  let generation = 0;
  let controller: AbortController | null = null;
  let timer: unknown = null;
  let status: EventStreamStatus | null = null;

  const setStatus = (next: EventStreamStatus) => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  };

  function remember(id: string) {
    seen.add(id);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value as string);
  }

  function deliver(id: string | undefined, data: string) {
    if (id !== undefined && id !== '') {
      if (seen.has(id)) return;
      remember(id);
      lastId = id;
    }
    let event: DomainEventDto;
    try {
      event = JSON.parse(data) as DomainEventDto;
    } catch {
      return;
    }
    options.onEvent(event);
  }

  function scheduleReconnect(current: number) {
    if (current !== generation) return;
    controller = null;
    setStatus('reconnecting');
    // The server's `retry:` is a floor even above our ceiling.
    const delay = Math.min(firstDelayMs * 2 ** failures, Math.max(maxDelayMs, firstDelayMs));
    failures += 1;
    timer = setTimer(() => {
      timer = null;
      if (current === generation) void connect();
    }, delay);
  }

  async function connect() {
    const current = ++generation;
    controller = new AbortController();
    setStatus('connecting');
    const headers: Record<string, string> = { ...options.headers, accept: 'text/event-stream' };
    if (lastId !== null) headers['last-event-id'] = lastId;
    try {
      const response = await doFetch(options.url, {
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      if (current !== generation) return;
      failures = 0;
      setStatus('open');
      const parser = createParser({
        onEvent: (message) => deliver(message.id, message.data),
        onRetry: (ms) => {
          firstDelayMs = ms;
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (current !== generation) return;
        if (done) break;
        parser.feed(value);
      }
    } catch {
      // A refused or dropped connection: the back-off below decides when to try again.
    }
    scheduleReconnect(current);
  }

  function close() {
    generation += 1;
    controller?.abort();
    controller = null;
    if (timer !== null) clearTimer(timer);
    timer = null;
  }

  return {
    start() {
      // Already connected or connecting: nothing to do (a reconnect waiting on its back-off does start now).
      if (status === 'stopped' || status === 'open' || status === 'connecting') return;
      close();
      failures = 0;
      void connect();
    },
    pause() {
      if (status === 'stopped') return;
      close();
      setStatus('paused');
    },
    stop() {
      close();
      setStatus('stopped');
    },
    lastEventId: () => lastId,
  };
}
