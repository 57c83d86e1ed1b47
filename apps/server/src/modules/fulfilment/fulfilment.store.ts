// SQL of fulfilment: release settings per location, pick lists and their orders, pack scans and
// packed orders.
import type { ReleaseMode } from '@handla/core';
import type { Queryable } from '@handla/db';

export interface SettingsRow {
  locationId: string;
  mode: ReleaseMode;
  batchTimes: string[];
  lastBatchAt: Date | null;
  version: number;
}

const SETTINGS_COLUMNS = `location_id as "locationId", mode, batch_times as "batchTimes",
  last_batch_at as "lastBatchAt", version`;

export async function findSettings(
  q: Queryable,
  locationId: string,
  options: { forUpdate?: 'wait' | 'skip' } = {},
): Promise<SettingsRow | undefined> {
  const lock = { wait: 'for update', skip: 'for update skip locked' }[options.forUpdate ?? 'wait'];
  const [row] = await q.query<SettingsRow>(
    `select ${SETTINGS_COLUMNS} from fulfilment_settings where location_id = $1 ${options.forUpdate ? lock : ''}`,
    [locationId],
  );
  return row;
}

/** Saves the settings when `version` still matches; false when someone saved first. */
export async function saveSettings(
  q: Queryable,
  s: { locationId: string; mode: ReleaseMode; batchTimes: string[]; version: number; at: Date; by: string },
): Promise<boolean> {
  const rows =
    s.version === 0
      ? await q.query(
          `insert into fulfilment_settings (location_id, mode, batch_times, updated_at, updated_by)
             values ($1, $2, $3, $4, $5) on conflict do nothing returning location_id`,
          [s.locationId, s.mode, s.batchTimes, s.at, s.by],
        )
      : await q.query(
          `update fulfilment_settings set mode = $2, batch_times = $3, updated_at = $4, updated_by = $5,
             version = version + 1
           where location_id = $1 and version = $6 returning location_id`,
          [s.locationId, s.mode, s.batchTimes, s.at, s.by, s.version],
        );
  return rows.length === 1;
}

export async function markBatchReleased(q: Queryable, locationId: string, at: Date): Promise<void> {
  await q.query('update fulfilment_settings set last_batch_at = $2 where location_id = $1', [locationId, at]);
}

/** Locations with saved settings (the job's round). */
export async function listSettings(q: Queryable): Promise<SettingsRow[]> {
  return q.query<SettingsRow>(`select ${SETTINGS_COLUMNS} from fulfilment_settings order by location_id`);
}

/** What the order's open lines and shipping cost (the view's `amountDue`). */
const DUE_SQL = `(coalesce((select sum(l.line_total_incl_vat) from order_lines l
    where l.order_id = o.id and l.state in ('open', 'picked')), 0) + o.shipping_price_incl_vat)`;
/** What the order's online payments captured or still hold. */
const COVERED_SQL = `(select coalesce(sum(p.captured + case when p.status in ('authorized', 'partially_captured')
    then p.authorized - p.captured else 0 end), 0) from payments p where p.order_id = o.id)`;

/**
 * Moves claimed orders to picking in one statement, locked to the warehouse `holder` (the set-based
 * twin of `setOrderLock` + `updateOrderStatus` for a release of many orders).
 */
export async function moveOrdersToPicking(
  q: Queryable,
  orderIds: readonly string[],
  holder: { kind: 'staff'; id: string; name: string },
  at: Date,
): Promise<number> {
  const rows = await q.query(
    `update orders set status = 'picking', updated_at = $2, picking_at = $2,
       locked_by_kind = $3, locked_by_id = $4, locked_by_name = $5
     where id = any($1) and status = 'placed' returning id`,
    [[...orderIds], at, holder.kind, holder.id, holder.name],
  );
  return rows.length;
}

/**
 * Claims up to `limit` paid delivery orders of the location placed by `placedBy` and not yet in a
 * pick list, locked `for update skip locked`: another process releasing at the same time takes others.
 */
