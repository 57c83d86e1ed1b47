// Checkout: completed web checkouts per second with 32 concurrent clients over real HTTP (the app
// listening on a local port, test card, pickup in Stockholm), and two edges measured the same way:
// a hot SKU with little stock (oversold units must be 0) and a slot with few places left
// (over-booked orders must be 0). Runs on a fresh demo database.
import { addLocalDays, toWallClock } from '@handla/core';
import { seedDemoData } from '@handla/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../apps/server/src/app';
import { loadConfig } from '../../../apps/server/src/config';
import { type AppContext, createContext } from '../../../apps/server/src/context';
import { resolvePrices } from '../../../apps/server/src/modules/pricing/pricing.resolve.service';
import type { BenchResult } from '../results';
import type { BenchSuite } from './suite';

const CLIENTS = 32;
const SECONDS = 10;
const HOT_SKUS = 8;
const EDGE_STOCK = 5;
const EDGE_SLOT_PLACES = 3;
const EDGE_ATTEMPTS = 96;
// The test provider approves any token of this shape (see payments/test-provider/cards.ts).
const CARD_TOKEN = 'tok_test_approve_0123456789ABCDEF';

interface Shop {
  baseUrl: string;
  storeId: string;
  locationId: string;
  skus: { id: string; price: number }[];
  /** Tomorrow's slot starts, for the throughput run. */
  slots: string[];
  /** The day after's, untouched by it, for the edges. */
  edgeSlots: string[];
}

async function prepareShop(app: FastifyInstance, ctx: AppContext): Promise<Shop> {
  const db = ctx.db;
  const [store] = await db.query<{ id: string }>(`select id from stores where code = 'STHLM'`);
  const [location] = await db.query<{ id: string }>(`select id from locations where code = 'STHLM-BUTIK'`);
  const storeId = store!.id;
  // Open every day around the clock, no capacity limit: the throughput run measures checkout, not refusals.
  await db.query(
    `update pickup_settings set enabled = true, lead_time_minutes = 0, slot_minutes = 15, capacity_orders = null,
       capacity_items = null, exceptions = '[]',
       weekly_hours = (select jsonb_agg(jsonb_build_object('weekday', d, 'opens', '00:00', 'closes', '23:45'))
                         from generate_series(1, 7) d)
     where store_id = $1`,
    [storeId],
  );
  const rows = await db.query<{ id: string }>(
    `select s.id from skus s join products p on p.id = s.product_id
      where s.status = 'active' and p.status = 'active' and not p.is_bundle order by s.sku limit $1`,
    [HOT_SKUS + 2],
  );
  const prices = await resolvePrices(ctx, { skuIds: rows.map((r) => r.id), at: ctx.clock() });
  const skus = prices.map((p) => ({ id: p.skuId, price: p.unitPriceInclVat.amount }));
  await db.query(
    `insert into stock_levels (sku_id, location_id, on_hand, updated_at)
     select sku_id, $2, 1000000, now() from unnest($1::text[]) as h(sku_id)
     on conflict (sku_id, location_id) do update set on_hand = excluded.on_hand`,
    [skus.map((s) => s.id), location!.id],
  );
  const today = toWallClock(ctx.clock(), 'Europe/Stockholm').date;
  const slotsOn = async (days: number) => {
    const url = `/api/stores/${storeId}/pickup-slots?date=${addLocalDays(today, days)}`;
    return ((await app.inject({ url })).json() as { slots: { startsAt: string }[] }).slots.map(
      (s) => s.startsAt,
    );
  };
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl: address,
    storeId,
    locationId: location!.id,
    skus,
    slots: await slotsOn(1),
    edgeSlots: await slotsOn(2),
  };
}

