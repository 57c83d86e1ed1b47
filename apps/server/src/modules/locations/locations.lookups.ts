// What other modules may read about stock locations (they never query the table themselves).
import type { StockLocation } from '@handla/api';
import type { Queryable } from '@handla/db';

const COLUMNS = `id, code, name, kind, store_id as "storeId"`;

/** Every location, stores first, then by code. */
export async function listLocations(
  q: Queryable,
  filter: { storeId?: string } = {},
): Promise<StockLocation[]> {
  return q.query<StockLocation>(
    `select ${COLUMNS} from locations where ($1::text is null or store_id = $1)
      order by (kind = 'store') desc, code`,
    [filter.storeId ?? null],
  );
}

/** The locations with the given ids; unknown ids are simply absent. */
export async function findLocations(q: Queryable, ids: readonly string[]): Promise<StockLocation[]> {
  if (ids.length === 0) return [];
  return q.query<StockLocation>(`select ${COLUMNS} from locations where id = any($1)`, [ids]);
}

/** The company that owns the stock locations (Handla runs one company per database today). */
export async function locationsCompanyId(q: Queryable): Promise<string> {
  const [row] = await q.query<{ companyId: string }>(
    `select company_id as "companyId" from locations order by created_at, id limit 1`,
  );
  if (!row) throw new Error('No stock location exists yet; run the seed first.');
  return row.companyId;
}
