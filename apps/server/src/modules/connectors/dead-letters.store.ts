// SQL for `dead_letters`: record (one open letter per kind and reference), list, close.
import type { DeadLetter } from '@handla/api';
import type { Queryable } from '@handla/db';

export interface DeadLetterRow {
  id: string;
  kind: string;
  connectorId: string | null;
  reference: string;
  orderId: string | null;
  field: string | null;
  reason: string;
  payload: unknown;
  status: DeadLetter['status'];
  retries: number;
  createdAt: Date;
  lastRetriedAt: Date | null;
  closedAt: Date | null;
  closedBy: string | null;
  dismissReason: string | null;
}

const COLUMNS = `id, kind, connector_id as "connectorId", reference, order_id as "orderId", field, reason,
  payload, status, retries, created_at as "createdAt", last_retried_at as "lastRetriedAt",
  closed_at as "closedAt", closed_by as "closedBy", dismiss_reason as "dismissReason"`;

export function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastRetriedAt: row.lastRetriedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export type NewDeadLetter = Pick<
  DeadLetterRow,
  'id' | 'kind' | 'connectorId' | 'reference' | 'orderId' | 'field' | 'reason' | 'payload'
>;

/** Opens a letter, or updates the reason of the open one for the same kind and reference; returns its id. */
export async function upsertOpenLetter(q: Queryable, letter: NewDeadLetter, at: Date): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into dead_letters (id, kind, connector_id, reference, order_id, field, reason, payload, status, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9)
     on conflict (kind, reference) where status = 'open'
       do update set field = excluded.field, reason = excluded.reason
     returning id`,
    [
      letter.id,
      letter.kind,
      letter.connectorId,
      letter.reference,
      letter.orderId,
      letter.field,
      letter.reason,
      JSON.stringify(letter.payload),
      at,
    ],
  );
  return row!.id;
}

export async function findLetter(q: Queryable, id: string): Promise<DeadLetterRow | undefined> {
  const [row] = await q.query<DeadLetterRow>(`select ${COLUMNS} from dead_letters where id = $1`, [id]);
  return row;
}

export async function findOpenLetter(
  q: Queryable,
  kind: string,
  reference: string,
): Promise<DeadLetterRow | undefined> {
  const [row] = await q.query<DeadLetterRow>(
    `select ${COLUMNS} from dead_letters where kind = $1 and reference = $2 and status = 'open'`,
    [kind, reference],
  );
  return row;
}

/** Open letters first, then the newest. */
export async function listLetters(
  q: Queryable,
  filter: { status?: DeadLetter['status']; limit: number },
): Promise<DeadLetterRow[]> {
  return q.query<DeadLetterRow>(
    `select ${COLUMNS} from dead_letters where ($1::text is null or status = $1)
      order by (status = 'open') desc, created_at desc, id desc limit $2`,
    [filter.status ?? null, filter.limit],
  );
}

/** Counts a retry and keeps the latest reason; false when the letter is no longer open. */
export async function noteRetry(
  q: Queryable,
  id: string,
  at: Date,
  failure: { field: string | null; reason: string } | null,
): Promise<boolean> {
  const rows = await q.query(
    `update dead_letters set retries = retries + 1, last_retried_at = $2,
            field = coalesce($3, field), reason = coalesce($4, reason)
      where id = $1 and status = 'open' returning id`,
    [id, at, failure?.field ?? null, failure?.reason ?? null],
  );
  return rows.length > 0;
}

/** Closes an open letter as resolved or dismissed; false when it was not open. */
export async function closeLetter(
  q: Queryable,
  id: string,
  close: { status: 'resolved' | 'dismissed'; by: string; reason: string | null; at: Date },
): Promise<boolean> {
  const rows = await q.query(
    `update dead_letters set status = $2, closed_by = $3, dismiss_reason = $4, closed_at = $5
      where id = $1 and status = 'open' returning id`,
    [id, close.status, close.by, close.reason, close.at],
  );
  return rows.length > 0;
}

/** Open letters per connector, for the connector list. */
export async function countOpenLetters(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.query<{ connectorId: string; n: number }>(
    `select connector_id as "connectorId", count(*)::int as n from dead_letters
      where status = 'open' and connector_id is not null group by connector_id`,
  );
  return new Map(rows.map((r) => [r.connectorId, r.n]));
}
