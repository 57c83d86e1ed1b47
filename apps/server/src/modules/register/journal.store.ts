// SQL for the register journal: the hash-chained, signed entries as the device made them.
import type { Queryable } from '@handla/db';

/** A stored journal entry. */
export interface JournalRow {
  registerId: string;
  sequence: number;
  kind: string;
  at: string;
  payload: unknown;
  previousHash: string;
  hash: string;
  signature: string;
  deviceId: string;
}

const COLUMNS = `register_id as "registerId", sequence, kind, at, payload, previous_hash as "previousHash",
  hash, signature, device_id as "deviceId"`;

/**
 * The register's last entry, locked: the row lock on the register serializes appends to one
 * register's journal, so two batches cannot both append sequence n + 1.
 */
export async function lockJournalHead(q: Queryable, registerId: string): Promise<JournalRow | undefined> {
  await q.query('select id from registers where id = $1 for update', [registerId]);
  return findJournalHead(q, registerId);
}

export async function findJournalHead(q: Queryable, registerId: string): Promise<JournalRow | undefined> {
  const [row] = await q.query<JournalRow>(
    `select ${COLUMNS} from register_journal where register_id = $1 order by sequence desc limit 1`,
    [registerId],
  );
  return row;
}

export async function insertJournalEntry(q: Queryable, row: JournalRow, recordedAt: Date): Promise<void> {
  await q.query(
    `insert into register_journal
       (register_id, sequence, kind, at, payload, previous_hash, hash, signature, device_id, recorded_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      row.registerId,
      row.sequence,
      row.kind,
      row.at,
      JSON.stringify(row.payload),
      row.previousHash,
      row.hash,
      row.signature,
      row.deviceId,
      recordedAt,
    ],
  );
}

/** Entries in sequence order, from `afterSequence` on, at most `limit`. */
export async function listJournalEntries(
  q: Queryable,
  registerId: string,
  afterSequence: number,
  limit: number,
): Promise<JournalRow[]> {
  return q.query<JournalRow>(
    `select ${COLUMNS} from register_journal where register_id = $1 and sequence > $2
      order by sequence limit $3`,
    [registerId, afterSequence, limit],
  );
}

/** The sequence of the register's last Z report, or 0. */
export async function findLastZSequence(q: Queryable, registerId: string): Promise<number> {
  const [row] = await q.query<{ n: number | null }>(
    `select max(sequence) as n from register_journal where register_id = $1 and kind = 'report_z'`,
    [registerId],
  );
  return row?.n ?? 0;
}

/** The register's last Z report entry: its sequence, its number in the series, and its grand totals. */
export async function findLastZ(
  q: Queryable,
  registerId: string,
): Promise<{ sequence: number; number: number; grandTotals: unknown } | null> {
  const [row] = await q.query<{ sequence: number; number: number; grandTotals: unknown }>(
    `select sequence, (select count(*)::integer from register_journal c
                        where c.register_id = j.register_id and c.kind = 'report_z') as number,
            payload -> 'grandTotals' as "grandTotals"
       from register_journal j where register_id = $1 and kind = 'report_z'
      order by sequence desc limit 1`,
    [registerId],
  );
  return row ?? null;
}

/** True when another X or Z report entry of the register than `exceptSequence` carries `reportId`. */
export async function isReportIdUsed(
  q: Queryable,
  registerId: string,
  reportId: string,
  exceptSequence: number,
): Promise<boolean> {
  const rows = await q.query(
    `select 1 from register_journal
      where register_id = $1 and kind in ('report_x', 'report_z') and payload->>'reportId' = $2
        and sequence <> $3
      limit 1`,
    [registerId, reportId, exceptSequence],
  );
  return rows.length > 0;
}
