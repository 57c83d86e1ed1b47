// Booking pickup slots is atomic and idempotent under concurrency, on PGlite and (with DATABASE_URL)
// PostgreSQL: no slot is ever booked past its capacity.
import type { DomainError } from '@handla/core';
import { createTestDatabase, type Database, seedDemoData } from '@handla/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../context';
import { bookPickupSlot, releasePickupSlot, type SlotRequest } from './pickup.booking';

let db: Database;
let sthlm: string;
let gbg: string;
beforeAll(async () => {
  db = await createTestDatabase();
  const ctx = createContext(db);
  await seedDemoData(db, { hashPassword: async (p) => `fake$${p}`, now: ctx.clock(), newId: ctx.newId });
  const stores = await db.query<{ id: string; code: string }>('select id, code from stores');
  sthlm = stores.find((s) => s.code === 'STHLM')!.id;
  gbg = stores.find((s) => s.code === 'GBG')!.id;
});
afterAll(() => db.close());

// Tuesday 2026-12-01, 08:00 in Stockholm; Wednesday's 10:00 slot is 09:00 UTC.
const now = new Date('2026-12-01T07:00:00Z');
const WED_10 = '2026-12-02T09:00:00.000Z';
let orderSeq = 0;
const request = (over: Partial<SlotRequest> = {}): SlotRequest => ({
  storeId: sthlm,
  slot: WED_10,
  orderId: `ord_test_${++orderSeq}`,
  items: 1,
  now,
  ...over,
});
const book = (r: SlotRequest) => db.transaction((tx) => bookPickupSlot(tx, r));
const loadOf = async (storeId: string, startsAt: string) => {
  const [row] = await db.query<{ orders: number; items: number }>(
    'select orders, items from pickup_slot_load where store_id = $1 and starts_at = $2',
    [storeId, startsAt],
  );
  return row ?? { orders: 0, items: 0 };
};
const bookingsAt = async (storeId: string, startsAt: string) => {
  const [row] = await db.query<{ n: number }>(
    'select count(*)::integer as n from pickup_slot_bookings where store_id = $1 and starts_at = $2',
    [storeId, startsAt],
  );
  return row!.n;
};
const codeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'rejected' ? (r.reason as DomainError).code : 'booked';

describe('bookPickupSlot under concurrency', () => {
  it('lets exactly 6 of 20 concurrent transactions book a slot of 6 orders', async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => book(request())));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'booked')).toHaveLength(6);
    expect(codes.filter((c) => c === 'slot_full')).toHaveLength(14);
    expect(await loadOf(sthlm, WED_10)).toEqual({ orders: 6, items: 6 });
    expect(await bookingsAt(sthlm, WED_10)).toBe(6);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as DomainError).fields).toEqual([
      { field: 'fulfilment.slot', message: 'That pickup time has just been fully booked.' },
    ]);
  });

  it('holds the items capacity too: 5 of 12 concurrent 8-item orders fit in 40 items', async () => {
    const slot = '2026-12-02T09:15:00.000Z';
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => book(request({ slot, items: 8 }))),
    );
    expect(results.map(codeOf).filter((c) => c === 'booked')).toHaveLength(5);
    expect(await loadOf(sthlm, slot)).toEqual({ orders: 5, items: 40 });
  });

  it('books the same order once when it is retried concurrently, and every retry gets that booking', async () => {
    const slot = '2026-12-02T09:30:00.000Z';
    const same = request({ slot, items: 3 });
    const results = await Promise.all(Array.from({ length: 10 }, () => book(same)));
    for (const r of results)
      expect(r).toEqual({
        startsAt: new Date(slot),
        endsAt: new Date('2026-12-02T09:45:00Z'),
        asap: false,
        timeZone: 'Europe/Stockholm',
      });
    expect(await loadOf(sthlm, slot)).toEqual({ orders: 1, items: 3 });
    expect(await bookingsAt(sthlm, slot)).toBe(1);
  });

  it('leaves nothing booked when the checkout transaction rolls back', async () => {
    const slot = '2026-12-02T09:45:00.000Z';
    await expect(
      db.transaction(async (tx) => {
        await bookPickupSlot(tx, request({ slot }));
        throw new Error('payment failed');
      }),
    ).rejects.toThrow('payment failed');
    expect(await loadOf(sthlm, slot)).toEqual({ orders: 0, items: 0 });
  });
});

describe('bookPickupSlot refusals', () => {
  const refusal = async (over: Partial<SlotRequest>) => {
    const [result] = await Promise.allSettled([book(request(over))]);
    return result!.status === 'rejected' ? (result!.reason as DomainError) : null;
  };

  it.each([
    [
      'a closed day (Christmas Day)',
      { slot: '2026-12-25T10:00:00.000Z', now: new Date('2026-12-20T08:00:00Z') },
    ],
    ['a time that is no slot start', { slot: '2026-12-02T09:05:00.000Z' }],
    ['a time before opening', { slot: '2026-12-02T08:00:00.000Z' }],
    [
      'a time within the lead time',
      { slot: '2026-12-01T09:00:00.000Z', now: new Date('2026-12-01T08:45:00Z') },
    ],
    ['a time in the past', { slot: '2026-11-30T09:00:00.000Z' }],
    ['a time beyond the horizon', { slot: '2026-12-16T09:00:00.000Z' }],
    ['something that is not a time', { slot: 'tomorrow' }],
  ])('refuses %s with slot_unavailable naming fulfilment.slot', async (_, over) => {
    const error = await refusal(over);
    expect(error?.code).toBe('slot_unavailable');
    expect(error?.fields?.[0]?.field).toBe('fulfilment.slot');
  });

  it('refuses when the store has pickup switched off', async () => {
    await db.query('update pickup_settings set enabled = false where store_id = $1', [gbg]);
    expect((await refusal({ storeId: gbg }))?.code).toBe('slot_unavailable');
    await db.query('update pickup_settings set enabled = true where store_id = $1', [gbg]);
    expect(await refusal({ storeId: gbg })).toBeNull();
  });

  it('offers the short Christmas Eve hours only', async () => {
    const eve = { now: new Date('2026-12-20T08:00:00Z'), storeId: gbg };
    expect(await refusal({ ...eve, slot: '2026-12-24T11:45:00.000Z' })).toBeNull(); // 12:45 local
    expect((await refusal({ ...eve, slot: '2026-12-24T12:00:00.000Z' }))?.code).toBe('slot_unavailable');
  });
});

