// `npm run test:e2e`: builds the web apps if needed, then runs the browser specs.
import { spawnSync } from 'node:child_process';

const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
const built = run('npm', ['run', '--silent', 'build:web']);
if (built !== 0) process.exit(built);
process.exit(run('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...process.argv.slice(2)]));
