// 3PL sync: 10,000 messages from the simulated 3PL (its own process) into Handla (in this process,
// on a real port) while the 3PL misbehaves — sends some twice, holds some back so they arrive after
// their order's next one, gives up on some POSTs before the answer and sends them again, and is down
// for a while. The mix: 500 paid home deliveries of two SKUs, the second short at first, so each
// order reports received, picking, shipped (one SKU) and shipped (the other) — 2,000 messages, 1,000
// shipments with a capture and a PDF label each — and 8,000 routine stock snapshots of five other
// SKUs that match Handla's count (no movement may come of them). Shipments are the costly part
// (capture, label, mail): 10,000 messages of orders alone would take the bench most of an hour on
// a busy machine. Timed from letting the 3PL's messages go until Handla has applied every one.
// Lost = messages not applied; duplicated = shipments or captures beyond one per shipped message
// (both must be 0).
import type { Database } from '@handla/db';
import { seedDemoData } from '@handla/db';
import { buildApp } from '../../../apps/server/src/app';
import { loadConfig } from '../../../apps/server/src/config';
import { createContext } from '../../../apps/server/src/context';
import { hashPassword } from '../../../apps/server/src/modules/auth/password';
import {
  placeWmsOrder,
  setUpWms,
  type WmsSetup,
} from '../../../apps/server/src/modules/connectors/connectors.testing';
import { signInOver } from '../../../apps/server/src/testing/http-driver';
import { auditSync } from '../../../apps/sim-3pl/src/audit';
import { type Sim3plProcess, simArgs, spawnSim3pl } from '../../../apps/sim-3pl/src/process';
import type { SentRecord } from '../../../apps/sim-3pl/src/sender';
import type { BenchResult } from '../results';
import type { BenchSuite } from './suite';

const ORDERS = 500;
const SNAPSHOTS = 8_000;
const MESSAGES = ORDERS * 4 + SNAPSHOTS;
/** Two SKUs for the orders, five counted in the snapshots. */
const SKUS = 7;
const CHECKOUT_CLIENTS = 8;
// Handla → 3PL while the orders go out (untimed): some 503s, retried by Handla after ~5 s.
const SETUP_FAULTS = { serverError: 0.05 };
// 3PL → Handla while timed.
const SYNC_FAULTS = { serverError: 0, duplicate: 0.1, reorder: 0.1, abandon: 0.05 };
const DOWN_MS = 2_000;
const WAIT_LIMIT_MS = 20 * 60_000;
const FIGURES = ['wms.sync.msgs_per_s', 'wms.sync.lost', 'wms.sync.duplicated'] as const;

interface SimStats {
  sent: { pending: number; repeats: number; reordered: number; abandoned: number };
  received: { taken: Record<string, number> };
  orders: Record<string, number>;
}

async function waitFor(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + WAIT_LIMIT_MS;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`wms.sync: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Places the orders through the checkout, a few at a time. */
async function placeOrders(baseUrl: string, setup: WmsSetup): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CHECKOUT_CLIENTS }, async () => {
      while (next < ORDERS) {
        next++;
        await placeWmsOrder(baseUrl, setup, [1, 1]);
      }
    }),
  );
}

async function appliedCount(db: Database, connectorId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from connector_messages
      where connector_id = $1 and direction = 'in' and status = 'applied'`,
    [connectorId],
  );
  return row!.n;
}

