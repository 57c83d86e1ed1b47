// SQL for stock counts (count sheets) and their lines.
import type { Queryable } from '@handla/db';

export type StockCountStatus = 'open' | 'completed' | 'cancelled';

export interface CountLineRow {
  skuId: string;
  expectedOnHand: number;
  countedQuantity: number | null;
}

export interface CountRow {
  id: string;
  locationId: string;
  status: StockCountStatus;
  note: string;
  version: number;
  createdBy: string;
  createdAt: Date;
  completedAt: Date | null;
  lines: CountLineRow[];
}

const COLUMNS = `c.id, c.location_id as "locationId", c.status, c.note, c.version, c.created_by as "createdBy",
  c.created_at as "createdAt", c.completed_at as "completedAt",
  coalesce((select json_agg(json_build_object('skuId', l.sku_id, 'expectedOnHand', l.expected_on_hand,
                                              'countedQuantity', l.counted_quantity) order by l.sku_id)
              from stock_count_lines l where l.count_id = c.id), '[]'::json) as lines`;

/**
 * Opens a sheet unless the location has an open one; false then. A concurrent open at the same
 * location waits here for the first to commit, and then finds it.
 */
export async function insertCount(
  q: Queryable,
  c: Pick<CountRow, 'id' | 'locationId' | 'note' | 'createdBy' | 'createdAt'>,
): Promise<boolean> {
  const rows = await q.query(
    `insert into stock_counts (id, location_id, status, note, created_by, created_at, updated_at)
     values ($1, $2, 'open', $3, $4, $5, $5)
     on conflict (location_id) where status = 'open' do nothing returning id`,
    [c.id, c.locationId, c.note, c.createdBy, c.createdAt],
  );
  return rows.length > 0;
}

/** Adds lines with their expected on-hand; a line already on the sheet keeps its snapshot. */
export async function addCountLines(
  q: Queryable,
  countId: string,
  lines: readonly { skuId: string; expectedOnHand: number }[],
): Promise<void> {
  if (lines.length === 0) return;
  await q.query(
    `insert into stock_count_lines (count_id, sku_id, expected_on_hand)
     select $1, sku_id, expected from unnest($2::text[], $3::integer[]) as l(sku_id, expected)
     on conflict (count_id, sku_id) do nothing`,
    [countId, lines.map((l) => l.skuId), lines.map((l) => l.expectedOnHand)],
  );
}

/** Records counted quantities on lines that are on the sheet. */
export async function setCountedQuantities(
  q: Queryable,
  countId: string,
  lines: readonly { skuId: string; countedQuantity: number }[],
  at: Date,
): Promise<void> {
  await q.query(
    `update stock_count_lines l set counted_quantity = c.counted, counted_at = $4
       from unnest($2::text[], $3::integer[]) as c(sku_id, counted)
      where l.count_id = $1 and l.sku_id = c.sku_id`,
    [countId, lines.map((l) => l.skuId), lines.map((l) => l.countedQuantity), at],
  );
}

export async function findCount(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CountRow | undefined> {
  const [row] = await q.query<CountRow>(
    `select ${COLUMNS} from stock_counts c where c.id = $1 ${options.forUpdate ? 'for update of c' : ''}`,
    [id],
  );
  return row;
}

/** Bumps the version, and moves the sheet on when `status` is given. */
export async function updateCount(q: Queryable, id: string, status: StockCountStatus | null, at: Date) {
  await q.query(
    `update stock_counts set status = coalesce($2::text, status), version = version + 1, updated_at = $3,
            completed_at = case when $2::text = 'completed' then $3 else completed_at end
      where id = $1`,
    [id, status, at],
  );
}

/** A page of count sheets, newest first, starting after the id `after`. */
export async function listCountRows(
  q: Queryable,
  filter: { status?: StockCountStatus; locationId?: string },
  after: string | null,
  limit: number,
): Promise<CountRow[]> {
  return q.query<CountRow>(
    `select ${COLUMNS} from stock_counts c
      where ($1::text is null or c.status = $1) and ($2::text is null or c.location_id = $2)
        and ($3::text is null or c.id < $3)
      order by c.id desc limit $4`,
    [filter.status ?? null, filter.locationId ?? null, after, limit],
  );
}
