// The pickup part of the demo data: both stores offer click & collect on their opening hours, in
// 15-minute slots of 6 orders / 40 items, 30 minutes' lead time, 14 days ahead; paying in the store
// is allowed in Stockholm only. Christmas Eve is a short day and Christmas Day closed.
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';

/** The demo's exceptions to the weekly hours, the same for both stores. */
export const DEMO_PICKUP_EXCEPTIONS = [
  { date: '2026-12-24', closed: false, opens: '10:00', closes: '13:00', note: 'Julafton' },
  { date: '2026-12-25', closed: true, opens: null, closes: null, note: 'Juldagen' },
] as const;

/** Writes (or resets) the pickup settings of every demo store. */
export async function seedDemoPickup(tx: Queryable, deps: Pick<DemoSeedDeps, 'now'>): Promise<void> {
  await tx.query(
    `insert into pickup_settings (store_id, enabled, lead_time_minutes, slot_minutes, capacity_orders,
            capacity_items, book_ahead_days, asap_enabled, pay_in_store_allowed, reminder_minutes_before,
            collect_within_days, weekly_hours, exceptions, version, updated_at)
     select id, true, 30, 15, 6, 40, 14, true, code = 'STHLM', 120, 7, opening_hours, $1::jsonb, 1, $2
       from stores
     on conflict (store_id) do update set
       enabled = excluded.enabled, lead_time_minutes = excluded.lead_time_minutes,
       slot_minutes = excluded.slot_minutes, capacity_orders = excluded.capacity_orders,
       capacity_items = excluded.capacity_items, book_ahead_days = excluded.book_ahead_days,
       asap_enabled = excluded.asap_enabled, pay_in_store_allowed = excluded.pay_in_store_allowed,
       reminder_minutes_before = excluded.reminder_minutes_before,
       collect_within_days = excluded.collect_within_days, weekly_hours = excluded.weekly_hours,
       exceptions = excluded.exceptions, updated_at = excluded.updated_at`,
    [JSON.stringify(DEMO_PICKUP_EXCEPTIONS), deps.now],
  );
}
