// The embedded engine: PostgreSQL compiled to WASM, file-backed under the data directory.
import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

// int8 as a JS number on both engines (ids and money in öre stay far below 2^53).
const parsers = { [types.INT8]: (value: string) => Number(value) };

/** Opens (or creates) an embedded database; `dataDir` undefined means in memory, for tests. */
export async function openPgliteDatabase(
  dataDir?: string,
  options: { loadDataDir?: Blob } = {},
): Promise<Database> {
  return wrapPglite(await PGlite.create(dataDir, { parsers, ...options }));
}

/** Gives a PGlite instance the `Database` interface. */
export function wrapPglite(pg: PGlite): Database {
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <T>(sql: string, params: readonly unknown[] = []) =>
      (await q.query<T>(sql, params as unknown[])).rows,
    exec: async (sql) => {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    listen: async (channel, onNotify) => {
      const unlisten = await pg.listen(channel, onNotify);
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}
