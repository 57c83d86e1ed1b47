// Multi-row INSERT … VALUES for the seed builders: one statement per batch instead of one per row.
import type { Queryable } from '../database';

/** Column name → value; `undefined` means the column's default. jsonb values must already be JSON strings. */
export type Row = Readonly<Record<string, unknown>>;

// Stays far below PostgreSQL's 65,535 parameters per statement for any of our tables.
const ROWS_PER_STATEMENT = 1000;

/** Splits rows into statement-sized batches. */
export function chunkRows<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}

/**
 * Builds `(col, …) values ($1, default, …), (…)` for rows that share their columns, appending the
 * parameters to `params`. Table and column names come from our code, never from input.
 */
export function valuesClause(rows: readonly Row[], params: unknown[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const tuples = rows.map((row) => {
    const cells = columns.map((column) => {
      const value = row[column];
      if (value === undefined) return 'default';
      params.push(value);
      return `$${params.length}`;
    });
    return `(${cells.join(', ')})`;
  });
  return `(${columns.join(', ')}) values ${tuples.join(', ')}`;
}

/** Inserts the rows into `table`, one statement per batch of up to 1,000 rows. */
export async function insertRows(q: Queryable, table: string, rows: readonly Row[]): Promise<void> {
  for (const chunk of chunkRows(rows)) {
    const params: unknown[] = [];
    await q.query(`insert into ${table} ${valuesClause(chunk, params)}`, params);
  }
}