export async function claimReleasableOrderIds(
  q: Queryable,
  locationId: string,
  placedBy: Date,
  limit: number,
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select o.id from orders o
      where o.location_id = $1 and o.fulfilment = 'delivery' and o.status = 'placed'
        and o.placed_at <= $2 and o.locked_by_kind is null
        and not exists (select 1 from pick_list_orders p where p.order_id = o.id)
        -- "Pay the difference": an edit raised the order beyond its authorizations; wait for the rest.
        and (o.payment_method = 'in_store' or ${DUE_SQL} <= ${COVERED_SQL})
      order by o.placed_at, o.id limit $3
      for update of o skip locked`,
    [locationId, placedBy, limit],
  );
  return rows.map((r) => r.id);
}

export async function insertPickList(
  q: Queryable,
  list: { id: string; locationId: string; createdAt: Date; createdBy: string; orderIds: readonly string[] },
): Promise<void> {
  await q.query(
    `insert into pick_lists (id, location_id, created_at, created_by, order_count) values ($1, $2, $3, $4, $5)`,
    [list.id, list.locationId, list.createdAt, list.createdBy, list.orderIds.length],
  );
  await q.query(
    `insert into pick_list_orders (order_id, pick_list_id, position)
       select order_id, $1, position::integer from unnest($2::text[]) with ordinality as t(order_id, position)`,
    [list.id, list.orderIds],
  );
}

export interface PickListRow {
  id: string;
  locationId: string;
  createdAt: Date;
  createdBy: string;
  orderCount: number;
  packedCount: number;
}

const PICK_LIST_COLUMNS = `l.id, l.location_id as "locationId", l.created_at as "createdAt",
  l.created_by as "createdBy", l.order_count as "orderCount",
  (select count(*)::integer from pick_list_orders p join packed_orders k on k.order_id = p.order_id
    where p.pick_list_id = l.id) as "packedCount"`;

export async function findPickList(q: Queryable, id: string): Promise<PickListRow | undefined> {
  const [row] = await q.query<PickListRow>(`select ${PICK_LIST_COLUMNS} from pick_lists l where l.id = $1`, [
    id,
  ]);
  return row;
}

export async function listPickLists(q: Queryable, locationId: string, limit: number): Promise<PickListRow[]> {
  return q.query<PickListRow>(
    `select ${PICK_LIST_COLUMNS} from pick_lists l where l.location_id = $1
      order by l.created_at desc, l.id desc limit $2`,
    [locationId, limit],
  );
}

export async function listPickListsByIds(q: Queryable, ids: readonly string[]): Promise<PickListRow[]> {
  return q.query<PickListRow>(
    `select ${PICK_LIST_COLUMNS} from pick_lists l where l.id = any($1) order by l.created_at, l.id`,
    [ids],
  );
}

/** The orders of a pick list in release order, with whether each is packed. */
export async function listPickListOrders(q: Queryable, pickListId: string) {
  const rows = await q.query<{ id: string; number: string; isPacked: boolean }>(
    `select o.id, o.number, k.order_id is not null as "isPacked"
       from pick_list_orders p join orders o on o.id = p.order_id
       left join packed_orders k on k.order_id = o.id
      where p.pick_list_id = $1 order by p.position`,
    [pickListId],
  );
  return rows.map((r) => ({ ...r, number: Number(r.number) }));
}

/** Every line to pick of a pick list, with the shelf of its SKU at the list's location. */
export async function listPickListLines(q: Queryable, pickListId: string) {
  const rows = await q.query<{
    skuId: string;
    sku: string;
    name: string;
    quantity: number;
    orderNumber: string;
    shelf: string | null;
  }>(
    `select l.sku_id as "skuId", l.sku,
            l.product_name_sv || coalesce(' ' || l.variant_name, '') as name,
            l.quantity, o.number as "orderNumber", s.shelf
       from pick_list_orders p
       join pick_lists pl on pl.id = p.pick_list_id
       join orders o on o.id = p.order_id
       join order_lines l on l.order_id = o.id and l.state in ('open', 'picked')
       left join sku_shelves s on s.sku_id = l.sku_id and s.location_id = pl.location_id
      where p.pick_list_id = $1`,
    [pickListId],
  );
  return rows.map((r) => ({ ...r, orderNumber: Number(r.orderNumber) }));
}

export async function findPickListIdOfOrder(q: Queryable, orderId: string): Promise<string | null> {
  const [row] = await q.query<{ id: string }>(
    'select pick_list_id as id from pick_list_orders where order_id = $1',
    [orderId],
  );
  return row?.id ?? null;
}

/** The order's id from our order number. */
export async function findOrderIdByNumber(q: Queryable, number: number): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>(
    'select id from orders where number = $1 order by created_at desc limit 1',
    [number],
  );
  return row?.id;
}

export interface PackLineRow {
  lineId: string;
  skuId: string;
  sku: string;
  ean: string | null;
  name: string;
  quantity: number;
  packed: number;
}

/** The order's lines to pack (not removed or substituted) with the units scanned so far. */
export async function listPackLines(q: Queryable, orderId: string): Promise<PackLineRow[]> {
  return q.query<PackLineRow>(
    `select l.id as "lineId", l.sku_id as "skuId", l.sku, k.ean,
            l.product_name_sv || coalesce(' ' || l.variant_name, '') as name, l.quantity,
            (select count(*)::integer from pack_scans s where s.line_id = l.id) as packed
       from order_lines l join skus k on k.id = l.sku_id
      where l.order_id = $1 and l.state in ('open', 'picked')
      order by l.position`,
    [orderId],
  );
}

export async function insertPackScan(
  q: Queryable,
  scan: { id: string; orderId: string; lineId: string; code: string; by: string; at: Date },
): Promise<void> {
  await q.query(
    `insert into pack_scans (id, order_id, line_id, code, scanned_by, scanned_at) values ($1, $2, $3, $4, $5, $6)`,
    [scan.id, scan.orderId, scan.lineId, scan.code, scan.by, scan.at],
  );
}

export async function insertPackedOrder(q: Queryable, orderId: string, at: Date, by: string): Promise<void> {
  await q.query(
    'insert into packed_orders (order_id, packed_at, packed_by) values ($1, $2, $3) on conflict do nothing',
    [orderId, at, by],
  );
}

export async function findPackedAt(q: Queryable, orderId: string): Promise<Date | null> {
  const [row] = await q.query<{ packedAt: Date }>(
    'select packed_at as "packedAt" from packed_orders where order_id = $1',
    [orderId],
  );
  return row?.packedAt ?? null;
}