describe('asap and release', () => {
  it('books today’s first free slot for asap, skipping a full one', async () => {
    const morning = new Date('2026-12-03T09:00:00Z'); // Thursday 10:00; lead 30 min → 10:30 first
    const first = '2026-12-03T09:30:00.000Z';
    for (let i = 0; i < 6; i++) await book(request({ storeId: gbg, slot: first, now: morning }));
    const booked = await book(request({ storeId: gbg, slot: 'asap', now: morning }));
    expect(booked).toMatchObject({ startsAt: new Date('2026-12-03T09:45:00Z'), asap: true });
  });

  it('refuses asap after the last slot of the day', async () => {
    const evening = new Date('2026-12-03T16:50:00Z'); // 17:50 in Göteborg, which closes at 18:00
    const [result] = await Promise.allSettled([book(request({ storeId: gbg, slot: 'asap', now: evening }))]);
    expect(codeOf(result!)).toBe('slot_unavailable');
  });

  it('frees the capacity on release, and releasing twice or an unknown order changes nothing', async () => {
    const slot = '2026-12-02T10:00:00.000Z';
    const orders = Array.from({ length: 6 }, () => request({ slot, items: 2 }));
    for (const r of orders) await book(r);
    expect(codeOf((await Promise.allSettled([book(request({ slot }))]))[0]!)).toBe('slot_full');
    await db.transaction((tx) => releasePickupSlot(tx, orders[0]!.orderId));
    await db.transaction((tx) => releasePickupSlot(tx, orders[0]!.orderId));
    await db.transaction((tx) => releasePickupSlot(tx, 'ord_unknown'));
    expect(await loadOf(sthlm, slot)).toEqual({ orders: 5, items: 10 });
    await book(request({ slot }));
    expect(await loadOf(sthlm, slot)).toEqual({ orders: 6, items: 11 });
  });
});

describe('bookings across daylight-saving changes and asap under concurrency', () => {
  it('treats each instant of the repeated autumn hour as its own slot with its own capacity', async () => {
    const night = [{ weekday: 7, opens: '01:00', closes: '04:00' }];
    await db.query(
      `update pickup_settings set weekly_hours = $2::jsonb, capacity_orders = 1, exceptions = '[]' where store_id = $1`,
      [gbg, JSON.stringify(night)],
    );
    const saturday = new Date('2026-10-24T10:00:00Z');
    const first = await book(request({ storeId: gbg, slot: '2026-10-25T00:15:00.000Z', now: saturday }));
    const second = await book(request({ storeId: gbg, slot: '2026-10-25T01:15:00.000Z', now: saturday }));
    expect(first.endsAt).toEqual(new Date('2026-10-25T00:30:00Z')); // 02:15–02:30 summer time
    expect(second.endsAt).toEqual(new Date('2026-10-25T01:30:00Z')); // 02:15–02:30 winter time
    // In spring the clock jumps from 02:00 to 03:00: the 01:45 slot is followed directly by 03:00.
    const spring = new Date('2026-03-28T10:00:00Z');
    const beforeGap = await book(request({ storeId: gbg, slot: '2026-03-29T00:45:00.000Z', now: spring }));
    const afterGap = await book(request({ storeId: gbg, slot: '2026-03-29T01:00:00.000Z', now: spring }));
    expect(beforeGap.endsAt).toEqual(afterGap.startsAt);
    await db.query(
      `update pickup_settings set weekly_hours = (select opening_hours from stores where id = $1), capacity_orders = 6
        where store_id = $1`,
      [gbg],
    );
  });

  it('spreads 20 concurrent asap bookings over the earliest slots, never past 6 per slot', async () => {
    const friday = new Date('2026-12-04T09:00:00Z'); // 10:00 in Göteborg: slots from 10:30
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => book(request({ storeId: gbg, slot: 'asap', now: friday }))),
    );
    expect(results.map(codeOf).every((c) => c === 'booked')).toBe(true);
    const rows = await db.query<{ startsAt: Date; orders: number }>(
      `select starts_at as "startsAt", orders from pickup_slot_load
        where store_id = $1 and starts_at >= '2026-12-04T09:00:00Z' and starts_at < '2026-12-05T00:00:00Z'
        order by starts_at`,
      [gbg],
    );
    expect(rows.map((r) => r.orders)).toEqual([6, 6, 6, 2]);
    expect(new Date(rows[0]!.startsAt)).toEqual(new Date('2026-12-04T09:30:00Z'));
  });
});
