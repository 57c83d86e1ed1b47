// Starts one Handla server (built web apps, fresh embedded database, demo data) for all specs, with
// its mail going to an SMTP sink, and a receipt-printer sink and a webhook receiver beside it (see
// sinks.ts for how specs inspect them: `inject('sinkUrl')`, `inject('printerPort')`).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type Sinks, startSinks } from './sinks';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The sinks' inspection server: `GET|DELETE /mail`, `/printer`, `/webhooks`; `POST /webhooks` receives. */
    sinkUrl: string;
    /** A TCP port on 127.0.0.1 that records what a receipt printer would receive. */
    printerPort: number;
  }
}

const ROOT = new URL('../../', import.meta.url).pathname;
let server: ChildProcess | undefined;
let dataDir: string | undefined;
let sinks: Sinks | undefined;

export async function setup(project: TestProject) {
  dataDir = mkdtempSync(join(tmpdir(), 'handla-e2e-'));
  sinks = await startSinks();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    HANDLA_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SMTP_URL: sinks.smtpUrl,
  };
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], { cwd: ROOT, env });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Web shop\s+(http:\/\/localhost:\d+)\//);
      if (match) resolve(match[1]!);
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
    server!.on('exit', (code) =>
      reject(new Error(`server exited (${code}) before it was ready:\n${output}`)),
    );
  });
  project.provide('baseUrl', baseUrl);
  project.provide('sinkUrl', sinks.sinkUrl);
  project.provide('printerPort', sinks.printerPort);
}

export async function teardown() {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await sinks?.close();
}
