// `npm run bench [-- <name prefix>…]`: Handla's performance figures on PGlite and, when a
// PostgreSQL server answers (DATABASE_URL, default the local one), on PostgreSQL too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { type BenchResult, report } from './results';
import { startBenchServer } from './server-process';

const prefixes = process.argv.slice(2);
const wanted = (name: string) => prefixes.length === 0 || prefixes.some((p) => name.startsWith(p));
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Db = BenchResult['db'];

/** A fresh place for the data: a temp PGlite directory or a new PostgreSQL database. */
async function freshTarget(db: Db): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  if (db === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'handla-bench-'));
    return {
      env: { HANDLA_DATA_DIR: dir, DATABASE_URL: '' },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `handla_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function benchServer(db: Db): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const target = await freshTarget(db);
  try {
    const fresh = await startBenchServer(target.env);
    if (wanted('startup.fresh.ms'))
      results.push({ name: 'startup.fresh.ms', value: fresh.startupMs, unit: 'ms', db });
    await fresh.stop();
    const existing = await startBenchServer(target.env);
    if (wanted('startup.existing.ms')) {
      results.push({ name: 'startup.existing.ms', value: existing.startupMs, unit: 'ms', db });
    }
    if (wanted('http.read.rps')) {
      const run = await autocannon({
        url: `${existing.baseUrl}/api/products?limit=20`,
        connections: 32,
        duration: 10,
      });
      if (run.non2xx > 0 || run.errors > 0)
        throw new Error(`read benchmark saw ${run.non2xx} non-2xx, ${run.errors} errors`);
      results.push({ name: 'http.read.rps', value: run.requests.average, unit: 'req/s', db });
      results.push({ name: 'http.read.p99_ms', value: run.latency.p99, unit: 'ms', db });
    }
    await existing.stop();
  } finally {
    await target.drop();
  }
  return results;
}

const results: BenchResult[] = [];
for (const db of ['pglite', 'postgres'] as const) {
  if (db === 'postgres' && !(await postgresAnswers())) {
    console.log(`PostgreSQL at ${PG_URL} does not answer: PostgreSQL figures skipped`);
    continue;
  }
  console.log(`benchmarking on ${db}…`);
  results.push(...(await benchServer(db)));
}
report(results);
