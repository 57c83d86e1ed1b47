// SQL for `erp_messages`: the fan-out's inserts (a new version only when the state changed), the
// sender's claim in order per entity, its outcome, the message list and the counts per flow.
import type { ErpEntityKind, ErpFlow, ErpMessage } from '@handla/api';
import type { Queryable } from '@handla/db';

export interface MessageRow {
  id: string;
  seq: number;
  companyId: string;
  messageId: string;
  flow: ErpFlow;
  entityKind: ErpEntityKind;
  entityId: string;
  version: number;
  payload: unknown;
  status: 'pending' | 'sending' | 'retrying' | 'sent' | 'failed' | 'dismissed';
  attempts: number;
  attemptsBeforeRetry: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  erpNumber: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const COLUMNS = `m.id, m.seq::bigint as seq, m.company_id as "companyId", m.message_id as "messageId", m.flow,
  m.entity_kind as "entityKind", m.entity_id as "entityId", m.version, m.payload, m.status, m.attempts,
  m.attempts_before_retry as "attemptsBeforeRetry", m.next_attempt_at as "nextAttemptAt",
  m.last_status_code as "lastStatusCode", m.last_error as "lastError", m.erp_number as "erpNumber",
  m.created_at as "createdAt", m.sent_at as "sentAt"`;

// A message being sent counts as pending (or retrying after a failed attempt).
export function toMessage(row: MessageRow): ErpMessage {
  const status = row.status !== 'sending' ? row.status : row.attempts > 1 ? 'retrying' : 'pending';
  return {
    id: row.id,
    messageId: row.messageId,
    flow: row.flow,
    entityKind: row.entityKind,
    entityId: row.entityId,
    version: row.version,
    status,
    attempts: row.attempts,
    nextAttemptAt: status === 'pending' || status === 'retrying' ? row.nextAttemptAt.toISOString() : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    erpNumber: row.erpNumber,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export interface NewMessage {
  id: string;
  messageId: string;
  companyId: string;
  flow: ErpFlow;
  entityKind: ErpEntityKind;
  entityId: string;
  payload: unknown;
  payloadHash: string;
}

/**
 * Queues the entity's next version, due now — unless its newest message already carries this
 * state. Call it holding the connection's lock: that keeps version numbers from racing.
 */
export async function insertMessageIfChanged(q: Queryable, m: NewMessage, now: Date): Promise<boolean> {
  const rows = await q.query(
    `insert into erp_messages
       (id, company_id, message_id, flow, entity_kind, entity_id, version, payload, payload_hash, status,
        next_attempt_at, created_at)
     select $1, $2, $3, $4, $5, $6, coalesce(newest.version, 0) + 1, $7::jsonb, $8, 'pending', $9, $9
       from (select 1) one
       left join lateral (select version, payload_hash from erp_messages
                           where company_id = $2 and entity_kind = $5 and entity_id = $6
                           order by version desc limit 1) newest on true
      where newest.payload_hash is distinct from $8
     returning id`,
    [
      m.id,
      m.companyId,
      m.messageId,
      m.flow,
      m.entityKind,
      m.entityId,
      JSON.stringify(m.payload),
      m.payloadHash,
      now,
    ],
  );
  return rows.length > 0;
}

export interface ClaimedMessage extends MessageRow {
  baseUrl: string;
  secret: string;
}

/**
 * Claims up to `limit` due messages of enabled connections for `leaseMs`. A message waits while
 * an earlier one of the same entity is open or failed: each entity goes out in order, also
 * across processes, since the earlier one stays open until its outcome commits.
 */
export async function claimDueMessages(
  q: Queryable,
  now: Date,
  limit: number,
  leaseMs: number,
  only?: { id: string },
): Promise<ClaimedMessage[]> {
  return q.query<ClaimedMessage>(
    `with claimed as (
       update erp_messages m
          set status = 'sending', attempts = m.attempts + 1, claimed_until = $2
         from (select c.id from erp_messages c
                 join erp_connections k on k.company_id = c.company_id and k.is_enabled
                where ((c.status in ('pending', 'retrying') and c.next_attempt_at <= $1)
                       or (c.status = 'sending' and c.claimed_until <= $1))
                  and ($4::text is null or c.id = $4)
                  and not exists (
                    select 1 from erp_messages e
                     where e.company_id = c.company_id and e.entity_kind = c.entity_kind
                       and e.entity_id = c.entity_id and e.seq < c.seq
                       and e.status in ('pending', 'sending', 'retrying', 'failed'))
                order by c.next_attempt_at, c.seq
                limit $3
                for update of c skip locked) due
        where m.id = due.id
        returning ${COLUMNS})
     select m.*, k.base_url as "baseUrl", k.secret
       from claimed m join erp_connections k on k.company_id = m."companyId"`,
    [now, new Date(now.getTime() + leaseMs), limit, only?.id ?? null],
  );
}

/** Locks the message while its claim (`attempt`) still holds it; false when another claim took it over. */
export async function lockClaim(q: Queryable, id: string, attempt: number): Promise<boolean> {
  const rows = await q.query(
    `select id from erp_messages where id = $1 and status = 'sending' and attempts = $2 for update`,
    [id, attempt],
  );
  return rows.length > 0;
}

export async function markSent(
  q: Queryable,
  id: string,
  o: { statusCode: number | null; erpNumber: string; at: Date },
): Promise<void> {
  await q.query(
    `update erp_messages set status = 'sent', claimed_until = null, last_status_code = $2, last_error = null,
            erp_number = $3, sent_at = $4
      where id = $1`,
    [id, o.statusCode, o.erpNumber, o.at],
  );
}

/** A failed attempt: retrying at `retryAt`, or failed for good (a dead letter) when it is null. */
export async function markFailedAttempt(
  q: Queryable,
  id: string,
  o: { statusCode: number | null; error: string; retryAt: Date | null; erpNumber?: string | null },
): Promise<void> {
  await q.query(
    `update erp_messages
        set status = case when $4::timestamptz is null then 'failed' else 'retrying' end,
            next_attempt_at = coalesce($4, next_attempt_at), claimed_until = null,
            last_status_code = $2, last_error = $3, erp_number = coalesce($5, erp_number)
      where id = $1`,
    [id, o.statusCode, o.error.slice(0, 1000), o.retryAt, o.erpNumber ?? null],
  );
}

export async function findMessage(q: Queryable, id: string): Promise<MessageRow | undefined> {
  const [row] = await q.query<MessageRow>(`select ${COLUMNS} from erp_messages m where m.id = $1`, [id]);
  return row;
}

/**
 * Makes a failed (or waiting) message due now; a failed one gets a fresh retry budget. False when
 * it is neither (sent, dismissed, or being sent right now).
 */
export async function requeueNow(q: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await q.query(
    `update erp_messages
        set attempts_before_retry = case when status = 'failed' then attempts else attempts_before_retry end,
            status = case when status = 'failed' then 'pending' else status end, next_attempt_at = $2
      where id = $1 and status in ('failed', 'pending', 'retrying') returning id`,
    [id, now],
  );
  return rows.length > 0;
}

/**
 * After an erasure: every earlier message of these entities gets the entity's newest (anonymized)
 * state, so our own log keeps no personal data the person asked us to erase.
 */
export async function overwriteWithNewestState(
  q: Queryable,
  companyId: string,
  entityKind: ErpEntityKind,
  entityIds: readonly string[],
): Promise<void> {
  if (entityIds.length === 0) return;
  await q.query(
    `update erp_messages m set payload = newest.payload, payload_hash = newest.payload_hash
       from (select distinct on (entity_id) entity_id, payload, payload_hash from erp_messages
              where company_id = $1 and entity_kind = $2 and entity_id = any($3)
              order by entity_id, version desc) newest
      where m.company_id = $1 and m.entity_kind = $2 and m.entity_id = newest.entity_id
        and m.payload_hash <> newest.payload_hash`,
    [companyId, entityKind, entityIds],
  );
}

/** A failed message given up by a person: later messages of its entity may go. */
export async function dismissFailed(q: Queryable, id: string): Promise<void> {
  await q.query(`update erp_messages set status = 'dismissed' where id = $1 and status = 'failed'`, [id]);
}

const STATUS_FILTER: Record<ErpMessage['status'], string[]> = {
  pending: ['pending', 'sending'],
  retrying: ['retrying'],
  sent: ['sent'],
  failed: ['failed'],
  dismissed: ['dismissed'],
};

/** The company's messages, newest first. */
export async function listMessageRows(
  q: Queryable,
  companyId: string,
  filter: { status?: ErpMessage['status']; flow?: ErpFlow; limit: number },
): Promise<MessageRow[]> {
  return q.query<MessageRow>(
    `select ${COLUMNS} from erp_messages m
      where m.company_id = $1 and ($2::text[] is null or m.status = any($2)) and ($3::text is null or m.flow = $3)
      order by m.seq desc limit $4`,
    [companyId, filter.status ? STATUS_FILTER[filter.status] : null, filter.flow ?? null, filter.limit],
  );
}

/** One entity's messages, oldest first. */
export async function listEntityMessageRows(
  q: Queryable,
  key: { companyId: string; entityKind: ErpEntityKind; entityId: string },
): Promise<MessageRow[]> {
  return q.query<MessageRow>(
    `select ${COLUMNS} from erp_messages m
      where m.company_id = $1 and m.entity_kind = $2 and m.entity_id = $3 order by m.seq`,
    [key.companyId, key.entityKind, key.entityId],
  );
}

/** Per flow: the last message the ERP took, how many wait, how many failed for good. */
export async function flowCounts(
  q: Queryable,
  companyId: string,
): Promise<{ flow: ErpFlow; lastSentAt: Date | null; pending: number; failed: number }[]> {
  return q.query(
    `select flow, max(sent_at) as "lastSentAt",
            count(*) filter (where status in ('pending', 'sending', 'retrying'))::int as pending,
            count(*) filter (where status = 'failed')::int as failed
       from erp_messages where company_id = $1 group by flow`,
    [companyId],
  );
}
