// Where a benchmark runs: a fresh embedded directory or a fresh PostgreSQL database, each thrown away after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, migrate, openPgliteDatabase, openPostgresDatabase } from '@handla/db';
import pg from 'pg';

/** The engine a figure was measured on. */
export type BenchDb = 'pglite' | 'postgres';

/** A fresh, empty place for data, with the server environment that points at it. */
export interface BenchTarget {
  db: BenchDb;
  /** Environment for a server process on this target. */
  env: NodeJS.ProcessEnv;
  /** Opens the target in this process, migrated (PGlite: only while no server process has it). */
  open(options?: { poolSize?: number }): Promise<Database>;
  drop(): Promise<void>;
}

export const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Creates a fresh target on `db`. */
export async function freshTarget(db: BenchDb): Promise<BenchTarget> {
  if (db === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'handla-bench-'));
    return {
      db,
      env: { HANDLA_DATA_DIR: dir, DATABASE_URL: '' },
      open: async () => migrated(await openPgliteDatabase(dir)),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `handla_bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    db,
    env: { DATABASE_URL: url.toString() },
    open: async (options) =>
      migrated(await openPostgresDatabase(url.toString(), { max: options?.poolSize ?? 10 })),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

async function migrated(db: Database): Promise<Database> {
  await migrate(db);
  return db;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** True when the PostgreSQL server answers. */
export async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
