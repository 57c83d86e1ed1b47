// SQL for price lists.
import type { PriceList } from '@handla/api';
import type { Queryable } from '@handla/db';

interface PriceListRow extends Omit<PriceList, 'createdAt' | 'updatedAt'> {
  companyId: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, company_id as "companyId", code, name, currency, kind, version,
  created_at as "createdAt", updated_at as "updatedAt"`;

export const toPriceList = ({ companyId: _, ...row }: PriceListRow): PriceList => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** A company's lists ordered by code, after `afterCode`. */
export async function listPriceListRows(
  q: Queryable,
  companyId: string,
  afterCode: string | undefined,
  limit: number,
): Promise<PriceListRow[]> {
  return q.query<PriceListRow>(
    `select ${COLUMNS} from price_lists where company_id = $1 and ($2::text is null or code > $2)
      order by code limit $3`,
    [companyId, afterCode ?? null, limit],
  );
}

export async function findPriceListRow(q: Queryable, id: string): Promise<PriceListRow | undefined> {
  return (await q.query<PriceListRow>(`select ${COLUMNS} from price_lists where id = $1`, [id]))[0];
}

export async function findRetailListRow(q: Queryable, companyId: string): Promise<PriceListRow | undefined> {
  return (
    await q.query<PriceListRow>(`select ${COLUMNS} from price_lists where company_id = $1 and is_retail`, [
      companyId,
    ])
  )[0];
}

export async function insertPriceListRow(
  q: Queryable,
  list: { id: string; companyId: string; code: string; name: string; currency: string; isRetail: boolean },
  at: Date,
): Promise<PriceListRow> {
  const [row] = await q.query<PriceListRow>(
    `insert into price_lists (id, company_id, code, name, currency, is_retail, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7) returning ${COLUMNS}`,
    [list.id, list.companyId, list.code, list.name, list.currency, list.isRetail, at],
  );
  return row!;
}

/** Renames a list still at `version`; nothing when it is not. */
export async function updatePriceListRow(
  q: Queryable,
  id: string,
  change: { code?: string; name?: string },
  version: number,
  at: Date,
): Promise<PriceListRow | undefined> {
  const [row] = await q.query<PriceListRow>(
    `update price_lists set code = coalesce($2, code), name = coalesce($3, name),
            version = version + 1, updated_at = $5
      where id = $1 and version = $4 returning ${COLUMNS}`,
    [id, change.code ?? null, change.name ?? null, version, at],
  );
  return row;
}
