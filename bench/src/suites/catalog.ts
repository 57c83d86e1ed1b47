// Catalog search: the register's search field over 100,000 SKUs (25,000 products × 4 sizes), by
// EAN and by name prefix, and the scanner's exact EAN lookup. Measured through the catalog
// services on a fresh database, so the figures are the SQL and indexes the server runs.
import type { Database } from '@handla/db';
import { insertSwedishVat } from '@handla/db';
import { type AppContext, createContext } from '../../../apps/server/src/context';
import { lookupSku, searchSkus } from '../../../apps/server/src/modules/catalog/catalog.service';
import type { BenchResult } from '../results';
import type { BenchSuite } from './suite';

const SKUS = 100_000;
const SIZES = ['S', 'M', 'L', 'XL'];
const LOOKUPS = 1_000;
const WARM_UP = 50;
const ADJECTIVES = [
  'Stickad',
  'Mjuk',
  'Randig',
  'Klassisk',
  'Tunn',
  'Varm',
  'Lätt',
  'Ekologisk',
  'Vattentät',
  'Rak',
  'Vid',
  'Smal',
  'Mönstrad',
  'Enfärgad',
  'Borstad',
  'Fodrad',
  'Kort',
  'Lång',
  'Tjock',
  'Sval',
];
const NOUNS = [
  'tröja',
  'jacka',
  'byxa',
  'kjol',
  'skjorta',
  'mössa',
  'halsduk',
  'vante',
  'sko',
  'känga',
  'väska',
  'mugg',
  'kanna',
  'filt',
  'kudde',
  'handduk',
  'kopp',
  'skål',
  'tallrik',
  'ljusstake',
  'bok',
  'kaffe',
  'choklad',
  'te',
  'sjal',
  'väst',
  'klänning',
  'strumpa',
  'bälte',
  'keps',
];
const BRANDS = ['Nordväv', 'Fjällull', 'Skärgårdsliv', 'Linnekontoret', 'Teboden Norr', 'Stengods & Co'];
const sqlArray = (words: readonly string[]) => `array[${words.map((w) => `'${w}'`).join(', ')}]`;

// Straight into the tables with generate_series; EANs are 735998 + the SKU number + the GS1 check
// digit (weights 1, 3, 1, … from the left of the 12-digit base), so every one is a valid EAN-13.
async function seedCatalog(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await insertSwedishVat(tx);
    await tx.query(`insert into companies (id, name, org_number, vat_number, country, currency)
                    values ('cmp_bench', 'Bench AB', '559999-9991', 'SE559999999101', 'SE', 'SEK')`);
    await tx.query(`insert into price_lists (id, company_id, code, name, currency, is_retail)
                    values ('prl_bench', 'cmp_bench', 'RETAIL', 'Ordinarie pris', 'SEK', true)`);
    await tx.query(
      `insert into products (id, company_id, slug, name_sv, name_en, brand, tax_class, options)
       select 'prd_b' || i, 'cmp_bench', 'bench-' || i,
              (${sqlArray(ADJECTIVES)})[1 + i % ${ADJECTIVES.length}] || ' '
                || (${sqlArray(NOUNS)})[1 + (i / ${ADJECTIVES.length}) % ${NOUNS.length}] || ' ' || i,
              'Product ' || i, (${sqlArray(BRANDS)})[1 + i % ${BRANDS.length}], 'standard',
              '[{"name": {"sv": "Storlek", "en": "Size"}, "values": ["S", "M", "L", "XL"]}]'
         from generate_series(1, $1::integer) i`,
      [SKUS / SIZES.length],
    );
    await tx.query(
      `insert into skus (id, product_id, sku, ean, options, sort_order)
       select 'sku_b' || i, 'prd_b' || p, 'B' || lpad(p::text, 5, '0') || '-' || size, base || (
                select (10 - sum(substr(base, k, 1)::integer * (1 + 2 * ((k + 1) % 2))) % 10) % 10
                  from generate_series(1, 12) k),
              jsonb_build_object('Storlek', size), (i - 1) % 4
         from generate_series(1, $1::integer) i,
              lateral (select 1 + (i - 1) / 4 as p, (${sqlArray(SIZES)})[1 + (i - 1) % 4] as size,
                              '735998' || lpad(i::text, 6, '0') as base) v`,
      [SKUS],
    );
    await tx.query(
      `insert into prices (price_list_id, sku_id, unit_price_incl_vat)
       select 'prl_bench', 'sku_b' || i, 9900 + (i % 50) * 1000 from generate_series(1, $1::integer) i`,
      [SKUS],
    );
  });
  await db.query('analyze');
}

const percentile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await work();
  return performance.now() - startedAt;
}

// Half typed EANs, half name prefixes of 2–5 letters, interleaved; every query must find something.
async function measureSearch(ctx: AppContext, db: BenchResult['db']): Promise<BenchResult[]> {
  const eans = await ctx.db.query<{ ean: string }>('select ean from skus where id = any($1)', [
    Array.from({ length: LOOKUPS }, (_, i) => `sku_b${1 + ((i * 7_919) % SKUS)}`),
  ]);
  const words = [...ADJECTIVES, ...NOUNS];
  const query = (i: number) =>
    i % 2 === 0 ? eans[(i / 2) % eans.length]!.ean : words[(i * 13) % words.length]!.slice(0, 2 + (i % 4));
  for (let i = 0; i < WARM_UP; i++) await searchSkus(ctx, { q: query(i), limit: 20 });
  const all: number[] = [];
  const byEan: number[] = [];
  const byName: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    let found = 0;
    const ms = await timed(async () => {
      found = (await searchSkus(ctx, { q: query(i), limit: 20 })).length;
    });
    if (found === 0) throw new Error(`catalog search found nothing for ${query(i)}`);
    all.push(ms);
    (i % 2 === 0 ? byEan : byName).push(ms);
  }
  const scans: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) scans.push(await timed(() => lookupSku(ctx, eans[i % eans.length]!.ean)));
  const figures: [string, number[]][] = [
    ['catalog.search', all],
    ['catalog.search.ean', byEan],
    ['catalog.search.name', byName],
    ['catalog.lookup.ean', scans],
  ];
  return figures.flatMap(([name, timings]) => {
    const sorted = [...timings].sort((a, b) => a - b);
    return [
      { name: `${name}.p50_ms`, value: percentile(sorted, 0.5), unit: 'ms', db },
      { name: `${name}.p99_ms`, value: percentile(sorted, 0.99), unit: 'ms', db },
    ];
  });
}

export const catalogSuite: BenchSuite = {
  figures: [
    'catalog.search.p50_ms',
    'catalog.search.p99_ms',
    'catalog.search.ean.p50_ms',
    'catalog.search.ean.p99_ms',
    'catalog.search.name.p50_ms',
    'catalog.search.name.p99_ms',
    'catalog.lookup.ean.p50_ms',
    'catalog.lookup.ean.p99_ms',
  ],
  async run(target, wanted) {
    const database = await target.open({ poolSize: 4 });
    const ctx = createContext(database);
    try {
      const seedStart = performance.now();
      await seedCatalog(database);
      console.log(`  ${target.db}: ${SKUS} SKUs seeded in ${Math.round(performance.now() - seedStart)} ms`);
      return (await measureSearch(ctx, target.db)).filter((r) => wanted(r.name));
    } finally {
      await database.close();
    }
  },
};
