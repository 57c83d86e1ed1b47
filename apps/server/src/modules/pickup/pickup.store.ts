// SQL for the pickup tables: settings per store, bookings per order and the load per slot.
import type { PickupException, PickupSettings, PickupWeekdayHours } from '@handla/api';
import type { SlotLoad } from '@handla/core';
import type { Queryable } from '@handla/db';

/** A store's pickup settings and its time zone; `version` 0 means the store has none saved yet. */
export interface SettingsRow extends PickupSettings {
  timeZone: string;
}

// A store without a row has pickup off, on the defaults of the table.
const SETTINGS_COLUMNS = `s.id as "storeId", s.time_zone as "timeZone",
  coalesce(p.enabled, false) as enabled, coalesce(p.lead_time_minutes, 30) as "leadTimeMinutes",
  coalesce(p.slot_minutes, 15) as "slotMinutes", p.capacity_orders as "capacityOrders",
  p.capacity_items as "capacityItems", coalesce(p.book_ahead_days, 14) as "bookAheadDays",
  coalesce(p.asap_enabled, true) as "asapEnabled", coalesce(p.pay_in_store_allowed, false) as "payInStoreAllowed",
  p.reminder_minutes_before as "reminderMinutesBefore", coalesce(p.collect_within_days, 7) as "collectWithinDays",
  coalesce(p.weekly_hours, '[]'::jsonb) as "weeklyHours", coalesce(p.exceptions, '[]'::jsonb) as exceptions,
  coalesce(p.version, 0) as version`;

/** The store's settings (defaults when it has none), or null when there is no such store. */
export async function findSettings(q: Queryable, storeId: string): Promise<SettingsRow | null> {
  const [row] = await q.query<SettingsRow>(
    `select ${SETTINGS_COLUMNS} from stores s left join pickup_settings p on p.store_id = s.id where s.id = $1`,
    [storeId],
  );
  return row ?? null;
}

/**
 * The store's settings and the load of every slot from `from` to past the end of its horizon, in
 * one round trip (the shop's slot list is the hot path); null when there is no such store.
 */
export async function findSettingsWithLoad(
  q: Queryable,
  storeId: string,
  from: Date,
): Promise<{ settings: SettingsRow; load: LoadMap } | null> {
  const [row] = await q.query<SettingsRow & { load: { startsAt: string; orders: number; items: number }[] }>(
    `select ${SETTINGS_COLUMNS},
            coalesce((select json_agg(json_build_object('startsAt', l.starts_at, 'orders', l.orders, 'items', l.items))
                        from pickup_slot_load l
                       where l.store_id = s.id and l.starts_at >= $2
                         and l.starts_at < $2::timestamptz + (coalesce(p.book_ahead_days, 14) + 2) * interval '1 day'),
                     '[]'::json) as load
       from stores s left join pickup_settings p on p.store_id = s.id where s.id = $1`,
    [storeId, from],
  );
  if (!row) return null;
  const { load, ...settings } = row;
  return {
    settings,
    load: new Map(load.map((l) => [Date.parse(l.startsAt), { orders: l.orders, items: l.items }])),
  };
}

/** The settings to write; everything but the store and version. */
export type SettingsValues = Omit<PickupSettings, 'storeId' | 'version'> & {
  weeklyHours: PickupWeekdayHours[];
  exceptions: PickupException[];
};

const VALUE_COLUMNS = `enabled, lead_time_minutes, slot_minutes, capacity_orders, capacity_items, book_ahead_days,
  asap_enabled, pay_in_store_allowed, reminder_minutes_before, collect_within_days, weekly_hours, exceptions`;

function valueParams(v: SettingsValues): unknown[] {
  return [
    v.enabled,
    v.leadTimeMinutes,
    v.slotMinutes,
    v.capacityOrders,
    v.capacityItems,
    v.bookAheadDays,
    v.asapEnabled,
    v.payInStoreAllowed,
    v.reminderMinutesBefore,
    v.collectWithinDays,
    JSON.stringify(v.weeklyHours),
    JSON.stringify(v.exceptions),
  ];
}

/**
 * Writes the settings if they are still at `version` (0: none saved yet) and returns the new
 * version, or null when someone else saved first.
 */
