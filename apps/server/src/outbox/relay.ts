// One relay per process: woken by NOTIFY from any process on the same database (and by a slow
// poll as a safety net), it reads new outbox rows in id order and hands them to subscribers.
import type { DomainEventDto } from '@handla/api';
import type { Database } from '@handla/db';
import { OUTBOX_CHANNEL } from './emit';
import { latestEventId, readEventsAfter } from './outbox.store';

/** Receives each new event once, in id order. */
export type EventSubscriber = (event: DomainEventDto) => void;

const BATCH = 500;
const POLL_MS = 2000;

/** The running relay: subscribe to new events; stop on shutdown. */
export interface OutboxRelay {
  subscribe(subscriber: EventSubscriber): () => void;
  stop(): Promise<void>;
}

/** Starts relaying events committed after this moment. */
export async function startOutboxRelay(
  db: Database,
  onError: (error: unknown) => void,
): Promise<OutboxRelay> {
  const subscribers = new Set<EventSubscriber>();
  let lastId = await latestEventId(db);
  let running: Promise<void> | null = null;
  let again = false;

  async function drain() {
    for (;;) {
      const events = await readEventsAfter(db, lastId, BATCH);
      for (const event of events) {
        lastId = Number(event.id);
        for (const subscriber of subscribers) subscriber(event);
      }
      if (events.length < BATCH) return;
    }
  }
  // Coalesces wake-ups: at most one drain runs, and one more follows if woken meanwhile.
  function wake() {
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch(onError)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          wake();
        }
      });
  }

  const unlisten = await db.listen(OUTBOX_CHANNEL, wake);
  const poll = setInterval(wake, POLL_MS);
  poll.unref();
  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    async stop() {
      clearInterval(poll);
      subscribers.clear();
      await unlisten();
      await running;
    },
  };
}
