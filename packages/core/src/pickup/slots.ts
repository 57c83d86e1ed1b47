// Pickup slots from a store's rules: which exist on a date, which are offered (open, after the lead
// time, within the horizon, not full), "as soon as possible", and the dates worth showing.
//
// Slot starts are wall-clock times: opens, opens + slotMinutes, … A start that falls in the
// spring-forward gap (02:00–03:00 on the last Sunday of March in Stockholm) does not exist; a start
// in the repeated autumn hour exists twice, once per instant, each labelled with its local time.
// A slot lasts slotMinutes of real time and must end by the interval's closing instant.
import { addLocalDays, dayClock, isoWeekday, openingInstant, toWallClock, wallMinutes } from './wall-clock';

const MINUTE = 60_000;

/** One interval of opening hours in wall-clock "HH:MM". */
export interface PickupHours {
  opens: string;
  closes: string;
}

/** How a store offers pickup times; structurally the API's PickupSettings. */
export interface PickupRules {
  enabled: boolean;
  leadTimeMinutes: number;
  slotMinutes: number;
  capacityOrders: number | null;
  capacityItems: number | null;
  bookAheadDays: number;
  asapEnabled: boolean;
  weeklyHours: readonly (PickupHours & { weekday: number })[];
  exceptions: readonly { date: string; closed: boolean; opens: string | null; closes: string | null }[];
}

/** A slot's times: instants, and its local start and end for display. */
export interface SlotTime {
  startsAt: Date;
  endsAt: Date;
  localStart: string;
  localEnd: string;
}

/** What is already booked in a slot. */
export interface SlotLoad {
  orders: number;
  items: number;
}

/** A slot with the room left in it; null: no limit of that kind. */
export interface OfferedSlot extends SlotTime {
  remainingOrders: number | null;
  remainingItems: number | null;
}

/** Bookings per slot, keyed by the slot's start instant in milliseconds. */
export type LoadBySlot = ReadonlyMap<number, SlotLoad>;

/** The opening intervals on a local date: the exception for that date, else the weekday's hours. */
export function hoursOn(rules: PickupRules, date: string): PickupHours[] {
  const exception = rules.exceptions.find((e) => e.date === date);
  if (exception) {
    if (exception.closed || !exception.opens || !exception.closes) return [];
    return [{ opens: exception.opens, closes: exception.closes }];
  }
  const weekday = isoWeekday(date);
  return rules.weeklyHours
    .filter((h) => h.weekday === weekday)
    .map(({ opens, closes }) => ({ opens, closes }))
    .sort((a, b) => wallMinutes(a.opens) - wallMinutes(b.opens));
}

// Slot starts and ends in epoch milliseconds, in time order: the cheap part, for filtering before labelling.
function slotSpans(rules: PickupRules, date: string, timeZone: string) {
  const spans: { startMs: number; endMs: number }[] = [];
  const clock = dayClock(date, timeZone);
  for (const { opens, closes } of hoursOn(rules, date)) {
    const closesAt = clock.openingAt(wallMinutes(closes)).getTime();
    for (let start = wallMinutes(opens); start < wallMinutes(closes); start += rules.slotMinutes) {
      for (const startsAt of clock.instants(start)) {
        const endMs = startsAt.getTime() + rules.slotMinutes * MINUTE;
        if (endMs <= closesAt) spans.push({ startMs: startsAt.getTime(), endMs });
      }
    }
  }
  return { clock, spans: spans.sort((a, b) => a.startMs - b.startMs) };
}

function labelled(clock: ReturnType<typeof dayClock>, span: { startMs: number; endMs: number }): SlotTime {
  const startsAt = new Date(span.startMs);
  const endsAt = new Date(span.endMs);
  return { startsAt, endsAt, localStart: clock.timeAt(startsAt), localEnd: clock.timeAt(endsAt) };
}

/** Every slot that exists on a local date, in time order, ignoring the clock and bookings. */
export function slotsOn(rules: PickupRules, date: string, timeZone: string): SlotTime[] {
  const { clock, spans } = slotSpans(rules, date, timeZone);
  return spans.map((span) => labelled(clock, span));
}

/** When one may book at `now`: from now + lead time until the end of the last local date of the horizon. */
export interface BookingWindow {
  today: string;
  lastDate: string;
  earliestStartMs: number;
  endMs: number;
}

