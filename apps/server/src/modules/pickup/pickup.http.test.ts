import type { PickupSettings, PickupSlotDay } from '@handla/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';

let t: TestApp;
let manager: string; // Stockholm
let owner: string;
let cashier: string;
const store: Record<string, string> = {};
let clockAt = new Date('2026-12-01T07:00:00Z'); // Tuesday 08:00 in Stockholm

beforeAll(async () => {
  t = await createTestApp();
  t.ctx.clock = () => clockAt;
  manager = await signIn(t.app, 'manager');
  owner = await signIn(t.app, 'owner');
  cashier = await signIn(t.app, 'cashier');
  for (const row of await t.ctx.db.query<{ id: string; code: string }>('select id, code from stores')) {
    store[row.code] = row.id;
  }
});
afterAll(() => t.close());

const slots = (storeCode: string, query = '') =>
  t.app.inject({ url: `/api/stores/${store[storeCode] ?? storeCode}/pickup-slots${query}` });
const settingsUrl = (storeCode: string) => `/api/stores/${store[storeCode]}/pickup-settings`;
const getSettings = async (storeCode: string, cookie = manager) =>
  (await t.app.inject({ url: settingsUrl(storeCode), headers: { cookie } })).json() as PickupSettings;
const put = (storeCode: string, payload: object, cookie = manager) =>
  t.app.inject({ method: 'PUT', url: settingsUrl(storeCode), payload, headers: { cookie } });
const bodyOf = ({ storeId: _, ...rest }: PickupSettings) => rest;
const updatedEvents = async (storeId: string) =>
  (
    await t.ctx.db.query<{ n: number }>(
      `select count(*)::integer as n from outbox_events where type = 'pickup_settings.updated' and store_id = $1`,
      [storeId],
    )
  )[0]!.n;

