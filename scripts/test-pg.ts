// `npm run test:pg`: the database and HTTP suites again, and the PostgreSQL-only `*.pg.test.ts`, on
// the PostgreSQL server of DATABASE_URL (default: the local server, trust auth, database `test`).
// Each test file gets its own database.
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
};
console.log(`PostgreSQL suite on ${env.DATABASE_URL}`);
const result = spawnSync(
  'npx',
  ['vitest', 'run', '.db.test.', '.http.test.', '.pg.test.', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env,
  },
);
process.exit(result.status ?? 1);
