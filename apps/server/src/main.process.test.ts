// The server as a process: crash safety of committed writes on PGlite, the data-directory lock,
// and graceful shutdown. These start `node apps/server/src/main.ts` like `npm start` does.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CREDENTIALS } from '@handla/db';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'handla-process-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}
interface Started {
  child: ChildProcess;
  /** The base URL once the server prints it. */
  ready: Promise<string>;
  exited: Promise<Exit>;
  /** What the server has printed so far (JSON log lines at level info). */
  output(): string;
}

function startServer(): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    HANDLA_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], { cwd: ROOT, env });
  children.add(child);
  let output = '';
  let resolveBase: (base: string) => void;
  const baseFound = new Promise<string>((resolve) => {
    resolveBase = resolve;
  });
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    const match = output.match(/Web shop\s+(http:\/\/localhost:\d+)\//);
    if (match) resolveBase(match[1]!);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal, output });
    }),
  );
  return { child, exited, ready: baseFound, output: () => output };
}

async function startReady(): Promise<Started & { base: string }> {
  const started = startServer();
  const base = await Promise.race([
    started.ready,
    started.exited.then((e) => Promise.reject(new Error(`server exited early:\n${e.output}`))),
  ]);
  return { ...started, base };
}

async function signIn(base: string): Promise<string> {
  const owner = DEMO_CREDENTIALS.find((c) => c.role === 'owner')!;
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: owner.email, password: owner.password }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('the server process on the embedded database', () => {
  it('keeps a committed write when killed with SIGKILL right after it, and refuses a second server', async () => {
    const first = await startReady();
    const cookie = await signIn(first.base);

    const second = await startServer().exited;
    expect(second.code).toBe(78);
    expect(second.output).toMatch(/in use by another Handla process/);

    const created = await fetch(`${first.base}/api/api-keys`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'written-before-the-crash', scopes: ['orders:read'] }),
    });
    expect(created.status).toBe(201);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const restarted = await startReady();
    const keys = await fetch(`${restarted.base}/api/api-keys`, {
      headers: { cookie: await signIn(restarted.base) },
    });
    const names = ((await keys.json()) as { items: { name: string }[] }).items.map((k) => k.name);
    expect(names).toContain('written-before-the-crash');

    // Graceful: SIGTERM while a request is in flight lets it finish, then exits 0.
    const before = restarted.output().length;
    const inFlight = signIn(restarted.base);
    // SIGTERM only once the server has the request (its "incoming request" log line).
    while (!restarted.output().slice(before).includes('/api/auth/login')) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    restarted.child.kill('SIGTERM');
    await expect(inFlight).resolves.toMatch(/^handla_session=/);
    const exit = await restarted.exited;
    expect(exit.code, exit.output).toBe(0);
  }, 120_000);
});
