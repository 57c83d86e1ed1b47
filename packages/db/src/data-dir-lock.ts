// Two processes must never open one PGlite directory: it corrupts the database.
// A lock file holding the owner's pid keeps the second one out; a stale file (dead pid) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@handla/core';

const LOCK_FILE = 'handla.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data directory for this process or throws `data_dir_in_use`; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DomainError(
          'data_dir_in_use',
          `The data directory ${dataDir} is in use by another Handla process (pid ${owner}). ` +
            'Only one process may open an embedded database; stop the other one, choose another ' +
            'HANDLA_DATA_DIR, or use PostgreSQL (DATABASE_URL) to run several processes.',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DomainError('data_dir_in_use', `Could not take the lock on ${dataDir}.`);
}
