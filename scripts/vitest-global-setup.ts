// Once per `npm test` run: a migrated PGlite dump that every test file's database loads (fast start).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGLITE_TEMPLATE_ENV, writePgliteTemplate } from '@handla/db';

let dir: string | undefined;

export async function setup() {
  if (process.env.DATABASE_URL) return;
  dir = mkdtempSync(join(tmpdir(), 'handla-template-'));
  const path = join(dir, 'migrated.tar');
  await writePgliteTemplate(path);
  process.env[PGLITE_TEMPLATE_ENV] = path;
}

export function teardown() {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
