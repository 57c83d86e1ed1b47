// `npm start`: open the database (PGlite under ./data, or PostgreSQL via DATABASE_URL), migrate,
// seed the demo store on first start, serve everything on PORT, and shut down gracefully.
import { DomainError } from '@handla/core';
import { migrate, openDatabase, seedDemoData } from '@handla/db';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createContext } from './context';
import { hashPassword } from './modules/auth/password';
import { failAbandonedImports } from './modules/csv/csv.service';
import { printWelcome } from './welcome';

const config = loadConfig();
const startedAt = performance.now();

let db: Awaited<ReturnType<typeof openDatabase>>;
try {
  db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (error) {
  if (error instanceof DomainError && error.code === 'data_dir_in_use') {
    console.error(`\nHandla cannot start: ${error.message}\n`);
    process.exit(78);
  }
  throw error;
}

const ctx = createContext(db);
const applied = await migrate(db);
const seed = config.seedDemo
  ? await seedDemoData(db, { hashPassword, now: ctx.clock(), newId: ctx.newId })
  : { seeded: false, credentials: [] };
await failAbandonedImports(ctx, db.kind === 'pglite');
const app = await buildApp(ctx, config);
if (applied.length) app.log.info({ migrations: applied }, 'migrations applied');
if (seed.seeded) app.log.info('demo company seeded');

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  const force = setTimeout(() => {
    app.log.error('shutdown took too long; exiting');
    process.exit(1);
  }, 10_000);
  force.unref();
  // Keep-alive connections that finish their last request during shutdown would hold close()
  // open until their timeout; sweep them as they turn idle.
  const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
  try {
    await app.close();
    clearInterval(sweep);
    await db.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
const { port } = app.server.address() as { port: number };
// Links in mail must work even when the port was picked by the OS (PORT=0).
if (!process.env.PUBLIC_URL) config.publicUrl = `http://localhost:${port}`;
printWelcome({
  baseUrl: `http://localhost:${port}`,
  config,
  database: db.kind,
  credentials: seed.credentials,
  startupMs: performance.now() - startedAt,
});
