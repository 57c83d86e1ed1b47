// Test harness: a fresh migrated database with the demo data, the app on top, and sign-in helpers.
import { createTestDatabase, DEMO_CREDENTIALS, seedDemoData } from '@handla/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { loadConfig, type ServerConfig } from '../config';
import { type AppContext, createContext } from '../context';
import { hashPassword } from '../modules/auth/password';

/** A running test app with its context; close it in afterAll. */
export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

/** Builds the app on a fresh database seeded with the demo company. */
export async function createTestApp(overrides: Partial<ServerConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const ctx = createContext(db);
  await seedDemoData(db, { hashPassword, now: ctx.clock(), newId: ctx.newId });
  const app = await buildApp(
    ctx,
    { ...loadConfig({}), logLevel: 'silent', runJobs: false, ...overrides },
    { logger: Boolean(process.env.DEBUG_LOG), serveWebApps: false },
  );
  return {
    app,
    ctx,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** The demo account of a role. */
export function demoAccount(role: 'owner' | 'manager' | 'cashier') {
  const account = DEMO_CREDENTIALS.find((c) => c.role === role);
  if (!account) throw new Error(`no demo ${role}`);
  return account;
}

/** Signs in as the demo account of `role` and returns the Cookie header to send. */
export async function signIn(app: FastifyInstance, role: 'owner' | 'manager' | 'cashier'): Promise<string> {
  const { email, password } = demoAccount(role);
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${role} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'handla_session');
  return `handla_session=${cookie!.value}`;
}
