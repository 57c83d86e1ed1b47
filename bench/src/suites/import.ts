// CSV import of 100,000 product rows (25,000 products × 4 variants) through the import service:
// validation and the all-or-nothing write, with the process's peak memory while it runs.
import { seedDemoData } from '@handla/db';
import { createContext } from '../../../apps/server/src/context';
import { startImport } from '../../../apps/server/src/modules/csv/csv.service';
import type { BenchSuite } from './suite';

const PRODUCTS = 25_000;
const SIZES = ['S', 'M', 'L', 'XL'];

function productsCsv(): string {
  const lines = ['product;name_sv;name_en;category;tax_class;brand;sku;option1_name;option1_value;price'];
  for (let p = 0; p < PRODUCTS; p++) {
    SIZES.forEach((size, i) => {
      const head = i === 0 ? `Bänktröja ${p};Bench sweater ${p};t-shirts;standard;Bench` : ';;;;';
      lines.push(`bench-${p};${head};B-${p}-${size};Storlek;${size};${199 + (p % 50)},00`);
    });
  }
  return lines.join('\n');
}

export const importSuite: BenchSuite = {
  figures: ['import.rows_per_s', 'import.peak_rss_mb'],
  async run(target) {
    const db = await target.open();
    try {
      const ctx = createContext(db);
      await seedDemoData(db, { hashPassword: async (p) => `bench$${p}`, now: ctx.clock(), newId: ctx.newId });
      const csv = productsCsv();
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      const startedAt = performance.now();
      const { done } = await startImport(ctx, {
        kind: 'products',
        isDryRun: false,
        csvText: csv,
        createdBy: null,
      });
      const job = await done;
      const seconds = (performance.now() - startedAt) / 1000;
      clearInterval(sampler);
      if (job.status !== 'succeeded')
        throw new Error(`import failed: ${job.failure} ${JSON.stringify(job.errors.slice(0, 3))}`);
      return [
        { name: 'import.rows_per_s', value: job.totalRows / seconds, unit: 'rows/s', db: target.db },
        { name: 'import.peak_rss_mb', value: peak / 1024 / 1024, unit: 'MB', db: target.db },
      ];
    } finally {
      await db.close();
    }
  },
};
