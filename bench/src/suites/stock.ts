// Stock: atomic reservations under 32 concurrent clients (throughput, and that nothing is ever
// oversold), and "where is this SKU?" over 50 locations and 100,000 SKUs. Both run through the
// inventory services on a fresh database, so they measure the SQL the server runs.
import type { Database } from '@handla/db';
import { insertSwedishVat } from '@handla/db';
import { type AppContext, createContext } from '../../../apps/server/src/context';
import type { StockActor } from '../../../apps/server/src/modules/inventory/inventory.shared';
import { reserveStock } from '../../../apps/server/src/modules/inventory/reservations.service';
import { whereIsSku } from '../../../apps/server/src/modules/inventory/where.service';
import type { BenchResult } from '../results';
import type { BenchSuite } from './suite';

const CLIENTS = 32;
const RESERVE_SECONDS = 5;
const HOT_SKUS = 16;
const SKUS = 100_000;
const LOCATIONS = 50;
const LOOKUPS = 1_000;
const ACTOR: StockActor = { id: 'system', storeId: null, isStoreBound: false };

// Bench data goes straight into the tables with generate_series: the ledger rows that would explain
// the levels are left out, since neither benchmark reads them.
async function seedCatalog(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await insertSwedishVat(tx);
    await tx.query(`insert into companies (id, name, org_number, vat_number, country, currency)
                    values ('cmp_bench', 'Bench AB', '559999-9991', 'SE559999999101', 'SE', 'SEK')`);
    await tx.query(
      `insert into locations (id, company_id, code, name, kind)
       select 'loc_b' || lpad(i::text, 2, '0'), 'cmp_bench', 'B' || i, 'Lager ' || i,
              case when i <= 2 then 'warehouse' when i = 3 then 'third_party' else 'store' end
         from generate_series(1, $1::integer) i`,
      [LOCATIONS],
    );
    await tx.query(
      `insert into products (id, company_id, slug, name_sv, name_en, tax_class)
       select 'prd_b' || i, 'cmp_bench', 'bench-' || i, 'Produkt ' || i, 'Product ' || i, 'standard'
         from generate_series(1, $1::integer / 100) i`,
      [SKUS],
    );
    await tx.query(
      `insert into skus (id, product_id, sku)
       select 'sku_b' || lpad(i::text, 6, '0'), 'prd_b' || (1 + (i - 1) / 100), 'B-' || i
         from generate_series(1, $1::integer) i`,
      [SKUS],
    );
  });
}

// Each SKU is stocked in 10–50 consecutive locations starting at a SKU-dependent one.
async function seedSparseStock(db: Database): Promise<void> {
  for (let from = 1; from <= SKUS; from += 10_000) {
    await db.query(
      `insert into stock_levels (sku_id, location_id, on_hand, updated_at)
       select 'sku_b' || lpad(s.i::text, 6, '0'), 'loc_b' || lpad((((s.i + k) % $3::integer) + 1)::text, 2, '0'),
              1 + (s.i * 31 + k) % 40, now()
         from generate_series($1::integer, $2::integer) s(i), generate_series(0, $3::integer - 1) k
        where k < 10 + (s.i * 7919) % 41`,
      [from, Math.min(SKUS, from + 9_999), LOCATIONS],
    );
  }
}

// 32 clients reserve one unit at a time for `seconds`, round-robin over `skuIds` at loc_b01;
// returns how many calls were answered and how many were granted.
async function reserveConcurrently(
  ctx: AppContext,
  skuIds: readonly string[],
  label: string,
  seconds: number,
) {
  let calls = 0;
  let granted = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const n = calls++;
        try {
          await reserveStock(ctx, ACTOR, {
            reservationId: `${label}-${n}`,
            skuId: skuIds[n % skuIds.length]!,
            locationId: 'loc_b01',
            quantity: 1,
          });
          granted += 1;
        } catch (error) {
          if ((error as { code?: string }).code !== 'insufficient_stock') throw error;
        }
      }
    }),
  );
  return { calls, granted };
}

