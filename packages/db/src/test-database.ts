// A fresh, migrated database per test file: in-memory PGlite by default (from the run's template
// dump when there is one), or a new throw-away
// database on the PostgreSQL server named by DATABASE_URL (dropped again on close).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPgliteDatabase } from './pglite';
import { openPostgresDatabase } from './postgres';
import { openFromPgliteTemplate } from './test-template';

/** Opens an empty, migrated database for one test file. */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const db = url
    ? await createThrowAwayPostgres(url)
    : ((await openFromPgliteTemplate()) ?? (await openPgliteDatabase()));
  // Up to date either way: the template may predate a migration added since it was made.
  await migrate(db);
  return db;
}

async function createThrowAwayPostgres(url: string): Promise<Database> {
  const name = `handla_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgresDatabase(target.toString(), { max: 20 });
  return {
    ...db,
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
