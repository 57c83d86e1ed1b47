import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asapSlot,
  hoursOn,
  offeredSlots,
  openDates,
  type PickupRules,
  slotStartingAt,
  slotsOn,
} from './slots';
import { addLocalDays, toWallClock, wallClockInstants } from './wall-clock';

const TZ = 'Europe/Stockholm';
const everyDay = (opens: string, closes: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }));

const rules = (over: Partial<PickupRules> = {}): PickupRules => ({
  enabled: true,
  leadTimeMinutes: 30,
  slotMinutes: 15,
  capacityOrders: 6,
  capacityItems: 40,
  bookAheadDays: 14,
  asapEnabled: true,
  weeklyHours: everyDay('10:00', '19:00'),
  exceptions: [],
  ...over,
});
const none = new Map();
const iso = (d: Date) => d.toISOString();

describe('wall clock in Europe/Stockholm', () => {
  it('has no instant for 02:30 on 2026-03-29 and two for 02:30 on 2026-10-25', () => {
    expect(wallClockInstants('2026-03-29', 150, TZ)).toEqual([]);
    expect(wallClockInstants('2026-10-25', 150, TZ).map(iso)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
    expect(wallClockInstants('2026-07-01', 600, TZ).map(iso)).toEqual(['2026-07-01T08:00:00.000Z']);
  });
});

describe('slotsOn across daylight-saving changes', () => {
  const night = rules({ weeklyHours: everyDay('01:00', '04:00'), slotMinutes: 30 });

  it('leaves out starts in the spring gap on 2026-03-29', () => {
    const slots = slotsOn(night, '2026-03-29', TZ);
    expect(slots.map((s) => s.localStart)).toEqual(['01:00', '01:30', '03:00', '03:30']);
    expect(slots.map((s) => iso(s.startsAt))).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
    // The 01:30 slot lasts 30 real minutes: it ends when the clock jumps to 03:00.
    expect(slots[1]!.localEnd).toBe('03:00');
  });

  it('offers each instant of the repeated hour on 2026-10-25 as its own slot', () => {
    const slots = slotsOn(night, '2026-10-25', TZ);
    expect(slots.map((s) => s.localStart)).toEqual([
      '01:00',
      '01:30',
      '02:00',
      '02:30',
      '02:00',
      '02:30',
      '03:00',
      '03:30',
    ]);
    const starts = slots.map((s) => s.startsAt.getTime());
    expect(new Set(starts).size).toBe(starts.length);
    for (let i = 1; i < slots.length; i++) expect(slots[i]!.startsAt).toEqual(slots[i - 1]!.endsAt);
  });

  it('gives ordinary store hours the right UTC offsets either side of each change', () => {
    expect(iso(slotsOn(rules(), '2026-03-28', TZ)[0]!.startsAt)).toBe('2026-03-28T09:00:00.000Z');
    expect(iso(slotsOn(rules(), '2026-03-29', TZ)[0]!.startsAt)).toBe('2026-03-29T08:00:00.000Z');
    expect(iso(slotsOn(rules(), '2026-10-25', TZ)[0]!.startsAt)).toBe('2026-10-25T09:00:00.000Z');
    expect(slotsOn(rules(), '2026-10-25', TZ)).toHaveLength(36);
  });

  it('ends the last slot by closing time, dropping a slot that would run past it', () => {
    const slots = slotsOn(
      rules({ weeklyHours: everyDay('10:00', '11:10'), slotMinutes: 20 }),
      '2026-05-04',
      TZ,
    );
    expect(slots.map((s) => `${s.localStart}-${s.localEnd}`)).toEqual([
      '10:00-10:20',
      '10:20-10:40',
      '10:40-11:00',
    ]);
  });

  it('uses an exception instead of the weekday, and two intervals on one day', () => {
    const lunch = rules({
      weeklyHours: [
        { weekday: 4, opens: '13:00', closes: '14:00' },
        { weekday: 4, opens: '10:00', closes: '11:00' },
      ],
      exceptions: [
        { date: '2026-12-24', closed: false, opens: '10:00', closes: '13:00' },
        { date: '2026-12-31', closed: true, opens: null, closes: null },
      ],
    });
    expect(hoursOn(lunch, '2026-12-24')).toEqual([{ opens: '10:00', closes: '13:00' }]);
    expect(slotsOn(lunch, '2026-12-31', TZ)).toEqual([]);
    const thursday = slotsOn(lunch, '2026-12-17', TZ).map((s) => s.localStart);
    expect(thursday).toEqual(['10:00', '10:15', '10:30', '10:45', '13:00', '13:15', '13:30', '13:45']);
  });
});

describe('offeredSlots', () => {
  const now = new Date('2026-05-04T10:05:00Z'); // Monday 12:05 in Stockholm

  it('starts at now + lead time and skips full slots or slots without room for the items', () => {
    const load = new Map([
      [Date.parse('2026-05-04T10:45:00Z'), { orders: 6, items: 6 }],
      [Date.parse('2026-05-04T11:00:00Z'), { orders: 1, items: 38 }],
    ]);
    const slots = offeredSlots(rules(), { date: '2026-05-04', timeZone: TZ, now, load, items: 3 });
    // 12:35 is the earliest; 12:45 is full and 13:00 has room for 2 items only.
    expect(slots[0]).toMatchObject({ localStart: '13:15', remainingOrders: 6, remainingItems: 40 });
    const one = offeredSlots(rules(), { date: '2026-05-04', timeZone: TZ, now, load, items: 2 });
    expect(one[0]).toMatchObject({ localStart: '13:00', remainingOrders: 5, remainingItems: 2 });
  });

  it('offers nothing beyond the horizon, in the past, or when pickup is off', () => {
    const input = { timeZone: TZ, now, load: none, items: 1 };
    expect(offeredSlots(rules(), { ...input, date: '2026-05-18' })).toHaveLength(36);
    expect(offeredSlots(rules(), { ...input, date: '2026-05-19' })).toEqual([]);
    expect(offeredSlots(rules(), { ...input, date: '2026-05-03' })).toEqual([]);
    expect(offeredSlots(rules({ enabled: false }), { ...input, date: '2026-05-05' })).toEqual([]);
  });

  it('gives asap as today’s first offered slot, and open dates up to the horizon', () => {
    const input = { timeZone: TZ, now, load: none, items: 1 };
    expect(asapSlot(rules(), input)?.localStart).toBe('12:45');
    expect(asapSlot(rules({ asapEnabled: false }), input)).toBeNull();
    const late = { ...input, now: new Date('2026-05-04T17:00:00Z') };
    expect(asapSlot(rules(), late)).toBeNull();
    expect(openDates(rules(), late)[0]).toBe('2026-05-05');
    expect(openDates(rules(), input)).toHaveLength(15);
  });
});

describe('slot properties', () => {
  const hhmm = fc.integer({ min: 0, max: 23 * 60 + 59 });
  const settings = fc
    .record({ a: hhmm, b: hhmm, slotMinutes: fc.integer({ min: 5, max: 180 }) })
    .filter(({ a, b }) => a !== b)
    .map(({ a, b, slotMinutes }) => {
      const f = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return rules({ weeklyHours: everyDay(f(Math.min(a, b)), f(Math.max(a, b))), slotMinutes });
    });
  const date = fc.integer({ min: 0, max: 800 }).map((n) => addLocalDays('2026-01-01', n));

  it('every slot is slotMinutes long, on its date, inside the hours, labelled with its local time, in order', () => {
    fc.assert(
      fc.property(settings, date, (r, d) => {
        const slots = slotsOn(r, d, TZ);
        const { opens, closes } = r.weeklyHours[0]!;
        slots.forEach((s, i) => {
          expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(r.slotMinutes * 60_000);
          expect(toWallClock(s.startsAt, TZ)).toEqual({ date: d, time: s.localStart });
          expect(s.localStart >= opens).toBe(true);
          if (i > 0) expect(s.startsAt.getTime()).toBeGreaterThan(slots[i - 1]!.startsAt.getTime());
          expect(slotStartingAt(r, TZ, s.startsAt)).toEqual(s);
        });
        // On a day without a DST change, the count is whole slots between opening and closing.
        const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
        if (!['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'].includes(d)) {
          expect(slots).toHaveLength(Math.floor((minutes(closes) - minutes(opens)) / r.slotMinutes));
        }
      }),
    );
  });

  it('offers only future, non-full slots after the lead time', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.integer({ min: 0, max: 120 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 36, maxLength: 36 }),
        (d, minute, lead, orders) => {
          const now = new Date(Date.parse(`${d}T00:00:00Z`) + minute * 60_000);
          const r = rules({ leadTimeMinutes: lead });
          const all = slotsOn(r, d, TZ);
          const load = new Map(
            all.map((s, i) => [s.startsAt.getTime(), { orders: orders[i]!, items: orders[i]! }]),
          );
          for (const s of offeredSlots(r, { date: d, timeZone: TZ, now, load, items: 1 })) {
            expect(s.startsAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + lead * 60_000);
            expect(s.remainingOrders).toBeGreaterThan(0);
            expect(s.remainingOrders).toBe(6 - load.get(s.startsAt.getTime())!.orders);
          }
        },
      ),
    );
  });
});