async function setStock(ctx: AppContext, skuIds: readonly string[], onHand: number) {
  await ctx.db.query(
    `insert into stock_levels (sku_id, location_id, on_hand, updated_at)
     select sku_id, 'loc_b01', $2, now() from unnest($1::text[]) as h(sku_id)
     on conflict (sku_id, location_id) do update set on_hand = excluded.on_hand, reserved = 0`,
    [skuIds, onHand],
  );
}

async function measureReservations(ctx: AppContext, db: BenchResult['db']): Promise<BenchResult[]> {
  // Throughput: plenty of stock on 16 SKUs, so nearly every call is granted.
  const hot = Array.from({ length: HOT_SKUS }, (_, i) => `sku_b${String(i * 50 + 1).padStart(6, '0')}`);
  await setStock(ctx, hot, 100_000);
  const startedAt = performance.now();
  const throughput = await reserveConcurrently(ctx, hot, 'bench', RESERVE_SECONDS);
  const seconds = (performance.now() - startedAt) / 1000;
  // The edge: 32 clients fight over the last 100 units of one SKU until well past running out.
  const last = ['sku_b099999'];
  await setStock(ctx, last, 100);
  const edge = await reserveConcurrently(ctx, last, 'edge', 2);
  const [check] = await ctx.db.query<{ excess: number }>(
    `select coalesce(sum(greatest(0, reserved - on_hand)), 0)::integer as excess
       from stock_levels where location_id = 'loc_b01'`,
  );
  // Oversold: held beyond on-hand anywhere, or more than 100 granted at the edge.
  const oversold = check!.excess + Math.max(0, edge.granted - 100);
  if (edge.calls <= 100) throw new Error(`reserve edge: only ${edge.calls} calls, the edge was not reached`);
  return [
    { name: 'stock.reserve.rps', value: throughput.calls / seconds, unit: 'calls/s', db },
    { name: 'stock.reserve.oversold', value: oversold, unit: 'units', db },
  ];
}

async function measureWhereIs(ctx: AppContext, db: BenchResult['db']): Promise<BenchResult[]> {
  const timings: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const skuId = `sku_b${String(1 + ((i * 7_919) % SKUS)).padStart(6, '0')}`;
    const startedAt = performance.now();
    const where = await whereIsSku(ctx, skuId);
    timings.push(performance.now() - startedAt);
    if (where.locations.length !== LOCATIONS)
      throw new Error(`where-is: ${where.locations.length} locations`);
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!;
  return [
    { name: 'stock.where.p50_ms', value: at(0.5), unit: 'ms', db },
    { name: 'stock.where.p99_ms', value: at(0.99), unit: 'ms', db },
  ];
}

export const stockSuite: BenchSuite = {
  figures: ['stock.reserve.rps', 'stock.reserve.oversold', 'stock.where.p50_ms', 'stock.where.p99_ms'],
  async run(target, wanted) {
    const database = await target.open({ poolSize: CLIENTS });
    const ctx = createContext(database);
    const results: BenchResult[] = [];
    try {
      const seedStart = performance.now();
      await seedCatalog(database);
      await seedSparseStock(database);
      await database.query('analyze');
      console.log(
        `  ${target.db}: ${SKUS} SKUs × ${LOCATIONS} locations seeded in ${Math.round(performance.now() - seedStart)} ms`,
      );
      if (wanted('stock.where')) results.push(...(await measureWhereIs(ctx, target.db)));
      if (wanted('stock.reserve')) results.push(...(await measureReservations(ctx, target.db)));
    } finally {
      await database.close();
      // pg-pool's end() resolves before its sockets have closed; dropping the database at once
      // would kill them mid-close and crash the run with an unhandled pool error.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return results.filter((r) => wanted(r.name));
  },
};