describe('GET /api/stores/:storeId/pickup-slots', () => {
  it('lists today’s free slots after the lead time, asap and the open dates, without sign-in', async () => {
    const response = await slots('STHLM');
    expect(response.statusCode).toBe(200);
    const day = response.json() as PickupSlotDay;
    expect(day).toMatchObject({ date: '2026-12-01', timeZone: 'Europe/Stockholm' });
    expect(day.slots).toHaveLength(36); // 10:00–19:00 in 15-minute slots
    expect(day.slots[0]).toEqual({
      startsAt: '2026-12-01T09:00:00.000Z',
      endsAt: '2026-12-01T09:15:00.000Z',
      localStart: '10:00',
      localEnd: '10:15',
      remainingOrders: 6,
      remainingItems: 40,
    });
    expect(day.asap).toEqual(day.slots[0]);
    expect(day.openDates).toHaveLength(15);
    expect(day.openDates.at(-1)).toBe('2026-12-15');
  });

  it('leaves out slots without room for the cart, and the whole day when it is closed', async () => {
    expect(((await slots('STHLM', '?date=2026-12-02&items=41')).json() as PickupSlotDay).slots).toEqual([]);
    clockAt = new Date('2026-12-20T08:00:00Z');
    const christmas = (await slots('GBG', '?date=2026-12-25')).json() as PickupSlotDay;
    expect(christmas.slots).toEqual([]);
    expect(christmas.openDates).not.toContain('2026-12-25');
    const eve = (await slots('GBG', '?date=2026-12-24')).json() as PickupSlotDay;
    expect(eve.slots.map((s) => s.localStart).at(-1)).toBe('12:45');
    clockAt = new Date('2026-12-01T07:00:00Z');
  });

  it('tells the shop whether the store takes payment at pickup (demo: Stockholm yes, Göteborg no)', async () => {
    expect(((await slots('STHLM')).json() as PickupSlotDay).payInStoreAllowed).toBe(true);
    expect(((await slots('GBG')).json() as PickupSlotDay).payInStoreAllowed).toBe(false);
  });

  it('answers 400 naming the field for a bad date or item count, and 404 for an unknown store', async () => {
    const bad = await slots('STHLM', '?date=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'date', message: 'Not a calendar date' }]);
    expect((await slots('STHLM', '?items=0')).statusCode).toBe(400);
    expect((await slots('sto_nope')).statusCode).toBe(404);
  });
});

describe('pickup settings', () => {
  it('shows the seeded settings to staff, not to the public', async () => {
    const settings = await getSettings('STHLM', cashier);
    expect(settings).toMatchObject({
      enabled: true,
      leadTimeMinutes: 30,
      slotMinutes: 15,
      capacityOrders: 6,
      capacityItems: 40,
      bookAheadDays: 14,
      asapEnabled: true,
      payInStoreAllowed: true,
      reminderMinutesBefore: 120,
      collectWithinDays: 7,
      version: 1,
    });
    expect(settings.exceptions.map((e) => e.date)).toEqual(['2026-12-24', '2026-12-25']);
    expect((await getSettings('GBG')).payInStoreAllowed).toBe(false);
    expect((await t.app.inject({ url: settingsUrl('STHLM') })).statusCode).toBe(401);
  });

  it('lets the store’s manager save with the current version, emits the event and changes the slots', async () => {
    const current = await getSettings('STHLM');
    const response = await put('STHLM', { ...bodyOf(current), slotMinutes: 30 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ slotMinutes: 30, version: current.version + 1 });
    expect(await updatedEvents(store.STHLM!)).toBe(1);
    expect(((await slots('STHLM', '?date=2026-12-02')).json() as PickupSlotDay).slots).toHaveLength(18);
  });

  it('refuses a stale version with 409 version_conflict and keeps the newer settings', async () => {
    const current = await getSettings('STHLM');
    const stale = await put('STHLM', { ...bodyOf(current), version: current.version - 1, slotMinutes: 60 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect(await getSettings('STHLM')).toEqual(current);
  });

  it('refuses a manager of another store (403), lets the owner, and refuses cashiers', async () => {
    const gbg = await getSettings('GBG');
    expect((await put('GBG', { ...bodyOf(gbg), leadTimeMinutes: 60 })).statusCode).toBe(403);
    expect((await put('GBG', { ...bodyOf(gbg), leadTimeMinutes: 60 }, cashier)).statusCode).toBe(403);
    const byOwner = await put('GBG', { ...bodyOf(gbg), leadTimeMinutes: 60 }, owner);
    expect(byOwner.statusCode).toBe(200);
    expect(byOwner.json()).toMatchObject({ leadTimeMinutes: 60, version: gbg.version + 1 });
  });

  it('answers 400 naming the field for inconsistent hours or exceptions, and changes nothing', async () => {
    const current = await getSettings('STHLM');
    const events = await updatedEvents(store.STHLM!);
    const cases: [object, string][] = [
      [
        {
          weeklyHours: [
            { weekday: 1, opens: '10:00', closes: '18:00' },
            { weekday: 2, opens: '12:00', closes: '09:00' },
          ],
        },
        'weeklyHours[1].closes',
      ],
      [
        {
          weeklyHours: [
            { weekday: 3, opens: '10:00', closes: '14:00' },
            { weekday: 3, opens: '13:00', closes: '18:00' },
          ],
        },
        'weeklyHours[1].opens',
      ],
      [
        {
          exceptions: [
            { date: '2026-12-31', closed: true },
            { date: '2026-12-31', closed: true },
          ],
        },
        'exceptions[1].date',
      ],
      [{ exceptions: [{ date: '2026-12-31', closed: false, opens: '10:00' }] }, 'exceptions[0].closes'],
    ];
    for (const [change, field] of cases) {
      const response = await put('STHLM', { ...bodyOf(current), ...change });
      expect(response.statusCode, field).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const unknownField = await put('STHLM', { ...bodyOf(current), colour: 'red' });
    expect(unknownField.statusCode).toBe(400);
    expect(await getSettings('STHLM')).toEqual(current);
    expect(await updatedEvents(store.STHLM!)).toBe(events);
  });
});

describe('GET /api/stores/:storeId/pickup-load', () => {
  it('shows every slot with its bookings, full ones included, to staff only', async () => {
    const startsAt = '2026-12-03T09:00:00.000Z'; // Göteborg, Thursday 10:00
    await t.ctx.db.query(
      `insert into pickup_slot_load (store_id, starts_at, orders, items) values ($1, $2, 6, 9)`,
      [store.GBG, startsAt],
    );
    const url = `/api/stores/${store.GBG}/pickup-load?date=2026-12-03&days=2`;
    const response = await t.app.inject({ url, headers: { cookie: cashier } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.days.map((d: { date: string }) => d.date)).toEqual(['2026-12-03', '2026-12-04']);
    expect(body.days[0].slots[0]).toMatchObject({
      startsAt,
      localStart: '10:00',
      bookedOrders: 6,
      bookedItems: 9,
      capacityOrders: 6,
    });
    expect(body.days[0].slots[1]).toMatchObject({ bookedOrders: 0, bookedItems: 0 });
    const publicDay = (await slots('GBG', '?date=2026-12-03')).json() as PickupSlotDay;
    expect(publicDay.slots.map((s) => s.startsAt)).not.toContain(startsAt);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });
});
