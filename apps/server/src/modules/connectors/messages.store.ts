// SQL for `connector_messages`: the inbound record (one row per message id), the outbound queue
// with its claims, and the message log.
import type { ConnectorMessage, ConnectorMessagesQuery } from '@handla/api';
import type { Queryable } from '@handla/db';

export type MessageStatus = ConnectorMessage['status'];

export interface MessageRow {
  id: number;
  connectorId: string;
  direction: 'out' | 'in';
  messageId: string;
  type: string;
  resource: string;
  orderId: string | null;
  sequence: number | null;
  payload: unknown;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  doneAt: Date | null;
}

const COLUMNS = `m.id::int as id, m.connector_id as "connectorId", m.direction, m.message_id as "messageId",
  m.type, m.resource, m.order_id as "orderId", m.sequence, m.payload, m.status, m.attempts,
  m.last_error as "lastError", m.created_at as "createdAt", m.done_at as "doneAt"`;

export function toMessage(row: MessageRow): ConnectorMessage {
  return {
    connectorId: row.connectorId,
    direction: row.direction,
    messageId: row.messageId,
    type: row.type,
    orderId: row.orderId,
    sequence: row.sequence,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    doneAt: row.doneAt?.toISOString() ?? null,
  };
}

export type NewMessage = Pick<
  MessageRow,
  'connectorId' | 'messageId' | 'type' | 'resource' | 'orderId' | 'sequence' | 'payload' | 'status'
> & { dedupeKey?: string | null };

// ------------------------------------------------------------------------------------- inbound

/** Records an inbound message; false when its id was seen before (then nothing is written). */
export async function insertInbound(
  q: Queryable,
  m: NewMessage,
  at: Date,
  leaseUntil: Date,
): Promise<boolean> {
  const rows = await q.query(
    `insert into connector_messages
       (connector_id, direction, message_id, type, resource, order_id, sequence, payload, status, claimed_until, created_at)
     values ($1, 'in', $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (connector_id, direction, message_id) do nothing returning id`,
    [
      m.connectorId,
      m.messageId,
      m.type,
      m.resource,
      m.orderId,
      m.sequence,
      JSON.stringify(m.payload),
      m.status,
      leaseUntil,
      at,
    ],
  );
  return rows.length > 0;
}

export async function findMessage(
  q: Queryable,
  connectorId: string,
  direction: 'in' | 'out',
  messageId: string,
): Promise<MessageRow | undefined> {
  const [row] = await q.query<MessageRow>(
    `select ${COLUMNS} from connector_messages m
      where m.connector_id = $1 and m.direction = $2 and m.message_id = $3`,
    [connectorId, direction, messageId],
  );
  return row;
}

/** Sets an inbound message's outcome (applied, held, dead_lettered, or applying again). */
export async function setInboundStatus(
  q: Queryable,
  id: number,
  status: MessageStatus,
  at: Date,
  error: string | null = null,
): Promise<void> {
  await q.query(
    `update connector_messages set status = $2, last_error = $4, attempts = attempts + 1,
            done_at = case when $2 in ('applied', 'dead_lettered') then $3::timestamptz else null end,
            claimed_until = null
      where id = $1`,
    [id, status, at, error],
  );
}

/**
 * Claims the held message with `sequence` of the order (held → applying) for `leaseUntil`; at most
 * one caller gets it.
 */
export async function claimHeld(
  q: Queryable,
  connectorId: string,
  orderId: string,
  sequence: number,
  leaseUntil: Date,
): Promise<MessageRow | undefined> {
  const [row] = await q.query<MessageRow>(
    `update connector_messages m set status = 'applying', claimed_until = $4
      where m.connector_id = $1 and m.direction = 'in' and m.order_id = $2 and m.sequence = $3
        and m.status = 'held'
      returning ${COLUMNS}`,
    [connectorId, orderId, sequence, leaseUntil],
  );
  return row;
}

/** Claims an inbound message by status (a retry from the dead-letter list); at most one caller gets it. */
export async function claimInbound(
  q: Queryable,
  id: number,
  from: MessageStatus,
  leaseUntil: Date,
): Promise<boolean> {
  const rows = await q.query(
    `update connector_messages set status = 'applying', claimed_until = $3
      where id = $1 and status = $2 returning id`,
    [id, from, leaseUntil],
  );
  return rows.length > 0;
}

/**
 * Inbound messages left behind (a process died while applying, or the held one whose turn came
 * while its predecessor's caller was gone): re-claimed for `leaseUntil`.
 */
