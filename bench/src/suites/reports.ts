// Sales by hour over a year: 1,000,000 register receipts (two lines each) across 10 stores,
// generated with SQL. The lines go in through the same `receipt_lines` insert the register makes,
// so the `sales_hourly` rollup is filled by its trigger as in production; the figure is the p99
// of the sales-by-hour report for the whole year, all stores and one store.
import { seedDemoData } from '@handla/db';
import { type AppContext, createContext } from '../../../apps/server/src/context';
import { resolveScope, salesReport } from '../../../apps/server/src/modules/reports/sales-reports.service';
import { addBenchStoresAndRegisters } from './bench-stores';
import type { BenchSuite } from './suite';

const STORES = 10;
const RECEIPTS = 1_000_000;
const YEAR = { from: '2025-12-01', to: '2026-11-30', days: 365 };
const RUNS = 40;

async function insertYearOfSales(ctx: AppContext): Promise<void> {
  const db = ctx.db;
  const registers = await addBenchStoresAndRegisters(db, {
    stores: STORES,
    key: 'rep',
    storeName: 'Rapportbutik',
  });
  const skus = await db.query<{ id: string; sku: string }>(`select id, sku from skus order by sku limit 2`);
  await db.query(
    `insert into sku_purchase_prices (sku_id, unit_cost_excl_vat, updated_at) values ($1, 3000, now())
     on conflict (sku_id) do update set unit_cost_excl_vat = excluded.unit_cost_excl_vat`,
    [skus[0]!.id],
  );
  const perRegister = Math.ceil(RECEIPTS / registers.length);
  const chunk = 50_000;
  for (const registerId of registers) {
    for (let first = 1; first <= perRegister; first += chunk) {
      const last = Math.min(perRegister, first + chunk - 1);
      await db.query(
        `insert into register_journal (register_id, sequence, kind, at, payload, previous_hash, hash, signature,
           device_id, recorded_at)
         select $1, n, 'receipt', '', '{}'::jsonb, '', '', '', 'dev_' || $1, now()
           from generate_series($2::integer, $3::integer) n`,
        [registerId, first, last],
      );
      // Spread over the year's days, 08:00–20:00 UTC; every 50th a return, every 100th training.
      await db.query(
        `insert into receipts (id, register_id, store_id, number, kind, is_training, cashier_id, currency,
           total_incl_vat, vat_amount, rounding, control_code, control_unit_serial, computed, journal_sequence,
           command_id, occurred_at, created_at)
         select 'rct_' || $1 || '_' || n, $1, (select store_id from registers where id = $1), n,
                case when n % 50 = 0 then 'return' else 'sale' end, n % 100 = 1,
                (select id from staff_users where role = 'owner' limit 1), 'SEK', 0, 0, 0, 'cc', 'serial', '{}'::jsonb,
                n, 'cmd_' || $1 || '_' || n, at, at
           from (select n, $4::date + ((n - 1)::bigint * $6::integer / $5::integer) * interval '1 day'
                          + interval '8 hours' + (n * 7 % 720) * interval '1 minute' as at
                   from generate_series($2::integer, $3::integer) n) g`,
        [registerId, first, last, YEAR.from, perRegister, YEAR.days],
      );
      await db.query(
        `insert into receipt_lines (receipt_id, line_no, sku_id, sku_code, name, quantity, unit_price_incl_vat,
           total_incl_vat, vat_rate_bp)
         select 'rct_' || $1 || '_' || n, k, case k when 1 then $4 else $5 end, 'SKU', 'Vara',
                case when n % 50 = 0 then -1 else 1 end, 10000 + k * 2500,
                case when n % 50 = 0 then -1 else 1 end * (10000 + k * 2500), case k when 1 then 2500 else 1200 end
           from generate_series($2::integer, $3::integer) n, generate_series(1, 2) k`,
        [registerId, first, last, skus[0]!.id, skus[1]!.id],
      );
    }
  }
  await db.query('analyze');
}

export const reportsSuite: BenchSuite = {
  figures: ['reports.sales_by_hour.p99_ms'],
  async run(target, wanted) {
    if (!wanted('reports.sales_by_hour.p99_ms')) return [];
    const db = await target.open();
    try {
      const ctx = createContext(db);
      await seedDemoData(db, { hashPassword: async (p) => `bench$${p}`, now: new Date(), newId: ctx.newId });
      const generating = performance.now();
      await insertYearOfSales(ctx);
      console.log(
        `reports: ${RECEIPTS} receipts generated in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
      );
      const [store] = await db.query<{ id: string }>(`select id from stores where code = 'REP1'`);
      const input = { from: YEAR.from, to: YEAR.to, groupBy: 'hour' as const };
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const scope = await resolveScope(ctx, null, i % 2 === 0 ? input : { ...input, storeId: store!.id });
        const report = await salesReport(ctx, scope, input);
        times.push(performance.now() - started);
        // The figure only counts if the report is right: every non-training receipt, once.
        const expected =
          i % 2 === 0 ? RECEIPTS - RECEIPTS / 100 : RECEIPTS / STORES - RECEIPTS / STORES / 100;
        const counted = report.total.receipts + report.total.returns;
        if (counted !== expected)
          throw new Error(`expected ${expected} receipts, the report counted ${counted}`);
      }
      times.sort((a, b) => a - b);
      const p99 = times[Math.min(times.length - 1, Math.floor(0.99 * times.length))]!;
      console.log(`reports.sales_by_hour.p99_ms: ${p99.toFixed(1)} ms over a year (${target.db})`);
      return [{ name: 'reports.sales_by_hour.p99_ms', value: p99, unit: 'ms', db: target.db }];
    } finally {
      await db.close();
    }
  },
};
