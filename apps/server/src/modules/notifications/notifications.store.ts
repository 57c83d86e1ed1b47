// SQL for `outgoing_messages`: queue, claim due rows, record the outcome, list for the back office.
import type { MessageChannel, MessageStatus, MessageTemplateName, Order } from '@handla/api';
import type { Queryable } from '@handla/db';

export interface MessageRow {
  id: string;
  channel: MessageChannel;
  to: string;
  template: MessageTemplateName;
  locale: 'sv' | 'en';
  orderId: string | null;
  payload: Order;
  dedupeKey: string;
  sendAfter: Date;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  subject: string | null;
  bodyText: string | null;
  bodyHtml: string | null;
  providerMessageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

// Every column, qualified by `t` (the claim joins a subquery that also has an `id`).
const COLUMNS = `t.id, t.channel, t."to", t.template, t.locale, t.order_id as "orderId", t.payload,
  t.dedupe_key as "dedupeKey", t.send_after as "sendAfter", t.status, t.attempts, t.last_error as "lastError",
  t.subject, t.body_text as "bodyText", t.body_html as "bodyHtml",
  t.provider_message_id as "providerMessageId", t.created_at as "createdAt", t.sent_at as "sentAt"`;

export interface NewMessageRow {
  id: string;
  channel: MessageChannel;
  to: string;
  template: MessageTemplateName;
  locale: 'sv' | 'en';
  orderId: string | null;
  payload: Order;
  dedupeKey: string;
  sendAfter: Date;
  createdAt: Date;
}

/** Inserts a queued message; a repeated dedupe key is ignored. True when inserted. */
export async function insertMessage(q: Queryable, m: NewMessageRow): Promise<boolean> {
  const rows = await q.query(
    `insert into outgoing_messages
       (id, channel, "to", template, locale, order_id, payload, dedupe_key, send_after, status, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', $10)
     on conflict (dedupe_key) do nothing returning id`,
    [
      m.id,
      m.channel,
      m.to,
      m.template,
      m.locale,
      m.orderId,
      JSON.stringify(m.payload),
      m.dedupeKey,
      m.sendAfter,
      m.createdAt,
    ],
  );
  return rows.length > 0;
}

/** Cancels queued (not yet claimed) messages whose dedupe key starts with `prefix`. */
export async function cancelQueued(q: Queryable, prefix: string): Promise<number> {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await q.query(
    `update outgoing_messages set status = 'cancelled', claimed_until = null
      where status = 'queued' and dedupe_key like $1 || '%' returning id`,
    [escaped],
  );
  return rows.length;
}

/**
 * Claims up to `limit` due messages for `leaseMs`: queued ones whose time has come, and ones a
 * sender claimed but never recorded (its process died) once the claim expired. `skip locked`
 * lets several processes claim at once without waiting for, or taking, each other's rows.
 */
export async function claimDueMessages(
  q: Queryable,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<MessageRow[]> {
  return q.query<MessageRow>(
    `update outgoing_messages t
        set status = 'sending', attempts = t.attempts + 1, claimed_until = $2
       from (select id from outgoing_messages
              where (status = 'queued' and send_after <= $1)
                 or (status = 'sending' and claimed_until <= $1)
              order by send_after, id
              limit $3
              for update skip locked) due
      where t.id = due.id
      returning ${COLUMNS}`,
    [now, new Date(now.getTime() + leaseMs), limit],
  );
}

export interface Rendered {
  subject: string | null;
  text: string;
  html: string | null;
}

/**
 * Records a delivered message (`sent`) or one kept in the development outbox. Only while this
 * claim still holds it: a row that was re-claimed after an expired lease is left to that claim.
 */
export async function recordDelivered(
  q: Queryable,
  id: string,
  attempts: number,
  outcome: { status: 'sent' | 'dev_outbox'; rendered: Rendered; providerMessageId: string | null; at: Date },
): Promise<boolean> {
  const rows = await q.query(
    `update outgoing_messages
        set status = $3, subject = $4, body_text = $5, body_html = $6, provider_message_id = $7,
            sent_at = $8, last_error = null, claimed_until = null
      where id = $1 and status = 'sending' and attempts = $2 returning id`,
    [
      id,
      attempts,
      outcome.status,
      outcome.rendered.subject,
      outcome.rendered.text,
      outcome.rendered.html,
      outcome.providerMessageId,
      outcome.at,
    ],
  );
  return rows.length > 0;
}

/** Records a failed attempt: queued again for `retryAt`, or `failed` for good when `retryAt` is null. */
export async function recordFailure(
  q: Queryable,
  id: string,
  attempts: number,
  error: string,
  retryAt: Date | null,
): Promise<boolean> {
  const rows = await q.query(
    `update outgoing_messages
        set status = $3, last_error = $4, send_after = coalesce($5, send_after), claimed_until = null
      where id = $1 and status = 'sending' and attempts = $2 returning id`,
    [id, attempts, retryAt ? 'queued' : 'failed', error.slice(0, 2000), retryAt],
  );
  return rows.length > 0;
}

export async function findMessage(q: Queryable, id: string): Promise<MessageRow | undefined> {
  const [row] = await q.query<MessageRow>(`select ${COLUMNS} from outgoing_messages t where t.id = $1`, [id]);
  return row;
}

export interface MessageFilter {
  channel?: MessageChannel;
  status?: MessageStatus;
  orderId?: string;
  /** The last row of the previous page: `[createdAt ISO, id]`. */
  after: [string, string] | null;
  limit: number;
}

/** Newest first; fetches `limit + 1` rows so the caller knows whether a next page exists. */
export async function listMessages(q: Queryable, f: MessageFilter): Promise<MessageRow[]> {
  return q.query<MessageRow>(
    `select ${COLUMNS} from outgoing_messages t
      where ($1::text is null or channel = $1)
        and ($2::text is null or status = $2)
        and ($3::text is null or order_id = $3)
        and ($4::timestamptz is null or (created_at, id) < ($4::timestamptz, $5::text))
      order by created_at desc, id desc
      limit $6`,
    [
      f.channel ?? null,
      f.status ?? null,
      f.orderId ?? null,
      f.after?.[0] ?? null,
      f.after?.[1] ?? null,
      f.limit + 1,
    ],
  );
}