export function bookingWindow(rules: PickupRules, timeZone: string, now: Date): BookingWindow {
  const today = toWallClock(now, timeZone).date;
  const lastDate = addLocalDays(today, rules.bookAheadDays);
  return {
    today,
    lastDate,
    earliestStartMs: now.getTime() + rules.leadTimeMinutes * MINUTE,
    endMs: openingInstant(addLocalDays(lastDate, 1), 0, timeZone).getTime(),
  };
}

/** Why a slot cannot be booked in `window`, or null when it can (capacity aside). */
export function slotRefusal(
  rules: PickupRules,
  window: BookingWindow,
  slot: SlotTime,
): 'pickup_off' | 'too_soon' | 'beyond_horizon' | null {
  if (!rules.enabled) return 'pickup_off';
  if (slot.startsAt.getTime() < window.earliestStartMs) return 'too_soon';
  if (slot.startsAt.getTime() >= window.endMs) return 'beyond_horizon';
  return null;
}

/** Room left in a slot with `load` booked. */
export function remainingRoom(rules: PickupRules, load: SlotLoad | undefined) {
  return {
    remainingOrders: rules.capacityOrders === null ? null : rules.capacityOrders - (load?.orders ?? 0),
    remainingItems: rules.capacityItems === null ? null : rules.capacityItems - (load?.items ?? 0),
  };
}

/** True when a slot with `room` left takes one more order of `items` items. */
export function hasRoomFor(room: ReturnType<typeof remainingRoom>, items: number): boolean {
  return (
    (room.remainingOrders === null || room.remainingOrders >= 1) &&
    (room.remainingItems === null || room.remainingItems >= items)
  );
}

/** The slots offered on a date for an order of `items` items: open, after the lead time, in the horizon, with room. */
export function offeredSlots(
  rules: PickupRules,
  input: { date: string; timeZone: string; now: Date; load: LoadBySlot; items: number },
  window = bookingWindow(rules, input.timeZone, input.now),
): OfferedSlot[] {
  const { date, timeZone, load, items } = input;
  if (!rules.enabled || date < window.today || date > window.lastDate) return [];
  const { clock, spans } = slotSpans(rules, date, timeZone);
  return spans.flatMap((span) => {
    if (span.startMs < window.earliestStartMs || span.startMs >= window.endMs) return [];
    const room = remainingRoom(rules, load.get(span.startMs));
    return hasRoomFor(room, items) ? [{ ...labelled(clock, span), ...room }] : [];
  });
}

/** "As soon as possible": today's first offered slot, when the store offers asap. */
export function asapSlot(
  rules: PickupRules,
  input: { timeZone: string; now: Date; load: LoadBySlot; items: number },
): OfferedSlot | null {
  if (!rules.asapEnabled) return null;
  const { today } = bookingWindow(rules, input.timeZone, input.now);
  return offeredSlots(rules, { ...input, date: today })[0] ?? null;
}

/** The local dates from today to the horizon with a slot offered for an order of `items` items. */
export function openDates(
  rules: PickupRules,
  input: { timeZone: string; now: Date; load: LoadBySlot; items: number },
): string[] {
  if (!rules.enabled) return [];
  const window = bookingWindow(rules, input.timeZone, input.now);
  const dates: string[] = [];
  for (let day = 0; day <= rules.bookAheadDays; day++) {
    const date = addLocalDays(window.today, day);
    const { spans } = slotSpans(rules, date, input.timeZone);
    const isOffered = (span: { startMs: number }) =>
      span.startMs >= window.earliestStartMs &&
      span.startMs < window.endMs &&
      hasRoomFor(remainingRoom(rules, input.load.get(span.startMs)), input.items);
    if (spans.some(isOffered)) dates.push(date);
  }
  return dates;
}

/** The slot of this store starting at `startsAt`, or null when no slot starts then. */
export function slotStartingAt(rules: PickupRules, timeZone: string, startsAt: Date): SlotTime | null {
  const date = toWallClock(startsAt, timeZone).date;
  return slotsOn(rules, date, timeZone).find((s) => s.startsAt.getTime() === startsAt.getTime()) ?? null;
}
