// `npm run build:web` (and the first step of `npm start`): builds the shop, the register and the
// back office with Vite, skipping an app whose build is newer than everything it is built from.
// `--force` rebuilds all three.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const ROOT = new URL('..', import.meta.url).pathname;
const APPS = ['storefront', 'pos', 'backoffice'] as const;
// What every app is built from besides its own files; the lock file catches dependency upgrades.
const SHARED_INPUTS = ['packages/ui/src', 'packages/api/src', 'package-lock.json'];

/** The newest modification time under `path`, directories included, so a deleted file counts too. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function isUpToDate(appDir: string): boolean {
  const built = join(appDir, 'dist', 'index.html');
  if (!existsSync(built)) return false;
  const inputs = [
    join(appDir, 'src'),
    join(appDir, 'index.html'),
    join(appDir, 'vite.config.ts'),
    ...SHARED_INPUTS.map((p) => join(ROOT, p)),
  ];
  const builtAt = statSync(built).mtimeMs;
  return inputs.every((input) => newestMtime(input) < builtAt);
}

async function buildApp(app: (typeof APPS)[number], force: boolean): Promise<boolean> {
  const appDir = join(ROOT, 'apps', app);
  if (!force && isUpToDate(appDir)) {
    console.log(`${app} is up to date`);
    return true;
  }
  const startedAt = performance.now();
  try {
    await build({
      root: appDir,
      configFile: join(appDir, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    });
  } catch (error) {
    console.error(`building ${app} failed:\n${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  console.log(`built ${app} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  return true;
}

const force = process.argv.includes('--force');
let failed = 0;
// One after another: parallel builds would interleave their warnings and compete for the CPU anyway.
for (const app of APPS) {
  if (!(await buildApp(app, force))) failed++;
}
if (failed) {
  console.error(`${failed} of ${APPS.length} web apps failed to build`);
  process.exit(1);
}