let sequence = 0;
async function postCheckout(shop: Shop, sku: { id: string; price: number }, slot: string): Promise<number> {
  const response = await fetch(`${shop.baseUrl}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      checkoutId: `bench_${process.pid}_${++sequence}`,
      customer: { name: 'Bänk Kund', email: `kund${sequence % 1000}@example.se` },
      lines: [{ skuId: sku.id, quantity: 1, unitPrice: sku.price }],
      fulfilment: { kind: 'pickup', storeId: shop.storeId, slot },
      payment: { method: 'card', cardToken: CARD_TOKEN },
    }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function measureThroughput(shop: Shop): Promise<number> {
  let placed = 0;
  let n = 0;
  const startedAt = performance.now();
  const deadline = startedAt + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const i = n++;
        const status = await postCheckout(shop, shop.skus[i % HOT_SKUS]!, shop.slots[i % shop.slots.length]!);
        if (status !== 201) throw new Error(`checkout answered ${status}`);
        placed++;
      }
    }),
  );
  return placed / ((performance.now() - startedAt) / 1000);
}

// 32 clients send `EDGE_ATTEMPTS` checkouts between them; returns how many were placed.
async function race(shop: Shop, sku: { id: string; price: number }, slot: string): Promise<number> {
  let n = 0;
  let placed = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (n < EDGE_ATTEMPTS) {
        n++;
        const status = await postCheckout(shop, sku, slot);
        if (status === 201) placed++;
        else if (status !== 409) throw new Error(`edge checkout answered ${status}`);
      }
    }),
  );
  return placed;
}

async function measureEdges(shop: Shop, ctx: AppContext) {
  const db = ctx.db;
  // A hot SKU with EDGE_STOCK units and room in the slot.
  const hot = shop.skus[HOT_SKUS]!;
  await db.query(
    'update stock_levels set on_hand = $3, reserved = 0 where sku_id = $1 and location_id = $2',
    [hot.id, shop.locationId, EDGE_STOCK],
  );
  const sold = await race(shop, hot, shop.edgeSlots.at(-1)!);
  const [level] = await db.query<{ onHand: number; reserved: number }>(
    'select on_hand as "onHand", reserved from stock_levels where sku_id = $1 and location_id = $2',
    [hot.id, shop.locationId],
  );
  const oversold = Math.max(0, level!.reserved - level!.onHand) + Math.max(0, sold - EDGE_STOCK);
  if (sold < EDGE_STOCK) throw new Error(`stock edge: only ${sold} of ${EDGE_STOCK} units sold`);

  // A slot with EDGE_SLOT_PLACES places left and plenty of stock.
  await db.query('update pickup_settings set capacity_orders = $2 where store_id = $1', [
    shop.storeId,
    EDGE_SLOT_PLACES,
  ]);
  const slot = shop.edgeSlots.at(-2)!;
  const booked = await race(shop, shop.skus[HOT_SKUS + 1]!, slot);
  const [load] = await db.query<{ orders: number }>(
    'select orders from pickup_slot_load where store_id = $1 and starts_at = $2',
    [shop.storeId, new Date(slot)],
  );
  const overbooked =
    Math.max(0, (load?.orders ?? 0) - EDGE_SLOT_PLACES) + Math.max(0, booked - EDGE_SLOT_PLACES);
  if (booked < EDGE_SLOT_PLACES)
    throw new Error(`slot edge: only ${booked} of ${EDGE_SLOT_PLACES} places booked`);
  return { oversold, overbooked };
}

export const checkoutSuite: BenchSuite = {
  figures: ['checkout.rps', 'checkout.oversold', 'checkout.overbooked'],
  async run(target, wanted) {
    const database = await target.open({ poolSize: CLIENTS + 4 });
    const ctx = createContext(database);
    const app = await buildApp(
      ctx,
      { ...loadConfig({}), logLevel: 'silent', runJobs: false },
      { logger: false, serveWebApps: false },
    );
    try {
      await seedDemoData(database, {
        hashPassword: async (p) => `bench$${p}`,
        now: ctx.clock(),
        newId: ctx.newId,
      });
      const shop = await prepareShop(app, ctx);
      const db: BenchResult['db'] = target.db;
      const results: BenchResult[] = [];
      if (wanted('checkout.rps')) {
        results.push({ name: 'checkout.rps', value: await measureThroughput(shop), unit: 'checkouts/s', db });
      }
      if (wanted('checkout.oversold') || wanted('checkout.overbooked')) {
        const edges = await measureEdges(shop, ctx);
        results.push({ name: 'checkout.oversold', value: edges.oversold, unit: 'units', db });
        results.push({ name: 'checkout.overbooked', value: edges.overbooked, unit: 'orders', db });
      }
      return results.filter((r) => wanted(r.name));
    } finally {
      await app.close();
      await database.close();
      // pg-pool's end() resolves before its sockets have closed (see the stock suite).
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  },
};
