// Webhooks: deliveries per second from the outbox to a local receiver (node:http), with the
// server's own timers and outbox wake-ups doing the work, and how many events were lost (must be
// 0) after the receiver refused connections for a while and came back. Events go straight into
// the outbox (as a service would write them), spread over many resources so that per-resource
// ordering does not serialize everything.

import { buildApp } from '../../../apps/server/src/app';
import { loadConfig } from '../../../apps/server/src/config';
import { type AppContext, createContext } from '../../../apps/server/src/context';
import {
  startTestReceiver,
  type TestReceiver,
} from '../../../apps/server/src/modules/webhooks/webhooks.fixture';
import { createWebhook, deleteWebhook } from '../../../apps/server/src/modules/webhooks/webhooks.service';
import { emitEvents, type NewEvent } from '../../../apps/server/src/outbox/emit';
import type { BenchResult } from '../results';
import type { BenchSuite } from './suite';

const EVENTS = 2_000;
const RESOURCES = 500;
const OUTAGE_EVENTS = 500;
const OUTAGE_MS = 5_000;
const WAIT_LIMIT_MS = 120_000;

function stockEvents(count: number, tag: string): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'stock.changed',
    aggregateType: 'stock_level',
    aggregateId: `sku_${tag}${i % RESOURCES}:loc_bench`,
    data: {
      skuId: `sku_${tag}${i % RESOURCES}`,
      locationId: 'loc_bench',
      onHand: i,
      reserved: 0,
      available: i,
    },
  }));
}

const uniqueIds = (receiver: TestReceiver) =>
  new Set(receiver.received.filter((r) => r.status < 300).map((r) => r.headers['webhook-id'])).size;

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = performance.now() + WAIT_LIMIT_MS;
  while (!condition() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function subscribe(ctx: AppContext, receiver: TestReceiver) {
  return createWebhook(ctx, { url: receiver.url, eventTypes: ['stock.*'], description: 'bench' });
}

async function measureThroughput(ctx: AppContext, receiver: TestReceiver): Promise<number> {
  const subscription = await subscribe(ctx, receiver);
  const startedAt = performance.now();
  await ctx.db.transaction((tx) => emitEvents(tx, stockEvents(EVENTS, 't'), ctx.clock()));
  await waitFor(() => uniqueIds(receiver) >= EVENTS);
  const seconds = (performance.now() - startedAt) / 1000;
  if (uniqueIds(receiver) < EVENTS) throw new Error(`only ${uniqueIds(receiver)} of ${EVENTS} delivered`);
  await deleteWebhook(ctx, subscription.id);
  return EVENTS / seconds;
}

// The receiver refuses connections while events keep coming, then comes back; the clock jumps past
// the back-off so the retries are due. Lost = events never received under any webhook-id.
async function measureLost(ctx: AppContext, receiver: TestReceiver, skipAhead: (ms: number) => void) {
  receiver.received.length = 0;
  await subscribe(ctx, receiver);
  await receiver.down();
  const chunks = 5;
  for (let i = 0; i < chunks; i++) {
    await ctx.db.transaction((tx) =>
      emitEvents(tx, stockEvents(OUTAGE_EVENTS / chunks, `o${i}_`), ctx.clock()),
    );
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / chunks));
  }
  await receiver.up();
  skipAhead(24 * 60 * 60_000);
  await waitFor(() => uniqueIds(receiver) >= OUTAGE_EVENTS);
  return OUTAGE_EVENTS - uniqueIds(receiver);
}

export const webhooksSuite: BenchSuite = {
  figures: ['webhooks.delivered_per_s', 'webhooks.lost'],
  async run(target, wanted) {
    const database = await target.open({ poolSize: 20 });
    const ctx = createContext(database);
    let offsetMs = 0;
    ctx.clock = () => new Date(Date.now() + offsetMs);
    const app = await buildApp(
      ctx,
      { ...loadConfig({}), logLevel: 'silent', runJobs: true },
      { logger: false, serveWebApps: false },
    );
    const receiver = await startTestReceiver();
    try {
      const db: BenchResult['db'] = target.db;
      const results: BenchResult[] = [];
      if (wanted('webhooks.delivered_per_s')) {
        const value = await measureThroughput(ctx, receiver);
        results.push({ name: 'webhooks.delivered_per_s', value, unit: 'deliveries/s', db });
      }
      if (wanted('webhooks.lost')) {
        const lost = await measureLost(ctx, receiver, (ms) => {
          offsetMs += ms;
        });
        results.push({ name: 'webhooks.lost', value: lost, unit: 'events', db });
      }
      return results;
    } finally {
      await app.close();
      await receiver.close();
      await database.close();
      // pg-pool's end() resolves before its sockets have closed (see the stock suite).
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  },
};
