// Chooses the engine from configuration: PostgreSQL when a URL is given, else embedded PGlite.

import { lockDataDir } from './data-dir-lock';
import type { Database } from './database';
import { openPgliteDatabase } from './pglite';
import { openPostgresDatabase } from './postgres';

/** Where the data lives: a PostgreSQL URL, or the directory of the embedded database. */
export interface DatabaseConfig {
  databaseUrl?: string;
  dataDir: string;
}

/** Opens the configured database; for PGlite it first takes the data directory's lock. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    return openPostgresDatabase(config.databaseUrl, {
      onIdleError: (error) => console.error(`PostgreSQL dropped an idle connection: ${error.message}`),
    });
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    const db = await openPgliteDatabase(config.dataDir);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
