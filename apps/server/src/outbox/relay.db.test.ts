import type { DomainEventDto } from '@handla/api';
import { createTestDatabase, type Database } from '@handla/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitEvent } from './emit';
import { type OutboxRelay, startOutboxRelay } from './relay';

let db: Database;
let relay: OutboxRelay;
beforeAll(async () => {
  db = await createTestDatabase();
  relay = await startOutboxRelay(db, (error) => {
    throw error;
  });
});
afterAll(async () => {
  await relay.stop();
  await db.close();
});

const event = (n: number) => ({
  type: 'api_key.created' as const,
  aggregateType: 'test',
  aggregateId: `t${n}`,
  data: { n },
});

function collect(count: number): Promise<DomainEventDto[]> {
  const seen: DomainEventDto[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`got ${seen.length} of ${count} events`)), 5000);
    const stop = relay.subscribe((e) => {
      seen.push(e);
      if (seen.length === count) {
        clearTimeout(timer);
        stop();
        resolve(seen);
      }
    });
  });
}

describe('outbox relay', () => {
  it('delivers committed events once, in id order, and never a rolled-back one', async () => {
    const received = collect(20);
    await db
      .transaction(async (tx) => {
        await emitEvent(tx, event(-1), new Date());
        throw new Error('roll back');
      })
      .catch(() => {});
    // Concurrent writers: the order lock makes ids visible in commit order.
    await Promise.all(
      Array.from({ length: 20 }, (_, n) => db.transaction((tx) => emitEvent(tx, event(n), new Date()))),
    );
    const events = await received;
    const ids = events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(20);
    expect(events.map((e) => e.data.n)).not.toContain(-1);
  });
});
