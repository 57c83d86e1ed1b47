// Runtime configuration, read once from the environment.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Everything the server reads from its environment. */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** Seed the demo company when the database is empty. */
  seedDemo: boolean;
  /** Mark session cookies Secure: 'auto' does so when the request came over TLS (via a trusted proxy). */
  cookieSecure: boolean | 'auto';
  trustProxy: boolean;
  logLevel: string;
  version: string;
  /** Where shoppers reach us, for links in mail and SMS (order-status pages, payment returns). */
  publicUrl: string;
  /** `smtp://user:pass@host:port`; without it mail lands in the development outbox (back office). */
  smtpUrl?: string;
  /** The From of every mail. */
  mailFrom: string;
  /** Run background jobs (mail, reminders, expiry) on timers; tests call them by hand instead. */
  runJobs: boolean;
  /** NODE_ENV=production: no development fallbacks (e.g. the SAF-T signing secret). */
  isProduction: boolean;
  /** Signs the SAF-T Cash Register receipt chain (HMAC-SHA1); required in production to export. */
  saftSecret?: string;
  /** Serve card, Klarna and Swish with the built-in test provider (the demo); false in production. */
  testPayments: boolean;
}

const rootPackage = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Reads the configuration from `env`, with the demo-friendly defaults of `npm start`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: Number.parseInt(env.PORT ?? '3000', 10),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.HANDLA_DATA_DIR ?? 'data'),
    seedDemo: env.HANDLA_SEED_DEMO !== 'false',
    cookieSecure: env.COOKIE_SECURE === 'true' ? true : env.COOKIE_SECURE === 'false' ? false : 'auto',
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    version: rootPackage.version,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? '3000'}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Demo Butik <butik@demo.handla.se>',
    runJobs: env.HANDLA_JOBS !== 'false',
    isProduction: env.NODE_ENV === 'production',
    saftSecret: env.HANDLA_SAFT_SECRET || undefined,
    testPayments: env.HANDLA_TEST_PAYMENTS !== 'false',
  };
}
