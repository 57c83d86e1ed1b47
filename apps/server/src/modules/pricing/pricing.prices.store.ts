// SQL for per-SKU prices: a price list's prices (`prices`) and stores' overrides (`store_prices`)
// have the same shape and rules, so one set of statements serves both, keyed by their owner.
import type { Queryable } from '@handla/db';

/** Whose prices: a price list's, or a store's overrides. */
export type PriceOwner = { kind: 'list'; priceListId: string } | { kind: 'store'; storeId: string };

// Table and column names come from this map only, never from input.
const TABLES = {
  list: { table: 'prices', owner: 'price_list_id' },
  store: { table: 'store_prices', owner: 'store_id' },
} as const;

const target = (o: PriceOwner) => ({
  ...TABLES[o.kind],
  ownerId: o.kind === 'list' ? o.priceListId : o.storeId,
});

/** One SKU's price row; the amount is in the owner's currency. */
export interface PriceRow {
  skuId: string;
  unitPriceInclVat: number;
  version: number;
  updatedAt: Date;
}

const COLUMNS = `sku_id as "skuId", unit_price_incl_vat as "unitPriceInclVat", version, updated_at as "updatedAt"`;

/** The owner's prices ordered by SKU id, after `afterSkuId`. */
export async function listPriceRows(
  q: Queryable,
  owner: PriceOwner,
  afterSkuId: string | undefined,
  limit: number,
  skuId?: string,
): Promise<PriceRow[]> {
  const t = target(owner);
  return q.query<PriceRow>(
    `select ${COLUMNS} from ${t.table} where ${t.owner} = $1 and ($2::text is null or sku_id > $2)
        and ($4::text is null or sku_id = $4)
      order by sku_id limit $3`,
    [t.ownerId, afterSkuId ?? null, limit, skuId ?? null],
  );
}

/** The owner's current rows for the given SKUs; SKUs without a price are absent. */
export async function findPriceRows(
  q: Queryable,
  owner: PriceOwner,
  skuIds: readonly string[],
): Promise<PriceRow[]> {
  const t = target(owner);
  return q.query<PriceRow>(`select ${COLUMNS} from ${t.table} where ${t.owner} = $1 and sku_id = any($2)`, [
    t.ownerId,
    skuIds,
  ]);
}

/** Inserts prices for SKUs that have none; returns only the rows it wrote (others raced in). */
export async function insertPriceRows(
  q: Queryable,
  owner: PriceOwner,
  items: readonly { skuId: string; amount: number }[],
  at: Date,
): Promise<PriceRow[]> {
  if (items.length === 0) return [];
  const t = target(owner);
  return q.query<PriceRow>(
    `insert into ${t.table} (${t.owner}, sku_id, unit_price_incl_vat, version, updated_at)
     select $1, sku, amount, 1, $4 from unnest($2::text[], $3::integer[]) as item (sku, amount)
     on conflict (${t.owner}, sku_id) do nothing
     returning ${COLUMNS}`,
    [t.ownerId, items.map((i) => i.skuId), items.map((i) => i.amount), at],
  );
}

/** Changes prices still at the given versions; returns only the rows it changed. */
export async function updatePriceRows(
  q: Queryable,
  owner: PriceOwner,
  items: readonly { skuId: string; amount: number; version: number }[],
  at: Date,
): Promise<PriceRow[]> {
  if (items.length === 0) return [];
  const t = target(owner);
  return q.query<PriceRow>(
    `update ${t.table} p set unit_price_incl_vat = item.amount, version = p.version + 1, updated_at = $5
       from unnest($2::text[], $3::integer[], $4::integer[]) as item (sku, amount, version)
      where p.${t.owner} = $1 and p.sku_id = item.sku and p.version = item.version
      returning p.sku_id as "skuId", p.unit_price_incl_vat as "unitPriceInclVat", p.version,
                p.updated_at as "updatedAt"`,
    [t.ownerId, items.map((i) => i.skuId), items.map((i) => i.amount), items.map((i) => i.version), at],
  );
}

/** Deletes a price still at `version`; false when it was not (changed or already gone). */
export async function deletePriceRow(
  q: Queryable,
  owner: PriceOwner,
  skuId: string,
  version: number,
): Promise<boolean> {
  const t = target(owner);
  const rows = await q.query(
    `delete from ${t.table} where ${t.owner} = $1 and sku_id = $2 and version = $3 returning sku_id`,
    [t.ownerId, skuId, version],
  );
  return rows.length > 0;
}
