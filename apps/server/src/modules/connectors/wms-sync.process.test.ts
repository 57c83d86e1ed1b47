// Handla and the simulated 3PL as two processes over real HTTP, the 3PL misbehaving on purpose
// (503s, late and missing answers, repeats, reordered messages, POSTs it gives up on before the
// answer, a downtime): paid home deliveries go out, come back shipped — some in two shipments, the
// stock being short — and nothing is lost, nothing applied twice, each order's messages applied in
// order. Bad messages (an unknown order, an unknown SKU) are the only dead letters. Runs on PGlite,
// and on PostgreSQL with DATABASE_URL.
import type { Connector, DeadLetter, Order } from '@handla/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchServer, startBenchServer } from '../../../../../bench/src/server-process';
import { type BenchTarget, freshTarget } from '../../../../../bench/src/target';
import { auditSync } from '../../../../sim-3pl/src/audit';
import { type Sim3plProcess, simArgs, spawnSim3pl } from '../../../../sim-3pl/src/process';
import type { SentRecord } from '../../../../sim-3pl/src/sender';
import type { SimOrder } from '../../../../sim-3pl/src/warehouse';
import { callAs, type StaffSession, signInOver } from '../../testing/http-driver';
import { placeWmsOrder, setUpWms, type WmsSetup } from './connectors.testing';

const ORDERS = 8;
// Handla gives up on an answer after 10 s (CONNECTOR_TIMEOUT_MS) and retries after 5 s: a slow or
// missing answer costs about 15 s, so the rates stay low enough for the test to end in time.
const FAULTS = {
  serverError: 0.2,
  slowAnswer: 0.1,
  noAnswer: 0.1,
  duplicate: 0.3,
  reorder: 0.3,
  abandon: 0.1,
};

let target: BenchTarget;
let server: BenchServer;
let sim: Sim3plProcess;
let manager: StaffSession;
let setup: WmsSetup;