/** Lets the 3PL's messages go and times until Handla has applied all of them. */
async function measureSync(db: Database, sim: Sim3plProcess, setup: WmsSetup) {
  const stats = () => sim.control<SimStats>('GET', '/_control/stats');
  const [a, b, ...counted] = setup.skus;
  await sim.control('PUT', '/_control/faults', SYNC_FAULTS);
  const startedAt = performance.now();
  await sim.control('PUT', '/_control/sending', { isHeld: false });
  await sim.control('POST', '/_control/work');
  await sim.control('POST', '/_control/snapshot', { skus: counted.map((x) => x.sku), times: SNAPSHOTS });
  await sim.control('POST', '/_control/down', { ms: DOWN_MS });
  await waitFor(
    'every order to wait for its second SKU',
    async () => (await stats()).orders.waiting === ORDERS,
  );
  await sim.control('PUT', '/_control/stock', { items: { [a!.sku]: 0, [b!.sku]: ORDERS } });
  await waitFor('Handla to apply every message', async () => {
    const s = await stats();
    const n = await appliedCount(db, setup.connector.id);
    return s.sent.pending === 0 && n >= MESSAGES;
  });
  const seconds = (performance.now() - startedAt) / 1000;
  const records = (await sim.control<{ items: SentRecord[] }>('GET', '/_control/messages')).items;
  const audit = await auditSync(db, setup.connector.id, records);
  const s = await stats();
  console.log(
    `wms.sync: ${records.length} messages in ${seconds.toFixed(1)} s; 3PL sent ${s.sent.repeats} twice, ` +
      `reordered ${s.sent.reordered}, abandoned ${s.sent.abandoned} POSTs, was down ${DOWN_MS} ms; ` +
      `out of order: ${audit.outOfOrder.length}, dead-lettered: ${audit.deadLettered.length}`,
  );
  if (records.length !== MESSAGES) throw new Error(`wms.sync: the 3PL made ${records.length} messages`);
  if (audit.outOfOrder.length > 0) throw new Error(`wms.sync: applied out of order: ${audit.outOfOrder}`);
  const [moved] = await db.query<{ n: number }>(
    `select count(*)::int as n from stock_movements where reason = '3PL count' and sku_id = any($1)`,
    [counted.map((x) => x.id)],
  );
  if (moved!.n > 0) throw new Error(`wms.sync: ${moved!.n} movements from counts that matched`);
  const notApplied = MESSAGES - (await appliedCount(db, setup.connector.id));
  return {
    perSecond: MESSAGES / seconds,
    lost: Math.max(audit.lost.length, notApplied) + audit.deadLettered.length,
    duplicated: audit.duplicated,
  };
}

export const wmsSyncSuite: BenchSuite = {
  figures: FIGURES,
  async run(target, wanted) {
    if (!FIGURES.some((f) => wanted(f))) return [];
    const database = await target.open({ poolSize: 20 });
    const ctx = createContext(database);
    await seedDemoData(database, { hashPassword, now: ctx.clock(), newId: ctx.newId });
    const app = await buildApp(
      ctx,
      { ...loadConfig({}), logLevel: 'silent', runJobs: true },
      { logger: false, serveWebApps: false },
    );
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const sim = await spawnSim3pl(
      simArgs({
        seed: 10,
        faults: SETUP_FAULTS,
        autoWork: 'false',
        workDelayMs: 0,
        batchSize: 10,
        concurrency: 4,
        // Handla applies a batch's messages one after the other: give it time rather than resend.
        sendTimeoutMs: 60_000,
      }),
    );
    try {
      await sim.control('PUT', '/_control/sending', { isHeld: true });
      const manager = await signInOver(baseUrl, 'manager');
      const setup = await setUpWms(manager, { baseUrl: sim.url, skuCount: SKUS, units: ORDERS + 100 });
      await sim.control('POST', '/_control/connect', {
        handlaUrl: baseUrl,
        connectorId: setup.connector.id,
        secret: setup.connector.secret,
      });
      // The 3PL counts what Handla holds of the snapshot SKUs; of the order SKUs, A for every order, B none yet.
      const levels = await database.query<{ skuId: string; onHand: number }>(
        `select sku_id as "skuId", on_hand as "onHand" from stock_levels where location_id = $1`,
        [setup.locationId],
      );
      const onHand = new Map(levels.map((l) => [l.skuId, l.onHand]));
      const [a, b, ...counted] = setup.skus;
      await sim.control('PUT', '/_control/stock', {
        items: {
          [a!.sku]: ORDERS,
          [b!.sku]: 0,
          ...Object.fromEntries(counted.map((x) => [x.sku, onHand.get(x.id) ?? 0])),
        },
      });
      await placeOrders(baseUrl, setup);
      await waitFor('the 3PL to have every order', async () => {
        const s = await sim.control<SimStats>('GET', '/_control/stats');
        return s.received.taken['order.created'] === ORDERS;
      });
      const measured = await measureSync(database, sim, setup);
      const db: BenchResult['db'] = target.db;
      const results: BenchResult[] = [
        { name: 'wms.sync.msgs_per_s', value: measured.perSecond, unit: 'messages/s', db },
        { name: 'wms.sync.lost', value: measured.lost, unit: 'messages', db },
        { name: 'wms.sync.duplicated', value: measured.duplicated, unit: 'messages', db },
      ];
      return results.filter((r) => wanted(r.name));
    } catch (error) {
      console.error(`wms.sync: the 3PL's stderr:\n${sim.errors()}`);
      throw error;
    } finally {
      await sim.stop();
      await app.close();
      await database.close();
      // pg-pool's end() resolves before its sockets have closed (see the stock suite).
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  },
};
