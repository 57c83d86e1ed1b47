// Starting PGlite from nothing runs initdb in WebAssembly (~2 s); loading a dump of an already
// migrated database takes a fraction of that. A test run makes the dump once (Vitest globalSetup)
// and every test file's database starts from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPgliteDatabase, wrapPglite } from './pglite';

/** The environment variable that names the dump file for this test run. */
export const PGLITE_TEMPLATE_ENV = 'HANDLA_PGLITE_TEMPLATE';

/** Writes a dump of a freshly migrated embedded database to `path`. */
export async function writePgliteTemplate(path: string): Promise<void> {
  const pg = await PGlite.create();
  await migrate(wrapPglite(pg));
  const dump = await pg.dumpDataDir('none');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await pg.close();
}

/** An in-memory database from this run's template dump, or null when the run made none. */
export async function openFromPgliteTemplate(): Promise<Database | null> {
  const path = process.env[PGLITE_TEMPLATE_ENV];
  if (!path) return null;
  return openPgliteDatabase(undefined, { loadDataDir: new Blob([readFileSync(path)]) });
}
