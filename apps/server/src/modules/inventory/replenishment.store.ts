// SQL for min/max replenishment rules.
import type { Queryable } from '@handla/db';

export interface RuleRow {
  locationId: string;
  skuId: string;
  minQuantity: number;
  maxQuantity: number;
  updatedAt: Date;
}

const COLUMNS = `location_id as "locationId", sku_id as "skuId", min_quantity as "minQuantity",
  max_quantity as "maxQuantity", updated_at as "updatedAt"`;

/** Replaces the location's whole set of rules. */
export async function replaceRules(
  q: Queryable,
  locationId: string,
  rules: readonly { skuId: string; minQuantity: number; maxQuantity: number }[],
  at: Date,
): Promise<void> {
  await q.query('delete from replenishment_rules where location_id = $1', [locationId]);
  await q.query(
    `insert into replenishment_rules (location_id, sku_id, min_quantity, max_quantity, updated_at)
     select $1, sku_id, min_q, max_q, $5 from unnest($2::text[], $3::integer[], $4::integer[]) as r(sku_id, min_q, max_q)`,
    [
      locationId,
      rules.map((r) => r.skuId),
      rules.map((r) => r.minQuantity),
      rules.map((r) => r.maxQuantity),
      at,
    ],
  );
}

/** The rules of the given locations, by location and SKU. */
export async function listRuleRows(q: Queryable, locationIds: readonly string[]): Promise<RuleRow[]> {
  return q.query<RuleRow>(
    `select ${COLUMNS} from replenishment_rules where location_id = any($1) order by location_id, sku_id`,
    [locationIds],
  );
}
