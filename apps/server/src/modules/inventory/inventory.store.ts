// SQL for the stock ledger (stock_movements) and its projection (stock_levels). Every write to
// on-hand goes through applyMovements, which writes both in one statement so they cannot drift.
import type { MovementKind } from '@handla/api';
import type { Queryable } from '@handla/db';

/** A ledger row to write; the quantity is signed (+ in, − out). */
export interface NewMovement {
  id: string;
  skuId: string;
  locationId: string;
  kind: MovementKind;
  quantity: number;
  reason: string | null;
  reference: string | null;
}

export interface MovementRow extends NewMovement {
  actor: string;
  occurredAt: Date;
}

export interface LevelRow {
  skuId: string;
  locationId: string;
  onHand: number;
  reserved: number;
  countNeededAt: Date | null;
  updatedAt: Date;
}

/** A SKU at a location. */
export interface SkuAt {
  skuId: string;
  locationId: string;
}

const LEVEL_COLUMNS = `sku_id as "skuId", location_id as "locationId", on_hand as "onHand", reserved,
  count_needed_at as "countNeededAt", updated_at as "updatedAt"`;
const MOVEMENT_COLUMNS = `id, sku_id as "skuId", location_id as "locationId", kind, quantity, reason,
  reference, actor, occurred_at as "occurredAt"`;

/**
 * Appends the movements to the ledger and moves on-hand by the same amounts, in one statement.
 * On-hand may go below zero (a register sale never refuses); the level is then flagged for a count.
 * Levels are touched in (sku, location) order so concurrent writers lock rows in the same order.
 */
export async function applyMovements(
  q: Queryable,
  movements: readonly NewMovement[],
  actor: string,
  at: Date,
): Promise<LevelRow[]> {
  if (movements.length === 0) return [];
  const column = <K extends keyof NewMovement>(key: K) => movements.map((m) => m[key]);
  return q.query<LevelRow>(
    `with moved as (
       insert into stock_movements (id, sku_id, location_id, kind, quantity, reason, reference, actor, occurred_at)
       select m.id, m.sku_id, m.location_id, m.kind, m.quantity, m.reason, m.reference, $8, $9
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::integer[], $6::text[], $7::text[])
           as m(id, sku_id, location_id, kind, quantity, reason, reference)
       returning sku_id, location_id, quantity
     )
     insert into stock_levels as l (sku_id, location_id, on_hand, updated_at, count_needed_at)
     select sku_id, location_id, sum(quantity)::integer, $9::timestamptz,
            case when sum(quantity) < 0 then $9::timestamptz end
       from moved group by sku_id, location_id order by sku_id, location_id
     on conflict (sku_id, location_id) do update
       set on_hand = l.on_hand + excluded.on_hand,
           updated_at = excluded.updated_at,
           count_needed_at = case when l.on_hand + excluded.on_hand < 0
                                  then coalesce(l.count_needed_at, excluded.updated_at)
                                  else l.count_needed_at end
     returning ${LEVEL_COLUMNS}`,
    [
      column('id'),
      column('skuId'),
      column('locationId'),
      column('kind'),
      column('quantity'),
      column('reason'),
      column('reference'),
      actor,
      at,
    ],
  );
}

/**
 * Holds `quantity` units if that many are available, atomically: the condition is checked on the
 * row the update locks, so concurrent holds can never take more than on-hand. Undefined: not enough.
 */
export async function reserveUnits(
  q: Queryable,
  line: SkuAt & { quantity: number },
  at: Date,
): Promise<LevelRow | undefined> {
  const [row] = await q.query<LevelRow>(
    `update stock_levels set reserved = reserved + $3, updated_at = $4
      where sku_id = $1 and location_id = $2 and on_hand - reserved >= $3
      returning ${LEVEL_COLUMNS}`,
    [line.skuId, line.locationId, line.quantity, at],
  );
  return row;
}

/** Gives back held units (release or consume); the table's check keeps reserved at zero or above. */
export async function unreserveUnits(
  q: Queryable,
  line: SkuAt & { quantity: number },
  at: Date,
): Promise<void> {
  await q.query(
    `update stock_levels set reserved = reserved - $3, updated_at = $4 where sku_id = $1 and location_id = $2`,
    [line.skuId, line.locationId, line.quantity, at],
  );
}

