// Bulk stock writes for CSV import and the stock export. A counted quantity becomes a `count`
// movement for the difference and the new on-hand, in the same statement, so ledger and projection
// cannot drift apart.
import type { Queryable } from '@handla/db';

/** Location ids by code. */
export async function mapLocationIds(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.query<{ id: string; code: string }>('select id, code from locations');
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Sets on-hand to counted quantities; returns the rows whose on-hand changed. */
export async function applyCountedStock(
  q: Queryable,
  counts: readonly { movementId: string; skuId: string; locationId: string; onHand: number }[],
  actor: string,
  reason: string,
  at: Date,
) {
  // Lock the counted levels first (in a stable order), so the difference is read from what is
  // committed: two counts of the same SKU at once book the change once, not once each.
  await q.query(
    `select 1 from stock_levels
      where (sku_id, location_id) in (select * from unnest($1::text[], $2::text[]))
      order by sku_id, location_id
      for update`,
    [counts.map((c) => c.skuId), counts.map((c) => c.locationId)],
  );
  return q.query<{
    skuId: string;
    locationId: string;
    storeId: string | null;
    onHand: number;
    reserved: number;
    difference: number;
  }>(
    `with counted as (
       select u.movement_id, u.sku_id, u.location_id, u.on_hand, coalesce(l.on_hand, 0) as before
         from unnest($1::text[], $2::text[], $3::text[], $4::int[]) as u(movement_id, sku_id, location_id, on_hand)
         left join stock_levels l on l.sku_id = u.sku_id and l.location_id = u.location_id
        where u.on_hand <> coalesce(l.on_hand, 0)
     ), moved as (
       insert into stock_movements (id, sku_id, location_id, kind, quantity, reason, actor, occurred_at)
       select movement_id, sku_id, location_id, 'count', on_hand - before, $6, $5, $7 from counted
     )
     insert into stock_levels as l (sku_id, location_id, on_hand, reserved, updated_at, count_needed_at)
     select sku_id, location_id, on_hand, 0, $7, null from counted
     on conflict (sku_id, location_id) do update set
       on_hand = excluded.on_hand, updated_at = excluded.updated_at,
       count_needed_at = case when excluded.on_hand >= 0 then null else l.count_needed_at end
     returning l.sku_id as "skuId", l.location_id as "locationId",
               (select lo.store_id from locations lo where lo.id = l.location_id) as "storeId",
               l.on_hand as "onHand", l.reserved,
               l.on_hand - (select c.before from counted c where c.sku_id = l.sku_id and c.location_id = l.location_id)
                 as difference`,
    [
      counts.map((c) => c.movementId),
      counts.map((c) => c.skuId),
      counts.map((c) => c.locationId),
      counts.map((c) => c.onHand),
      actor,
      reason,
      at,
    ],
  );
}

/** Every stock level (optionally of one location), by location and article number, for the export. */
export async function listStockForExport(q: Queryable, locationId: string | null) {
  return q.query<{ location: string; sku: string; onHand: number; reserved: number }>(
    `select lo.code as location, s.sku, l.on_hand as "onHand", l.reserved
       from stock_levels l join locations lo on lo.id = l.location_id join skus s on s.id = l.sku_id
      where $1::text is null or l.location_id = $1
      order by lo.code, s.sku`,
    [locationId],
  );
}
