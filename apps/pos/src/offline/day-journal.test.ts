import { buildDayReport, type JournalEntry } from '@handla/core';
import { describe, expect, it } from 'vitest';
import {
  appendToDay,
  baseFromServer,
  FIRST_DAY,
  isDayComplete,
  journalEntryOf,
  type LocalDay,
  localDayReport,
  nextZNumber,
} from './day-journal';

const at = '2026-12-03T09:00:00.000Z';
const report = { kind: 'x' as const, registerId: 'reg_1', currency: 'SEK', createdAt: at };

/** A journal entry as a queued command carries it (hash and signature do not matter here). */
function entry(sequence: number, kind: JournalEntry['kind'], payload: unknown): JournalEntry {
  return {
    registerId: 'reg_1',
    sequence,
    kind,
    at,
    payload,
    previousHash: 'p',
    hash: `h${sequence}`,
    signature: 's',
  };
}

const movement = (sequence: number, movement: string, amount: number) =>
  entry(sequence, 'cash_movement', { cashierId: 'stf_1', movement, amount, currency: 'SEK' });
const copy = (sequence: number, totalToPay: number) =>
  entry(sequence, 'copy', {
    receiptId: 'r',
    receiptNumber: 1,
    cashierId: 'stf_1',
    totalToPay,
    currency: 'SEK',
  });

/** Appends entries one by one from head `after`, as `recordCompletion` does. */
function keep(day: LocalDay, after: number, ...entries: JournalEntry[]): LocalDay {
  return entries.reduce((d, e, i) => appendToDay(d, after + i, e), day);
}

describe("the register's day since the last Z", () => {
  it('takes the journal entry out of any queued command, and nothing else', () => {
    const e = copy(3, 100);
    expect(journalEntryOf({ kind: 'receipt.copy', journalEntry: e })).toBe(e);
    expect(journalEntryOf({ kind: 'x' })).toBeNull();
    expect(journalEntryOf({ journalEntry: { sequence: 'one', kind: 'copy' } })).toBeNull();
    expect(journalEntryOf(null)).toBeNull();
  });

  it('adds up the kept entries with the core and carries the grand totals of the last Z', () => {
    const day = keep(
      {
        base: { zSequence: 10, carried: { zNumber: 4, grandTotals: { sales: 500, returns: -20, net: 480 } } },
        entries: [],
      },
      10,
      movement(11, 'float', 100_000),
      copy(12, 2_500),
      movement(13, 'expense', 4_000),
    );
    const figures = localDayReport(day, 13, report)!;
    expect(figures).toEqual(
      buildDayReport({ ...report, entries: day.entries, previousGrandTotals: day.base.carried!.grandTotals }),
    );
    expect(figures).toMatchObject({
      fromSequence: 11,
      toSequence: 13,
      expectedCash: 96_000,
      copies: { count: 1, amount: 2_500 },
      grandTotals: { sales: 500, returns: -20, net: 480 },
    });
    expect(nextZNumber(day.base)).toBe(5);
  });

  it('refuses figures with a hole: an entry it did not keep, or a head moved on by another device', () => {
    const day = keep({ base: FIRST_DAY, entries: [] }, 0, movement(1, 'float', 100));
    expect(isDayComplete(day, 1)).toBe(true);
    expect(localDayReport(day, 2, report)).toBeNull();
    const holed = { base: FIRST_DAY, entries: [movement(1, 'float', 100), movement(3, 'float', 100)] };
    expect(isDayComplete(holed, 3)).toBe(false);
    expect(isDayComplete({ base: FIRST_DAY, entries: [movement(2, 'float', 1)] }, 2)).toBe(false);
  });

  it('starts a new day at a Z with the totals it closed, numbered on; an incomplete day leaves them unknown', () => {
    const sold = entry(2, 'copy', { totalToPay: 0 });
    let day = keep({ base: FIRST_DAY, entries: [] }, 0, movement(1, 'float', 100), sold);
    day = appendToDay(
      day,
      2,
      entry(3, 'report_z', { reportId: 'z1', grandTotals: { sales: 999, returns: 0, net: 999 } }),
    );
    // The totals come from the entries, not from what the Z entry claims.
    expect(day).toEqual({
      base: { zSequence: 3, carried: { zNumber: 1, grandTotals: { sales: 0, returns: 0, net: 0 } } },
      entries: [],
    });
    expect(localDayReport(day, 3, report)).toMatchObject({
      fromSequence: 4,
      toSequence: 3,
      cashMovements: [],
    });

    const holed = appendToDay(
      { base: FIRST_DAY, entries: [movement(2, 'float', 1)] },
      2,
      entry(3, 'report_z', {}),
    );
    expect(holed.base).toEqual({ zSequence: 3, carried: null });
    expect(localDayReport(keep(holed, 3, movement(4, 'float', 1)), 4, report)).toBeNull();
    expect(nextZNumber(holed.base)).toBeNull();
  });

  it("takes the server's last Z when it is as new or newer, keeps a local Z not yet sent", () => {
    const local = { zSequence: 8, carried: { zNumber: 2, grandTotals: { sales: 10, returns: 0, net: 10 } } };
    const serverZ = (sequence: number, number: number | null, sales: number) => ({
      sequence,
      number,
      report: { grandTotals: { sales, returns: 0, net: sales } },
    });
    expect(baseFromServer(local, serverZ(12, 3, 50))).toEqual({
      zSequence: 12,
      carried: { zNumber: 3, grandTotals: { sales: 50, returns: 0, net: 50 } },
    });
    expect(baseFromServer({ zSequence: 8, carried: null }, serverZ(8, 2, 10))).toEqual(local);
    expect(baseFromServer(local, serverZ(8, 2, 10))).toBeNull();
    expect(baseFromServer(local, serverZ(5, 1, 4))).toBeNull();
    expect(baseFromServer(local, null)).toBeNull();
  });
});
