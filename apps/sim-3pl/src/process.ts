// Starts the simulated 3PL as its own process (`main.ts`) and talks to its control API over HTTP:
// what the process test, the bench and the e2e spec use.
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** A running sim process. */
export interface Sim3plProcess {
  url: string;
  controlUrl: string;
  child: ChildProcess;
  /** A control API call; anything but 2xx throws with the answer. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** What the process wrote to stderr. */
  errors(): string;
  stop(): Promise<void>;
}

/** Command-line flags from options: `{ seed: 3, faults: {...} }` → `--seed 3 --faults {...}`. */
export function simArgs(flags: Record<string, string | number | boolean | object | undefined>): string[] {
  return Object.entries(flags).flatMap(([name, value]) => {
    if (value === undefined || value === false) return [];
    const flag = `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (value === true) return [flag];
    return [flag, typeof value === 'object' ? JSON.stringify(value) : String(value)];
  });
}

/** Spawns `main.ts` with `args` and waits for its "listening" line. */
export async function spawnSim3pl(args: string[]): Promise<Sim3plProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/sim-3pl/src/main.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const started = await new Promise<{ url: string; controlUrl: string }>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line && stdout.includes('\n')) resolve(JSON.parse(line) as { url: string; controlUrl: string });
    });
    child.on('exit', (code) => reject(new Error(`sim-3pl exited (${code}):\n${stderr}`)));
  });
  return {
    ...started,
    child,
    errors: () => stderr,
    control: (method, path, body) => callControl(started.controlUrl, method, path, body),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * One control call on a fresh connection (no keep-alive: a reused socket the server is just closing
 * fails with "other side closed"); anything but 2xx throws with the answer.
 */
function callControl<T>(controlUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const call = request(
      `${controlUrl}${path}`,
      {
        method,
        agent: false,
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) reject(new Error(`sim ${method} ${path}: ${status} ${text}`));
          else resolve(JSON.parse(text) as T);
        });
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}
