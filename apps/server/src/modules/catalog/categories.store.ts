// SQL for categories.
import type { Category } from '@handla/api';
import type { Queryable } from '@handla/db';
import { COMPANY_SQL } from './catalog.store';

export interface CategoryRow {
  id: string;
  slug: string;
  nameSv: string;
  nameEn: string;
  parentId: string | null;
  sortOrder: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, slug, name_sv as "nameSv", name_en as "nameEn", parent_id as "parentId",
  sort_order as "sortOrder", version, created_at as "createdAt", updated_at as "updatedAt"`;

// Moves are checked against the whole tree; two moves checked at once could each pass and
// together make a cycle, so tree changes take turns.
const TREE_LOCK = 7_340_010;

/** Serializes changes to the category tree until the transaction ends. */
export async function lockCategoryTree(tx: Queryable): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [TREE_LOCK]);
}

/** Every category, siblings in display order. */
export async function listCategoryRows(q: Queryable): Promise<CategoryRow[]> {
  return q.query<CategoryRow>(`select ${COLUMNS} from categories order by sort_order, name_sv, id`);
}

export async function findCategoryRow(q: Queryable, id: string): Promise<CategoryRow | undefined> {
  return (await q.query<CategoryRow>(`select ${COLUMNS} from categories where id = $1`, [id]))[0];
}

/** True when some category other than `exceptId` has the slug. */
export async function isCategorySlugTaken(q: Queryable, slug: string, exceptId = ''): Promise<boolean> {
  const rows = await q.query('select 1 from categories where slug = $1 and id <> $2', [slug, exceptId]);
  return rows.length > 0;
}

export async function insertCategory(
  q: Queryable,
  c: { id: string; slug: string; nameSv: string; nameEn: string; parentId: string | null; sortOrder: number },
  now: Date,
): Promise<CategoryRow> {
  const [row] = await q.query<CategoryRow>(
    `insert into categories (id, company_id, parent_id, slug, name_sv, name_en, sort_order, created_at, updated_at)
     values ($1, (${COMPANY_SQL}), $2, $3, $4, $5, $6, $7, $7) returning ${COLUMNS}`,
    [c.id, c.parentId, c.slug, c.nameSv, c.nameEn, c.sortOrder, now],
  );
  return row!;
}

/** Changes the given columns if the row is still at `version`; undefined when it is not (or is gone). */
export async function updateCategory(
  q: Queryable,
  id: string,
  version: number,
  changes: Partial<Pick<CategoryRow, 'slug' | 'nameSv' | 'nameEn' | 'parentId' | 'sortOrder'>>,
  now: Date,
): Promise<CategoryRow | undefined> {
  const columns = {
    slug: 'slug',
    nameSv: 'name_sv',
    nameEn: 'name_en',
    parentId: 'parent_id',
    sortOrder: 'sort_order',
  };
  const params: unknown[] = [id, version, now];
  const sets = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      params.push(value);
      return `${columns[key as keyof typeof columns]} = $${params.length}`;
    });
  const [row] = await q.query<CategoryRow>(
    `update categories set ${[...sets, 'version = version + 1', 'updated_at = $3'].join(', ')}
      where id = $1 and version = $2 returning ${COLUMNS}`,
    params,
  );
  return row;
}

/** The public view of a category, with its path from the root. */
export function toCategory(row: CategoryRow, path: readonly CategoryRow[]): Category {
  return {
    id: row.id,
    slug: row.slug,
    name: { sv: row.nameSv, en: row.nameEn },
    parentId: row.parentId,
    sortOrder: row.sortOrder,
    version: row.version,
    path: path.map((c) => ({ id: c.id, slug: c.slug, name: { sv: c.nameSv, en: c.nameEn } })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
