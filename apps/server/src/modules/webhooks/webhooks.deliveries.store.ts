// SQL for `webhook_deliveries` and `webhook_attempts`: fan-out inserts, the sender's claim, its
// outcome, the delivery log and redelivery.
import type { WebhookAttempt, WebhookDelivery } from '@handla/api';
import type { Queryable } from '@handla/db';

export interface DeliveryRow {
  id: string;
  messageId: string;
  subscriptionId: string;
  eventId: number;
  eventType: string;
  resource: string;
  payload: unknown;
  status: 'pending' | 'sending' | 'delivered' | 'retrying' | 'failed';
  attempts: number;
  attemptsBeforeRedelivery: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const COLUMNS = `d.id, d.message_id as "messageId", d.subscription_id as "subscriptionId",
  d.event_id as "eventId", d.event_type as "eventType", d.resource, d.payload, d.status, d.attempts,
  d.attempts_before_redelivery as "attemptsBeforeRedelivery", d.next_attempt_at as "nextAttemptAt",
  d.last_status_code as "lastStatusCode", d.last_error as "lastError", d.created_at as "createdAt",
  d.delivered_at as "deliveredAt"`;

/** The public shape; a claimed delivery counts as pending (or retrying after a failed attempt). */
export function toDelivery(row: DeliveryRow): WebhookDelivery {
  const status = row.status !== 'sending' ? row.status : row.attempts > 1 ? 'retrying' : 'pending';
  const isOpen = status === 'pending' || status === 'retrying';
  return {
    id: row.id,
    messageId: row.messageId,
    subscriptionId: row.subscriptionId,
    eventId: String(row.eventId),
    eventType: row.eventType,
    status,
    attempts: row.attempts,
    nextAttemptAt: isOpen ? row.nextAttemptAt.toISOString() : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

/** A delivery as the fan-out makes it; the rest starts at its defaults (pending, due now). */
export type NewDelivery = Pick<
  DeliveryRow,
  'id' | 'messageId' | 'subscriptionId' | 'eventId' | 'eventType' | 'resource' | 'payload'
>;

/** Inserts pending deliveries, due at `now`; an event already fanned out to a subscription is skipped. */
export async function insertDeliveries(q: Queryable, rows: readonly NewDelivery[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into webhook_deliveries
       (id, message_id, subscription_id, event_id, event_type, resource, payload, status, next_attempt_at, created_at)
     select u.id, u.message_id, u.subscription_id, u.event_id, u.event_type, u.resource, u.payload::jsonb,
            'pending', $8, $8
       from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[])
            as u(id, message_id, subscription_id, event_id, event_type, resource, payload)
     on conflict (subscription_id, event_id) do nothing`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.messageId),
      rows.map((r) => r.subscriptionId),
      rows.map((r) => r.eventId),
      rows.map((r) => r.eventType),
      rows.map((r) => r.resource),
      rows.map((r) => JSON.stringify(r.payload)),
      now,
    ],
  );
}

export interface ClaimedDelivery extends DeliveryRow {
  url: string;
  secret: string;
}

/**
 * Claims up to `limit` due deliveries of active subscriptions for `leaseMs`: waiting ones whose
 * time has come, and ones whose sender died (claim expired). A delivery waits while an earlier one
 * of the same resource to the same subscription is still open — that keeps each resource in
 * order, also across processes, since the earlier one stays open until its outcome commits.
 */
export async function claimDueDeliveries(
  q: Queryable,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  return q.query<ClaimedDelivery>(
    `with claimed as (
       update webhook_deliveries d
          set status = 'sending', attempts = d.attempts + 1, claimed_until = $2
         from (select c.id from webhook_deliveries c
                 join webhook_subscriptions s on s.id = c.subscription_id and s.is_active
                where ((c.status in ('pending', 'retrying') and c.next_attempt_at <= $1)
                       or (c.status = 'sending' and c.claimed_until <= $1))
                  and not exists (
                    select 1 from webhook_deliveries e
                     where e.subscription_id = c.subscription_id and e.resource = c.resource
                       and e.event_id < c.event_id and e.status in ('pending', 'sending', 'retrying'))
                order by c.next_attempt_at, c.event_id
                limit $3
                for update of c skip locked) due
        where d.id = due.id
        returning ${COLUMNS})
     select d.*, s.url, s.secret from claimed d join webhook_subscriptions s on s.id = d."subscriptionId"`,
    [now, new Date(now.getTime() + leaseMs), limit],
  );
}

/** One attempt's outcome: delivered, or waiting until `retryAt`, or failed for good (`retryAt` null). */
export interface AttemptOutcome {
  deliveryId: string;
  /** The claim's attempt number: the outcome is recorded only while the row still has it. */
  attempt: number;
  isDelivered: boolean;
  retryAt: Date | null;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseBody: string | null;
  at: Date;
}

/**
 * Records attempts and their deliveries' new states in two statements — each only while its claim
 * still holds the row (`attempts` unchanged): a row re-claimed after an expired lease belongs to
 * that claim. Rows are locked in id order (see `deleteSubscription`). Returns the recorded ids.
 */
export async function recordAttempts(
  q: Queryable,
  outcomes: readonly AttemptOutcome[],
): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  const sorted = [...outcomes].sort((a, b) => (a.deliveryId < b.deliveryId ? -1 : 1));
  const column = <K extends keyof AttemptOutcome>(key: K) => sorted.map((o) => o[key]);
  // Row locks in id order first: an update's join does not promise an order.
  await q.query('select id from webhook_deliveries where id = any($1) order by id for update', [
    column('deliveryId'),
  ]);
  const updated = await q.query<{ id: string }>(
    `update webhook_deliveries d
        set status = u.status, next_attempt_at = coalesce(u.retry_at, d.next_attempt_at), claimed_until = null,
            last_status_code = u.status_code, last_error = u.error,
            delivered_at = case when u.status = 'delivered' then u.at else d.delivered_at end
       from unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::int[], $6::text[], $7::timestamptz[])
            as u(id, attempt, status, retry_at, status_code, error, at)
      where d.id = u.id and d.status = 'sending' and d.attempts = u.attempt
      returning d.id`,
    [
      column('deliveryId'),
      column('attempt'),
      sorted.map((o) => (o.isDelivered ? 'delivered' : o.retryAt ? 'retrying' : 'failed')),
      column('retryAt'),
      column('statusCode'),
      column('error'),
      column('at'),
    ],
  );
  const recorded = new Set(updated.map((row) => row.id));
  const kept = sorted.filter((o) => recorded.has(o.deliveryId));
  const keptColumn = <K extends keyof AttemptOutcome>(key: K) => kept.map((o) => o[key]);
  await q.query(
    `insert into webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms, response_body)
     select * from unnest($1::text[], $2::int[], $3::timestamptz[], $4::int[], $5::text[], $6::int[], $7::text[])
     on conflict do nothing`,
    [
      keptColumn('deliveryId'),
      keptColumn('attempt'),
      keptColumn('at'),
      keptColumn('statusCode'),
      keptColumn('error'),
      keptColumn('durationMs'),
      keptColumn('responseBody'),
    ],
  );
  return recorded;
}

export async function findDelivery(q: Queryable, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await q.query<DeliveryRow>(`select ${COLUMNS} from webhook_deliveries d where d.id = $1`, [
    id,
  ]);
  return row;
}

export async function listAttempts(q: Queryable, deliveryId: string): Promise<WebhookAttempt[]> {
  const rows = await q.query<Omit<WebhookAttempt, 'at'> & { at: Date }>(
    `select at, status_code as "statusCode", error, duration_ms as "durationMs", response_body as "responseBody"
       from webhook_attempts where delivery_id = $1 order by attempt`,
    [deliveryId],
  );
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

// The contract's "pending" includes a delivery being sent right now.
const STATUS_FILTER: Record<WebhookDelivery['status'], string[]> = {
  pending: ['pending', 'sending'],
  retrying: ['retrying'],
  delivered: ['delivered'],
  failed: ['failed'],
};

/** A subscription's deliveries, newest event first, after the cursor's event id; `limit + 1` rows. */
export async function listDeliveryRows(
  q: Queryable,
  subscriptionId: string,
  filter: { status?: WebhookDelivery['status']; beforeEventId: number | null; limit: number },
): Promise<DeliveryRow[]> {
  return q.query<DeliveryRow>(
    `select ${COLUMNS} from webhook_deliveries d
      where d.subscription_id = $1 and ($2::text[] is null or d.status = any($2))
        and ($3::bigint is null or d.event_id < $3)
      order by d.event_id desc limit $4`,
    [
      subscriptionId,
      filter.status ? STATUS_FILTER[filter.status] : null,
      filter.beforeEventId,
      filter.limit + 1,
    ],
  );
}

/** Queues a delivery again at `now` with a fresh retry budget; false when there is none (or it is being sent). */
export async function requeueDelivery(q: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await q.query(
    `update webhook_deliveries
        set status = 'pending', next_attempt_at = $2, attempts_before_redelivery = attempts, claimed_until = null
      where id = $1 and status <> 'sending' returning id`,
    [id, now],
  );
  return rows.length > 0;
}

/**
 * Deletes up to `limit` delivered deliveries older than `before` (their attempts go with them).
 * Failed ones are kept: they wait for a person to redeliver them.
 */
export async function deleteDeliveredBefore(q: Queryable, before: Date, limit: number): Promise<number> {
  const result = await q.query<{ id: string }>(
    `delete from webhook_deliveries
      where id in (select id from webhook_deliveries
                    where status = 'delivered' and delivered_at < $1
                    order by delivered_at limit $2)
      returning id`,
    [before, limit],
  );
  return result.length;
}
