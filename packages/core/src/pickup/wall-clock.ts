// Wall clock ↔ instant in an IANA time zone, DST-aware. A local date is "YYYY-MM-DD" and a wall
// time "HH:MM"; calendar arithmetic on local dates uses UTC fields so it never meets a DST change.
import { tzOffset } from '@date-fns/tz';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Minutes since midnight of an "HH:MM" wall time. */
export function wallMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** "HH:MM" of minutes since midnight (0 ≤ minutes < 1440). */
export function formatWallMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function parseLocalDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

/** True when "YYYY-MM-DD" names a real calendar date (no 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  return new Date(parseLocalDate(date)).toISOString().slice(0, 10) === date;
}

/** The local date `days` after `date` (negative: before). */
export function addLocalDays(date: string, days: number): string {
  return new Date(parseLocalDate(date) + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(parseLocalDate(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The instant as the time zone's wall clock: local date and "HH:MM". */
export function toWallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const shifted = new Date(instant.getTime() + tzOffset(timeZone, instant) * MINUTE).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/**
 * Every instant at which the wall clock in `timeZone` shows `date` at `minutes` past midnight:
 * none inside a spring-forward gap, two inside the repeated autumn hour (earlier first), else one.
 */
export function wallClockInstants(date: string, minutes: number, timeZone: string): Date[] {
  const asIfUtc = parseLocalDate(date) + minutes * MINUTE;
  // The offsets in force half a day either side cover every DST change that could affect this time.
  const offsets = new Set(
    [-12, 0, 12].map((hours) => tzOffset(timeZone, new Date(asIfUtc + hours * 60 * MINUTE))),
  );
  const instants: number[] = [];
  for (const offset of offsets) {
    const candidate = asIfUtc - offset * MINUTE;
    if (tzOffset(timeZone, new Date(candidate)) === offset && !instants.includes(candidate)) {
      instants.push(candidate);
    }
  }
  return instants.sort((a, b) => a - b).map((ms) => new Date(ms));
}

/**
 * The instant a wall time on a date means for opening hours: inside a gap, the moment the clock
 * jumps to (the first instant after it); inside the repeated hour, the earlier one.
 */
export function openingInstant(date: string, minutes: number, timeZone: string): Date {
  for (let probe = minutes; probe < minutes + 24 * 60; probe++) {
    const [first] = wallClockInstants(date, probe, timeZone);
    if (first) return first;
  }
  throw new Error(`No instant for ${date} in ${timeZone}`);
}

/** Conversions for one local date, with a fast path for the (almost every) day without a DST change. */
export interface DayClock {
  /** As `wallClockInstants` for this date. */
  instants(minutes: number): Date[];
  /** As `openingInstant` for this date. */
  openingAt(minutes: number): Date;
  /** "HH:MM" on the wall clock at an instant near this date. */
  timeAt(instant: Date): string;
}

export function dayClock(date: string, timeZone: string): DayClock {
  const midnight = parseLocalDate(date);
  // Same offset from before this day's start to after its end (any zone): no change in between.
  const before = tzOffset(timeZone, new Date(midnight - 14 * 60 * MINUTE));
  const after = tzOffset(timeZone, new Date(midnight + 38 * 60 * MINUTE));
  if (before !== after) {
    return {
      instants: (minutes) => wallClockInstants(date, minutes, timeZone),
      openingAt: (minutes) => openingInstant(date, minutes, timeZone),
      timeAt: (instant) => toWallClock(instant, timeZone).time,
    };
  }
  return {
    instants: (minutes) => [new Date(midnight + (minutes - before) * MINUTE)],
    openingAt: (minutes) => new Date(midnight + (minutes - before) * MINUTE),
    timeAt: (instant) => new Date(instant.getTime() + before * MINUTE).toISOString().slice(11, 16),
  };
}
