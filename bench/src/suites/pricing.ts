// Pricing: resolving the price and VAT of a SKU (what every register scan and shop page asks),
// one at a time, from concurrent clients and as a 20-line basket; and bulk-setting a list's prices.
// Runs through the pricing services on the demo data, so it measures the SQL the server runs.
import { seedDemoData } from '@handla/db';
import { type AppContext, createContext } from '../../../apps/server/src/context';
import { createPriceList } from '../../../apps/server/src/modules/pricing/pricing.price-lists.service';
import { setPrices } from '../../../apps/server/src/modules/pricing/pricing.prices.service';
import { resolvePrices } from '../../../apps/server/src/modules/pricing/pricing.resolve.service';
import type { BenchResult } from '../results';
import type { BenchSuite } from './suite';

const SINGLE = 1_000;
const CLIENTS = 8;
const CONCURRENT = 2_000;
const BASKETS = 50;
const BASKET_LINES = 20;
const BULK_RUNS = 5;
const AT = new Date('2026-06-15T10:00:00Z');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Demo {
  skuIds: string[];
  storeIds: string[];
  customerId: string;
}

async function readDemo(ctx: AppContext): Promise<Demo> {
  const skus = await ctx.db.query<{ id: string }>('select id from skus order by id');
  const stores = await ctx.db.query<{ id: string }>('select id from stores order by id');
  const [customer] = await ctx.db.query<{ id: string }>('select id from customers');
  return { skuIds: skus.map((s) => s.id), storeIds: stores.map((s) => s.id), customerId: customer!.id };
}

// Every fourth call is a B2B customer's, every other one in a store: the mix a chain sees.
function query(demo: Demo, i: number, skuIds: string[]) {
  return {
    skuIds,
    storeId: i % 2 === 0 ? demo.storeIds[i % demo.storeIds.length] : undefined,
    customerId: i % 4 === 0 ? demo.customerId : undefined,
    at: AT,
  };
}

export const pricingSuite: BenchSuite = {
  figures: [
    'pricing.resolve.per_s',
    'pricing.resolve.concurrent.per_s',
    'pricing.resolve_basket20.ms',
    'pricing.bulk_set_all.ms',
  ],
  async run(target, wanted) {
    const db = await target.open({ poolSize: CLIENTS + 2 });
    const results: BenchResult[] = [];
    const add = (name: string, value: number, unit: string) =>
      results.push({ name, value, unit, db: target.db });
    try {
      const ctx = createContext(db);
      await seedDemoData(db, { hashPassword: async (p) => `bench$${p}`, now: new Date(), newId: ctx.newId });
      const demo = await readDemo(ctx);
      const sku = (i: number) => demo.skuIds[(i * 7) % demo.skuIds.length]!;

      if (wanted('pricing.resolve.per_s')) {
        const started = performance.now();
        for (let i = 0; i < SINGLE; i++) await resolvePrices(ctx, query(demo, i, [sku(i)]));
        add('pricing.resolve.per_s', SINGLE / ((performance.now() - started) / 1000), 'resolves/s');
      }
      if (wanted('pricing.resolve.concurrent')) {
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: CLIENTS }, async () => {
            for (let i = next++; i < CONCURRENT; i = next++)
              await resolvePrices(ctx, query(demo, i, [sku(i)]));
          }),
        );
        add(
          'pricing.resolve.concurrent.per_s',
          CONCURRENT / ((performance.now() - started) / 1000),
          'resolves/s',
        );
      }
      if (wanted('pricing.resolve_basket20.ms')) {
        const times: number[] = [];
        for (let b = 0; b < BASKETS; b++) {
          const lines = Array.from({ length: BASKET_LINES }, (_, i) => sku(b * BASKET_LINES + i));
          const started = performance.now();
          await resolvePrices(ctx, query(demo, b, lines));
          times.push(performance.now() - started);
        }
        add('pricing.resolve_basket20.ms', median(times), 'ms (median)');
      }
      if (wanted('pricing.bulk_set_all.ms')) {
        const list = await createPriceList(ctx, {
          code: 'BENCH',
          name: 'Bench',
          currency: 'SEK',
          kind: 'b2b',
        });
        const times: number[] = [];
        for (let run = 0; run < BULK_RUNS; run++) {
          const changes = demo.skuIds.map((skuId, i) => ({
            skuId,
            unitPriceInclVat: { amount: 10_000 + i + run, currency: 'SEK' },
            version: run === 0 ? undefined : run,
          }));
          const started = performance.now();
          await setPrices(ctx, { kind: 'list', priceListId: list.id }, changes);
          times.push(performance.now() - started);
        }
        add('pricing.bulk_set_all.ms', median(times), `ms per ${demo.skuIds.length} prices (median)`);
      }
    } finally {
      await db.close();
    }
    return results.filter((r) => wanted(r.name));
  },
};