/** The levels of the given SKUs at the given locations; `forUpdate` locks them in key order. */
export async function findLevels(
  q: Queryable,
  keys: readonly SkuAt[],
  options: { forUpdate?: boolean } = {},
): Promise<LevelRow[]> {
  if (keys.length === 0) return [];
  return q.query<LevelRow>(
    `select ${LEVEL_COLUMNS} from stock_levels
      where (sku_id, location_id) in (select * from unnest($1::text[], $2::text[]))
      order by sku_id, location_id ${options.forUpdate ? 'for update' : ''}`,
    [keys.map((k) => k.skuId), keys.map((k) => k.locationId)],
  );
}

/** Every level row of the given SKUs, at whatever location holds them. */
export async function levelsOfSkus(q: Queryable, skuIds: readonly string[]): Promise<LevelRow[]> {
  return q.query<LevelRow>(`select ${LEVEL_COLUMNS} from stock_levels where sku_id = any($1)`, [skuIds]);
}

/** Every level row at a location (for a count sheet). */
export async function levelsAtLocation(q: Queryable, locationId: string): Promise<LevelRow[]> {
  return q.query<LevelRow>(
    `select ${LEVEL_COLUMNS} from stock_levels where location_id = $1 order by sku_id`,
    [locationId],
  );
}

/** Clears the count flag of the given levels after a count booked them, unless still below zero. */
export async function clearCountNeeded(q: Queryable, keys: readonly SkuAt[]): Promise<void> {
  if (keys.length === 0) return;
  await q.query(
    `update stock_levels set count_needed_at = null
      where (sku_id, location_id) in (select * from unnest($1::text[], $2::text[])) and on_hand >= 0`,
    [keys.map((k) => k.skuId), keys.map((k) => k.locationId)],
  );
}

/** A page of levels in (sku, location) order, starting after `after`. */
export async function listLevelRows(
  q: Queryable,
  filter: { skuId?: string; locationId?: string; countNeeded?: boolean },
  after: SkuAt | null,
  limit: number,
): Promise<LevelRow[]> {
  return q.query<LevelRow>(
    `select ${LEVEL_COLUMNS} from stock_levels
      where ($1::text is null or sku_id = $1) and ($2::text is null or location_id = $2)
        and ($3::boolean is null or (count_needed_at is not null) = $3)
        and ($4::text is null or (sku_id, location_id) > ($4::text, $5::text))
      order by sku_id, location_id limit $6`,
    [
      filter.skuId ?? null,
      filter.locationId ?? null,
      filter.countNeeded ?? null,
      after?.skuId ?? null,
      after?.locationId ?? null,
      limit,
    ],
  );
}

/** A page of movements, newest first, starting after `after`. */
export async function listMovementRows(
  q: Queryable,
  filter: { skuId?: string; locationId?: string; kind?: MovementKind },
  after: { occurredAt: Date; id: string } | null,
  limit: number,
): Promise<MovementRow[]> {
  return q.query<MovementRow>(
    `select ${MOVEMENT_COLUMNS} from stock_movements
      where ($1::text is null or sku_id = $1) and ($2::text is null or location_id = $2)
        and ($3::text is null or kind = $3)
        and ($4::timestamptz is null or (occurred_at, id) < ($4::timestamptz, $5::text))
      order by occurred_at desc, id desc limit $6`,
    [
      filter.skuId ?? null,
      filter.locationId ?? null,
      filter.kind ?? null,
      after?.occurredAt ?? null,
      after?.id ?? null,
      limit,
    ],
  );
}

/** Units sold (sell movements, returns not netted) per SKU and location since `since`. */
export async function unitsSoldSince(
  q: Queryable,
  locationIds: readonly string[],
  since: Date,
): Promise<(SkuAt & { units: number })[]> {
  return q.query<SkuAt & { units: number }>(
    `select sku_id as "skuId", location_id as "locationId", (-sum(quantity))::integer as units
       from stock_movements
      where location_id = any($1) and kind = 'sell' and occurred_at >= $2
      group by sku_id, location_id`,
    [locationIds, since],
  );
}
