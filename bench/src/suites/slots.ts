// Pickup slots: the shop's slot list for one store and day (GET /api/stores/:id/pickup-slots?date=)
// with a few hundred bookings that day, measured through the app's routes (Fastify inject, no
// network) on a fresh demo database, so the figure covers validation, SQL, slot maths and serializing.
import { addLocalDays, toWallClock } from '@handla/core';
import { seedDemoData } from '@handla/db';
import { buildApp } from '../../../apps/server/src/app';
import { loadConfig } from '../../../apps/server/src/config';
import { createContext } from '../../../apps/server/src/context';
import { bookPickupSlot } from '../../../apps/server/src/modules/pickup/pickup.booking';
import type { BenchResult } from '../results';
import type { BenchSuite } from './suite';

const BOOKINGS = 300;
const REQUESTS = 1_000;
const WARM_UP = 50;

const percentile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export const slotsSuite: BenchSuite = {
  figures: ['slots.p50_ms', 'slots.p99_ms'],
  async run(target, wanted) {
    const database = await target.open({ poolSize: 4 });
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
      const [store] = await database.query<{ id: string }>(`select id from stores where code = 'STHLM'`);
      const storeId = store!.id;
      // Room for a busy day: 36 slots × 20 orders; every day 10:00–19:00 so any date works.
      await database.query(
        `update pickup_settings set capacity_orders = 20, capacity_items = 200,
           weekly_hours = (select jsonb_agg(jsonb_build_object('weekday', d, 'opens', '10:00', 'closes', '19:00'))
                             from generate_series(1, 7) d)
         where store_id = $1`,
        [storeId],
      );
      const now = ctx.clock();
      const date = addLocalDays(toWallClock(now, 'Europe/Stockholm').date, 1);
      const day = (await (
        await app.inject({ url: `/api/stores/${storeId}/pickup-slots?date=${date}` })
      ).json()) as {
        slots: { startsAt: string }[];
      };
      for (let i = 0; i < BOOKINGS; i++) {
        const slot = day.slots[i % day.slots.length]!.startsAt;
        await database.transaction((tx) =>
          bookPickupSlot(tx, { storeId, slot, orderId: `ord_bench_${i}`, items: 1 + (i % 4), now }),
        );
      }
      const url = `/api/stores/${storeId}/pickup-slots?date=${date}&items=2`;
      for (let i = 0; i < WARM_UP; i++) await app.inject({ url });
      const timings: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const startedAt = performance.now();
        const response = await app.inject({ url });
        timings.push(performance.now() - startedAt);
        if (response.statusCode !== 200) throw new Error(`pickup-slots answered ${response.statusCode}`);
      }
      timings.sort((a, b) => a - b);
      const db: BenchResult['db'] = target.db;
      return [
        { name: 'slots.p50_ms', value: percentile(timings, 0.5), unit: 'ms', db },
        { name: 'slots.p99_ms', value: percentile(timings, 0.99), unit: 'ms', db },
      ].filter((r) => wanted(r.name));
    } finally {
      await app.close();
      await database.close();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  },
};
