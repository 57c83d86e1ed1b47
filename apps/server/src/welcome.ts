// The lines a newcomer reads after `npm start`: where things are and how to sign in.
import type { ServerConfig } from './config';

/** Prints the addresses, the database in use and the demo credentials. */
export function printWelcome(info: {
  baseUrl: string;
  config: ServerConfig;
  database: 'pglite' | 'postgres';
  credentials: readonly { role: string; email: string; password: string; name: string }[];
  startupMs: number;
}) {
  const base = info.baseUrl;
  const where =
    info.database === 'pglite' ? `embedded PGlite in ${info.config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `Handla is running (${Math.round(info.startupMs)} ms) on ${where}`,
    `  Web shop     ${base}/`,
    `  Register     ${base}/pos/`,
    `  Back office  ${base}/admin/`,
    `  API docs     ${base}/api/docs`,
  ];
  if (info.credentials.length) {
    lines.push('', 'Demo sign-in (demo data only — change or remove these accounts in production):');
    for (const c of info.credentials) lines.push(`  ${c.role.padEnd(8)} ${c.email.padEnd(30)} ${c.password}`);
  }
  console.log(`${lines.join('\n')}\n`);
}
