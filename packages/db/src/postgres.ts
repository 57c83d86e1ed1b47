// The production engine: a PostgreSQL server through a node-postgres pool.
import pg from 'pg';
import type { Database, Queryable } from './database';

pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** Opens a pool to the PostgreSQL server at `url` (postgres://…). */
export async function openPostgresDatabase(
  url: string,
  options: { max?: number; onIdleError?: (error: Error) => void } = {},
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection that the server drops (a restart, a failover, a dropped test database)
  // must not crash the process: the pool discards it and opens a new one when needed.
  pool.on('error', (error) => options.onIdleError?.(error));
  // Fail at start, not at the first request, when the server cannot be reached.
  await pool.query('select 1');
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params: readonly unknown[] = []) =>
      (await q.query(sql, params as unknown[])).rows as T[],
    // Without parameters node-postgres uses the simple protocol, which takes many statements.
    exec: async (sql) => {
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      // LISTEN needs a connection of its own that stays open.
      const client = await pool.connect();
      client.on('error', (error) => options.onIdleError?.(error));
      const handler = (message: pg.Notification) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      };
      client.on('notification', handler);
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      return async () => {
        client.off('notification', handler);
        await client.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => {});
        client.release();
      };
    },
    close: () => pool.end(),
  };
}
