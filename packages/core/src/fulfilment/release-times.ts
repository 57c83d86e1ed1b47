// When a location's delivery orders are released to picking: at once, or at batch times on the
// warehouse's wall clock (Europe/Stockholm), DST-correct.
import { DomainError } from '../errors';
import { addLocalDays, toWallClock, wallClockInstants, wallMinutes } from '../pickup/wall-clock';

/** The time zone batch times are read in. */
export const RELEASE_TIME_ZONE = 'Europe/Stockholm';

export type ReleaseMode = 'immediate' | 'batches';

/** How a location releases orders; `batchTimes` are "HH:MM" wall times. */
export interface ReleaseSettings {
  mode: ReleaseMode;
  batchTimes: readonly string[];
}

/**
 * The batch times sorted, or 400 naming `batchTimes`: batches need at least one time, and a time
 * may not repeat.
 */
export function checkReleaseSettings(settings: ReleaseSettings): string[] {
  const sorted = [...settings.batchTimes].sort();
  if (settings.mode === 'batches' && sorted.length === 0) {
    throw new DomainError('validation_failed', 'Batch release needs at least one time.', [
      { field: 'batchTimes', message: 'Add at least one time' },
    ]);
  }
  const repeated = sorted.find((time, i) => i > 0 && sorted[i - 1] === time);
  if (repeated) {
    throw new DomainError('validation_failed', `The time ${repeated} is given twice.`, [
      { field: 'batchTimes', message: `${repeated} repeats` },
    ]);
  }
  return sorted;
}

// A wall time that does not exist (inside the spring-forward gap) happens when the clock jumps;
// a repeated one (autumn) happens the first time.
function batchInstant(date: string, time: string, timeZone: string): Date {
  const minutes = wallMinutes(time);
  const [first] = wallClockInstants(date, minutes, timeZone);
  if (first) return first;
  return wallClockInstants(date, minutes + 60, timeZone)[0]!;
}

function batchInstantsAround(now: Date, times: readonly string[], timeZone: string): Date[] {
  const today = toWallClock(now, timeZone).date;
  return [-1, 0, 1]
    .flatMap((days) => times.map((time) => batchInstant(addLocalDays(today, days), time, timeZone)))
    .sort((a, b) => a.getTime() - b.getTime());
}

/** The latest batch instant at or before `now`, or null without batch times. */
export function previousBatchAt(
  now: Date,
  times: readonly string[],
  timeZone = RELEASE_TIME_ZONE,
): Date | null {
  return batchInstantsAround(now, times, timeZone).findLast((at) => at <= now) ?? null;
}

/** The first batch instant after `now`, or null without batch times. */
export function nextBatchAt(now: Date, times: readonly string[], timeZone = RELEASE_TIME_ZONE): Date | null {
  return batchInstantsAround(now, times, timeZone).find((at) => at > now) ?? null;
}

/**
 * The instant up to which placed orders are due for release now, or null when none are:
 * immediate → now; batches → the latest batch time, unless that batch was already released.
 */
export function releaseDueAt(settings: ReleaseSettings, now: Date, lastBatchAt: Date | null): Date | null {
  if (settings.mode === 'immediate') return now;
  const due = previousBatchAt(now, settings.batchTimes);
  if (!due || (lastBatchAt && lastBatchAt >= due)) return null;
  return due;
}