beforeAll(async () => {
  target = await freshTarget(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  server = await startBenchServer(target.env);
  sim = await spawnSim3pl(simArgs({ seed: 8, faults: FAULTS, workDelayMs: 30, slowAnswerMs: 11_000 }));
  manager = await signInOver(server.baseUrl, 'manager');
  setup = await setUpWms(manager, { baseUrl: sim.url, skuCount: 3, units: 100 });
  await sim.control('POST', '/_control/connect', {
    handlaUrl: server.baseUrl,
    connectorId: setup.connector.id,
    secret: setup.connector.secret,
  });
}, 120_000);
afterAll(async () => {
  await sim?.stop();
  await server?.stop();
  await target?.drop();
});

const simStats = () =>
  sim.control<{
    isDown: boolean;
    sent: { pending: number; repeats: number; reordered: number; failedPosts: number };
    received: {
      duplicatesReceived: number;
      faults: { serverError: number; slowAnswer: number; noAnswer: number };
    };
  }>('GET', '/_control/stats');
const simOrders = async () => (await sim.control<{ items: SimOrder[] }>('GET', '/_control/orders')).items;
const simRecords = async () =>
  (await sim.control<{ items: SentRecord[] }>('GET', '/_control/messages')).items;
const orderOf = (id: string) => callAs<Order>(manager, 'GET', `/api/orders/${id}`);

async function waitFor(what: string, condition: () => Promise<boolean>, ms = 150_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('3PL sync between two processes, the 3PL misbehaving', () => {
  it('ships and captures every order once, applies each message once and in order', async () => {
    const [a, b, c] = setup.skus;
    // The 3PL holds what Handla thinks it holds of A and B; of C enough for half of the orders:
    // the rest ship C in a second parcel.
    const levelsAtStart = await levelsAt3pl();
    await sim.control('PUT', '/_control/stock', {
      items: {
        [a!.sku]: levelsAtStart.get(a!.id)!,
        [b!.sku]: levelsAtStart.get(b!.id)!,
        [c!.sku]: ORDERS / 2,
      },
    });
    const orders: Order[] = [];
    for (let i = 0; i < ORDERS; i++) {
      orders.push((await placeWmsOrder(server.baseUrl, setup, [1, 2, 1])).order);
      if (i === ORDERS / 2) await sim.control('POST', '/_control/down', { ms: 3000 });
    }
    await waitFor('the 3PL to get every order and ship what it can', async () => {
      const got = await simOrders();
      return got.length === ORDERS && got.every((o) => o.status === 'shipped' || o.status === 'waiting');
    });
    expect((await simOrders()).filter((o) => o.status === 'waiting')).toHaveLength(ORDERS / 2);
    await sim.control('PUT', '/_control/stock', { items: { [c!.sku]: 100 } });

    await waitFor('Handla to see every order shipped', async () => {
      const statuses = await Promise.all(orders.map(async (o) => (await orderOf(o.id)).status));
      return statuses.every((s) => s === 'shipped') && (await simStats()).sent.pending === 0;
    });

    // Messages Handla must refuse: an order it does not know, and a SKU it does not know.
    const at = new Date().toISOString();
    await sim.control('POST', '/_control/send', {
      messages: [
        {
          messageId: `bad_order_${Date.now()}`,
          type: 'order.shipped',
          orderId: 'ord_nobody_knows',
          sequence: 1,
          occurredAt: at,
          trackingNumber: 'CA000000000SE',
          lines: [{ sku: a!.sku, quantity: 1 }],
        },
        {
          messageId: `bad_sku_${Date.now()}`,
          type: 'stock.snapshot',
          occurredAt: at,
          items: [{ sku: 'NO-SUCH-SKU', quantity: 3 }],
        },
      ],
    });
    // Counted stock differing from ours: A counted 10 short; B as we have it.
    const levelsBefore = await levelsAt3pl();
    const simStock = (await sim.control<{ items: Record<string, number> }>('GET', '/_control/stock')).items;
    await sim.control('PUT', '/_control/stock', { items: { [a!.sku]: levelsBefore.get(a!.id)! - 10 } });
    await sim.control('POST', '/_control/snapshot');
    // The same count again, once the first is answered (no further movement). Two different
    // snapshots applied at the same moment on PostgreSQL each book the difference: see docs/sim-3pl.md.
    await waitFor('the first count to be taken', async () => (await simStats()).sent.pending === 0);
    await sim.control('POST', '/_control/snapshot');
    await waitFor('the 3PL to settle', async () => (await simStats()).sent.pending === 0);
    // Handla's own sends that got no answer in time are retried: wait until it has none left.
    await waitFor('Handla to have sent everything', async () => {
      const { items } = await callAs<{ items: Connector[] }>(manager, 'GET', '/api/connectors');
      return items.find((x) => x.id === setup.connector.id)!.pending === 0;
    });

    const stats = await simStats();
    expect(stats.sent.repeats, 'the 3PL sent some messages twice').toBeGreaterThan(0);
    expect(stats.sent.reordered, 'the 3PL reordered some messages').toBeGreaterThan(0);
    expect(stats.received.faults.serverError, '503s to Handla').toBeGreaterThan(0);
    expect(stats.received.faults.slowAnswer + stats.received.faults.noAnswer, 'late answers').toBeGreaterThan(
      0,
    );
    // Handla sent again what it had no answer for; the 3PL took each order once.
    expect(stats.received.duplicatesReceived).toBeGreaterThan(0);
    console.info('wms-sync process test, the 3PL:', JSON.stringify(stats));

    const letters = (
      await callAs<{ items: DeadLetter[] }>(manager, 'GET', '/api/connectors/dead-letters?status=open')
    ).items;
    expect(letters.map((l) => [l.field, l.orderId]).sort()).toEqual([
      ['items[0].sku', null],
      ['orderId', 'ord_nobody_knows'],
    ]);

    // Counted: A became what the 3PL counted; C (sim: 100 − the 4 shipped later) too; B unchanged.
    const levelsAfter = await levelsAt3pl();
    expect(levelsAfter.get(a!.id)).toBe(levelsBefore.get(a!.id)! - 10);
    expect(levelsAfter.get(b!.id)).toBe(levelsBefore.get(b!.id));
    expect(levelsAfter.get(c!.id)).toBe(simStock[c!.sku]);

    const records = await simRecords();
    await server.stop(); // PGlite belongs to one process: read the database once the server is gone
    const db = await target.open();
    try {
      const audit = await auditSync(db, setup.connector.id, records);
      expect(audit.lost).toEqual([]);
      expect(audit.duplicated).toBe(0);
      expect(audit.outOfOrder).toEqual([]);
      expect(audit.deadLettered).toHaveLength(2);
      // Every message the 3PL sent a second time was answered "duplicate".
      expect(records.filter((r) => r.repeats > 0).every((r) => r.outcomes.includes('duplicate'))).toBe(true);

      for (const order of orders) {
        const [payment] = await db.query<{ authorized: number; captured: number; total: number }>(
          `select p.authorized::int, p.captured::int, o.total_incl_vat as total
             from payments p join orders o on o.id = p.order_id where o.id = $1`,
          [order.id],
        );
        expect(payment!.captured).toBe(payment!.total);
        const captures = await db.query<{ amount: number; key: string }>(
          `select po.amount::int, po.idempotency_key as key from payment_operations po
             join payments p on p.id = po.payment_id
            where p.order_id = $1 and po.kind = 'capture' and po.outcome = 'succeeded'`,
          [order.id],
        );
        const shipments = await db.query<{ amount: number }>(
          `select amount from shipments where order_id = $1 and status = 'done' order by number`,
          [order.id],
        );
        expect(captures.map((x) => x.amount).sort()).toEqual(shipments.map((s) => s.amount).sort());
        expect(shipments.length === 1 || shipments.length === 2).toBe(true);
      }
      const split = await db.query<{ n: number }>(
        `select count(*)::int as n from (select order_id from shipments where order_id = any($1)
           group by order_id having count(*) = 2) twice`,
        [orders.map((o) => o.id)],
      );
      expect(split[0]!.n).toBe(ORDERS / 2);

      const counted = await db.query<{ skuId: string; quantity: number }>(
        `select sku_id as "skuId", quantity from stock_movements
          where location_id = $1 and reason = '3PL count' order by occurred_at`,
        [setup.locationId],
      );
      expect(counted.map((m) => m.skuId).sort()).toEqual([a!.id, c!.id].sort());
      expect(counted.find((m) => m.skuId === a!.id)!.quantity).toBe(-10);
    } finally {
      await db.close();
    }
  }, 300_000);
});

/** On hand per SKU id at the 3PL's location, from the stock API. */
async function levelsAt3pl(): Promise<Map<string, number>> {
  const levels = new Map<string, number>();
  for (const sku of setup.skus) {
    const body = await callAs<{ items: { locationId: string; onHand: number }[] }>(
      manager,
      'GET',
      `/api/stock/levels?skuId=${sku.id}`,
    );
    levels.set(sku.id, body.items.find((l) => l.locationId === setup.locationId)?.onHand ?? 0);
  }
  return levels;
}