export async function saveSettings(
  q: Queryable,
  storeId: string,
  version: number,
  values: SettingsValues,
  by: string,
  at: Date,
): Promise<number | null> {
  const params = [...valueParams(values), storeId, version, by, at];
  const rows =
    version === 0
      ? await q.query<{ version: number }>(
          `insert into pickup_settings (${VALUE_COLUMNS}, store_id, version, updated_by, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 + 1, $15, $16)
           on conflict (store_id) do nothing returning version`,
          params,
        )
      : await q.query<{ version: number }>(
          `update pickup_settings set (${VALUE_COLUMNS}, version, updated_by, updated_at) =
             ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, version + 1, $15, $16)
           where store_id = $13 and version = $14 returning version`,
          params,
        );
  return rows[0]?.version ?? null;
}

/** Booked orders and items per slot, keyed by the slot's start in milliseconds. */
export type LoadMap = Map<number, SlotLoad>;

/** Booked orders and items per slot starting in [from, to). */
export async function loadBetween(q: Queryable, storeId: string, from: Date, to: Date): Promise<LoadMap> {
  const rows = await q.query<{ startsAt: Date; orders: number; items: number }>(
    `select starts_at as "startsAt", orders, items from pickup_slot_load
      where store_id = $1 and starts_at >= $2 and starts_at < $3`,
    [storeId, from, to],
  );
  return new Map(rows.map((r) => [new Date(r.startsAt).getTime(), { orders: r.orders, items: r.items }]));
}

/**
 * Adds one order of `items` items to the slot unless that would pass a capacity (null: no limit).
 * The upsert takes the slot's row lock and rechecks the condition on the latest row, so concurrent
 * bookings of one slot queue here and never over-book. True when added.
 */
export async function addToSlot(
  q: Queryable,
  slot: { storeId: string; startsAt: Date; items: number },
  capacity: { orders: number | null; items: number | null },
): Promise<boolean> {
  if (capacity.items !== null && slot.items > capacity.items) return false;
  const rows = await q.query(
    `insert into pickup_slot_load as l (store_id, starts_at, orders, items) values ($1, $2, 1, $3)
     on conflict (store_id, starts_at) do update set orders = l.orders + 1, items = l.items + excluded.items
       where ($4::integer is null or l.orders + 1 <= $4) and ($5::integer is null or l.items + excluded.items <= $5)
     returning orders`,
    [slot.storeId, slot.startsAt, slot.items, capacity.orders, capacity.items],
  );
  return rows.length > 0;
}

/** Takes one order of `items` items off the slot. */
export async function removeFromSlot(
  q: Queryable,
  slot: { storeId: string; startsAt: Date; items: number },
): Promise<void> {
  await q.query(
    `update pickup_slot_load set orders = greatest(orders - 1, 0), items = greatest(items - $3, 0)
      where store_id = $1 and starts_at = $2`,
    [slot.storeId, slot.startsAt, slot.items],
  );
}

export interface BookingRow {
  orderId: string;
  storeId: string;
  startsAt: Date;
  endsAt: Date;
  isAsap: boolean;
  items: number;
}

const BOOKING_COLUMNS = `order_id as "orderId", store_id as "storeId", starts_at as "startsAt",
  ends_at as "endsAt", is_asap as "isAsap", items`;

export async function findBooking(q: Queryable, orderId: string): Promise<BookingRow | null> {
  const [row] = await q.query<BookingRow>(
    `select ${BOOKING_COLUMNS} from pickup_slot_bookings where order_id = $1`,
    [orderId],
  );
  return row ?? null;
}

/**
 * Inserts the order's booking unless it has one. A concurrent insert for the same order waits here
 * for the first to commit or roll back. True when inserted.
 */
export async function insertBooking(q: Queryable, b: BookingRow, at: Date): Promise<boolean> {
  const rows = await q.query(
    `insert into pickup_slot_bookings (order_id, store_id, starts_at, ends_at, is_asap, items, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (order_id) do nothing returning order_id`,
    [b.orderId, b.storeId, b.startsAt, b.endsAt, b.isAsap, b.items, at],
  );
  return rows.length > 0;
}

/** Deletes the order's booking and returns it, or null when it had none. */
export async function deleteBooking(q: Queryable, orderId: string): Promise<BookingRow | null> {
  const [row] = await q.query<BookingRow>(
    `delete from pickup_slot_bookings where order_id = $1 returning ${BOOKING_COLUMNS}`,
    [orderId],
  );
  return row ?? null;
}
