// Verifying a register's whole journal: gapless, chained, each entry signed by the device that
// recorded it (a replaced device's entries stay verifiable with its key).
import type { JournalVerification } from '@handla/api';
import { buildDayReport, type DayReport, type JournalEntry, verifyJournal } from '@handla/core';
import type { AppContext } from '../../context';
import { devicePublicKeys } from './devices.store';
import { findLastZSequence, type JournalRow, listJournalEntries } from './journal.store';

const PAGE = 1000;

/** Checks every entry in order; names the first broken one. */
export async function verifyRegisterJournal(
  ctx: AppContext,
  registerId: string,
): Promise<JournalVerification> {
  const keys = await devicePublicKeys(ctx.db, registerId);
  let anchor = { sequence: 0, hash: '' };
  let count = 0;
  for (;;) {
    const rows = await listJournalEntries(ctx.db, registerId, anchor.sequence, PAGE);
    // Runs of entries signed by one device are verified with that device's key.
    for (let start = 0; start < rows.length; ) {
      let end = start;
      while (end < rows.length && rows[end]!.deviceId === rows[start]!.deviceId) end++;
      const run = rows.slice(start, end);
      const result = await verifyJournal(run.map(toEntry), keys.get(run[0]!.deviceId)!, anchor);
      if (!result.ok) {
        return {
          ok: false,
          entries: count + run.length,
          firstBrokenSequence: result.firstBrokenSequence,
          reason: result.reason,
        };
      }
      count += run.length;
      anchor = { sequence: run.at(-1)!.sequence, hash: run.at(-1)!.hash };
      start = end;
    }
    if (rows.length < PAGE) return { ok: true, entries: count };
  }
}

function toEntry(row: JournalRow): JournalEntry {
  const { deviceId: _deviceId, ...entry } = row;
  return entry as JournalEntry;
}

/** An X report: the journal since the last Z report (which carries the grand totals on), aggregated by the core. */
export async function buildXReport(
  ctx: AppContext,
  registerId: string,
  currency: string,
): Promise<DayReport> {
  const lastZ = await findLastZSequence(ctx.db, registerId);
  const entries: JournalEntry[] = [];
  for (let after = Math.max(0, lastZ - 1); ; ) {
    const rows = await listJournalEntries(ctx.db, registerId, after, PAGE);
    entries.push(...rows.map(toEntry));
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.sequence;
  }
  return buildDayReport({ kind: 'x', registerId, currency, createdAt: ctx.clock().toISOString(), entries });
}
