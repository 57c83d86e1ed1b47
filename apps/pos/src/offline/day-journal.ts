// The register's own day: every journal entry it appended since the last Z report, kept on the
// device (the send queue forgets entries once the server has them) so X and Z reports can be made
// offline with the core's `buildDayReport` — the same function, over the same entries, the server
// runs later. Pure: ./db.ts keeps the entries and the day's start in IndexedDB.
import { buildDayReport, type DayReport, type GrandTotals, type JournalEntry } from '@handla/core';

/** Where the current day starts: the register's last Z report, the server's or this device's own. */
export interface DayBase {
  /** The journal sequence of that Z report; 0 before the register's first one. */
  zSequence: number;
  /**
   * Its number in the register's Z series and the grand totals it carried on; null when this device
   * could not know them (it closed a day it had not seen all of) until the server tells it.
   */
  carried: { zNumber: number; grandTotals: GrandTotals } | null;
}

/** A register whose journal holds no Z report yet. */
export const FIRST_DAY: DayBase = {
  zSequence: 0,
  carried: { zNumber: 0, grandTotals: { sales: 0, returns: 0, net: 0 } },
};

/** The day as the device holds it: its start and the entries after it, in sequence order. */
export interface LocalDay {
  base: DayBase;
  entries: readonly JournalEntry[];
}

/** The journal entry a queued register command appended (every command carries one). */
export function journalEntryOf(command: unknown): JournalEntry | null {
  const entry = (command as { journalEntry?: unknown } | null)?.journalEntry;
  if (!entry || typeof entry !== 'object') return null;
  const { sequence, kind } = entry as Partial<JournalEntry>;
  return Number.isInteger(sequence) && typeof kind === 'string' ? (entry as JournalEntry) : null;
}

/**
 * True when the device holds every entry of the day: each sequence from the last Z up to its
 * journal head, and the grand totals carried. Another device of the register, or entries sent
 * before this store existed, leave a hole — those figures only the server has.
 */
export function isDayComplete(day: LocalDay, headSequence: number): boolean {
  if (!day.base.carried) return false;
  if (day.entries.length !== headSequence - day.base.zSequence) return false;
  return day.entries.every((entry, i) => entry.sequence === day.base.zSequence + 1 + i);
}

/** The figures of the day on the device, or null when it does not hold all of the day. */
export function localDayReport(
  day: LocalDay,
  headSequence: number,
  input: { kind: 'x' | 'z'; registerId: string; currency: string; createdAt: string },
): DayReport | null {
  if (!isDayComplete(day, headSequence) || !day.base.carried) return null;
  const figures = buildDayReport({
    ...input,
    entries: day.entries,
    previousGrandTotals: day.base.carried.grandTotals,
  });
  // An empty day gives the core no entry to place it by; the server's X starts after the Z.
  return day.entries.length > 0
    ? figures
    : { ...figures, fromSequence: day.base.zSequence + 1, toSequence: day.base.zSequence };
}

/** The Z report number the next Z gets, when the device knows the series. */
export function nextZNumber(base: DayBase): number | null {
  return base.carried ? base.carried.zNumber + 1 : null;
}

/**
 * The day a Z report entry starts, from the day it closes (`headSequence`: the head before the Z).
 * The grand totals are computed like the server's stored Z (the entries before it), so they carry
 * on unchanged whether the server or the device figures them.
 */
export function dayAfterZ(closing: LocalDay, headSequence: number, z: JournalEntry): DayBase {
  const report = localDayReport(closing, headSequence, {
    kind: 'z',
    registerId: z.registerId,
    // The currency only decides which cash movements make the expected cash, not the totals.
    currency: (z.payload as { currency?: string } | null)?.currency ?? 'SEK',
    createdAt: z.at,
  });
  const zNumber = nextZNumber(closing.base);
  return {
    zSequence: z.sequence,
    carried: report && zNumber !== null ? { zNumber, grandTotals: report.grandTotals } : null,
  };
}

/**
 * The day after appending `entry` (the head was `headSequence` before it): a Z report starts a new
 * one, anything else joins it. ./db.ts `recordCompletion` does the same in IndexedDB.
 */
export function appendToDay(day: LocalDay, headSequence: number, entry: JournalEntry): LocalDay {
  if (entry.kind === 'report_z') return { base: dayAfterZ(day, headSequence, entry), entries: [] };
  return { base: day.base, entries: [...day.entries, entry] };
}

/** The server's last Z report of the register, as `GET /api/registers/:id/reports?kind=z` lists it. */
export interface ServerZ {
  sequence: number;
  number: number | null;
  report: { grandTotals: GrandTotals };
}

/**
 * The day's start after hearing the server's last Z. The server is the source for a Z it holds; a
 * Z made here and not yet sent is newer and stays. Returns null when nothing changes.
 */
export function baseFromServer(local: DayBase, serverZ: ServerZ | null): DayBase | null {
  if (!serverZ || serverZ.number === null || serverZ.sequence < local.zSequence) return null;
  const next: DayBase = {
    zSequence: serverZ.sequence,
    carried: { zNumber: serverZ.number, grandTotals: serverZ.report.grandTotals },
  };
  return JSON.stringify(next) === JSON.stringify(local) ? null : next;
}