export async function claimStrandedInbound(
  q: Queryable,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<MessageRow[]> {
  return q.query<MessageRow>(
    `update connector_messages m set status = 'applying', claimed_until = $2
      from (select c.id from connector_messages c
              left join connector_order_sequences s
                on s.connector_id = c.connector_id and s.order_id = c.order_id
             where c.direction = 'in'
               and ((c.status = 'applying' and c.claimed_until <= $1)
                    or (c.status = 'held' and c.sequence = coalesce(s.next_sequence, 1)))
             order by c.id limit $3
             for update of c skip locked) due
      where m.id = due.id
      returning ${COLUMNS}`,
    [now, leaseUntil, limit],
  );
}

// ------------------------------------------------------------------------------------ outbound

/** Queues outbound messages, due now; one already queued with the same dedupe key is skipped. Returns how many were queued. */
export async function insertOutbound(q: Queryable, rows: readonly NewMessage[], at: Date): Promise<number> {
  let queued = 0;
  for (const m of rows) {
    const inserted = await q.query(
      `insert into connector_messages
         (connector_id, direction, message_id, type, resource, order_id, payload, status, dedupe_key,
          next_attempt_at, created_at)
       values ($1, 'out', $2, $3, $4, $5, $6, 'pending', $7, $8, $8)
       on conflict do nothing returning id`,
      [
        m.connectorId,
        m.messageId,
        m.type,
        m.resource,
        m.orderId,
        JSON.stringify(m.payload),
        m.dedupeKey ?? null,
        at,
      ],
    );
    queued += inserted.length;
  }
  return queued;
}

export interface ClaimedMessage extends MessageRow {
  baseUrl: string;
  secret: string;
}

/**
 * Claims up to `limit` due outbound messages of enabled connectors for `leaseMs`. A message waits
 * while an earlier one about the same resource is still open, so each order's messages go in order.
 */
export async function claimDueOutbound(
  q: Queryable,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<ClaimedMessage[]> {
  return q.query<ClaimedMessage>(
    `with claimed as (
       update connector_messages m
          set status = 'sending', attempts = m.attempts + 1, claimed_until = $2
         from (select c.id from connector_messages c
                 join connectors k on k.id = c.connector_id and k.is_enabled
                where c.direction = 'out'
                  and ((c.status in ('pending', 'retrying') and c.next_attempt_at <= $1)
                       or (c.status = 'sending' and c.claimed_until <= $1))
                  and not exists (
                    select 1 from connector_messages e
                     where e.connector_id = c.connector_id and e.resource = c.resource and e.id < c.id
                       and e.direction = 'out' and e.status in ('pending', 'sending', 'retrying'))
                order by c.next_attempt_at, c.id
                limit $3
                for update of c skip locked) due
        where m.id = due.id
        returning ${COLUMNS})
     select m.*, k.base_url as "baseUrl", k.secret from claimed m join connectors k on k.id = m."connectorId"`,
    [now, new Date(now.getTime() + leaseMs), limit],
  );
}

/** Claims one outbound message given up as dead (a retry from the dead-letter list). */
export async function claimDeadOutbound(
  q: Queryable,
  id: number,
  leaseUntil: Date,
): Promise<ClaimedMessage | undefined> {
  const [row] = await q.query<ClaimedMessage>(
    `with claimed as (
       update connector_messages m set status = 'sending', attempts = m.attempts + 1, claimed_until = $2
        where m.id = $1 and m.status = 'dead' returning ${COLUMNS})
     select m.*, k.base_url as "baseUrl", k.secret from claimed m join connectors k on k.id = m."connectorId"`,
    [id, leaseUntil],
  );
  return row;
}

/**
 * Records one attempt's outcome while the claim still holds the row (`attempts` unchanged): sent,
 * retrying at `retryAt`, or dead (`retryAt` null). Returns false when another claim took the row.
 */
export async function recordOutboundAttempt(
  q: Queryable,
  o: {
    id: number;
    attempt: number;
    status: 'sent' | 'retrying' | 'dead';
    retryAt: Date | null;
    statusCode: number | null;
    error: string | null;
    at: Date;
  },
): Promise<boolean> {
  const rows = await q.query(
    `update connector_messages
        set status = $3, next_attempt_at = coalesce($4, next_attempt_at), claimed_until = null,
            last_status_code = $5, last_error = $6,
            done_at = case when $3 = 'sent' then $7::timestamptz else done_at end
      where id = $1 and attempts = $2 and status = 'sending' returning id`,
    [o.id, o.attempt, o.status, o.retryAt, o.statusCode, o.error, o.at],
  );
  return rows.length > 0;
}

// ----------------------------------------------------------------------------------------- log

/** The newest messages first, optionally of one connector or one order. */
export async function listMessageRows(q: Queryable, filter: ConnectorMessagesQuery): Promise<MessageRow[]> {
  return q.query<MessageRow>(
    `select ${COLUMNS} from connector_messages m
      where ($1::text is null or m.connector_id = $1) and ($2::text is null or m.order_id = $2)
      order by m.created_at desc, m.id desc limit $3`,
    [filter.connectorId ?? null, filter.orderId ?? null, filter.limit],
  );
}

export async function findMessageById(q: Queryable, id: number): Promise<MessageRow | undefined> {
  const [row] = await q.query<MessageRow>(`select ${COLUMNS} from connector_messages m where m.id = $1`, [
    id,
  ]);
  return row;
}
