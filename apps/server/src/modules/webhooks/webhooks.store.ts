// SQL for `webhook_subscriptions`: create, read, change, delete, and the fan-out's cursor.
import type { WebhookSubscription } from '@handla/api';
import type { Queryable } from '@handla/db';

export interface SubscriptionRow {
  id: string;
  url: string;
  eventTypes: string[];
  description: string;
  secret: string;
  isActive: boolean;
  lastEventId: number;
  createdAt: Date;
  pending: number;
  failed: number;
}

// The open and failed-for-good counts come along, for the back office's list.
const SELECT = `select s.id, s.url, s.event_types as "eventTypes", s.description, s.secret,
    s.is_active as "isActive", s.last_event_id as "lastEventId", s.created_at as "createdAt",
    (select count(*)::int from webhook_deliveries d
      where d.subscription_id = s.id and d.status in ('pending', 'sending', 'retrying')) as pending,
    (select count(*)::int from webhook_deliveries d
      where d.subscription_id = s.id and d.status = 'failed') as failed
  from webhook_subscriptions s`;

/** The public shape: everything but the secret and the cursor. */
export function toSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.eventTypes,
    description: row.description,
    isActive: row.isActive,
    pending: row.pending,
    failed: row.failed,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface NewSubscription {
  id: string;
  url: string;
  eventTypes: string[];
  description: string;
  secret: string;
}

/** Inserts a subscription whose cursor is the newest committed event: it gets events from now on. */
export async function insertSubscription(q: Queryable, s: NewSubscription, now: Date): Promise<void> {
  await q.query(
    `insert into webhook_subscriptions
       (id, url, event_types, description, secret, is_active, last_event_id, created_at, updated_at)
     values ($1, $2, $3, $4, $5, true, (select coalesce(max(id), 0) from outbox_events), $6, $6)`,
    [s.id, s.url, s.eventTypes, s.description, s.secret, now],
  );
}

export async function findSubscription(q: Queryable, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await q.query<SubscriptionRow>(`${SELECT} where s.id = $1`, [id]);
  return row;
}

/** Every subscription, newest first. */
export async function listSubscriptionRows(q: Queryable): Promise<SubscriptionRow[]> {
  return q.query<SubscriptionRow>(`${SELECT} order by s.created_at desc, s.id desc`);
}

export interface SubscriptionChange {
  url?: string;
  eventTypes?: string[];
  description?: string;
  isActive?: boolean;
  secret?: string;
}

/**
 * Applies the given fields; false when there is no such subscription. Switching a disabled one
 * back on moves its cursor to the newest event: it was not listening while disabled.
 */
export async function updateSubscription(
  q: Queryable,
  id: string,
  change: SubscriptionChange,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `update webhook_subscriptions
        set url = coalesce($2, url), event_types = coalesce($3, event_types),
            description = coalesce($4, description), secret = coalesce($6, secret),
            last_event_id = case when $5::boolean and not is_active
                                 then (select coalesce(max(id), 0) from outbox_events) else last_event_id end,
            is_active = coalesce($5, is_active), updated_at = $7
      where id = $1 returning id`,
    [
      id,
      change.url ?? null,
      change.eventTypes ?? null,
      change.description ?? null,
      change.isActive ?? null,
      change.secret ?? null,
      now,
    ],
  );
  return rows.length > 0;
}

/**
 * Deletes a subscription with its deliveries; false when there was none. Call it in a transaction:
 * it locks the subscription (keeping the fan-out away) and then its deliveries in id order, the
 * order the sender records outcomes in, so the cascade cannot deadlock with a sender.
 */
export async function deleteSubscription(q: Queryable, id: string): Promise<boolean> {
  const [row] = await q.query('select id from webhook_subscriptions where id = $1 for update', [id]);
  if (!row) return false;
  await q.query('select id from webhook_deliveries where subscription_id = $1 order by id for update', [id]);
  await q.query('delete from webhook_subscriptions where id = $1', [id]);
  return true;
}

/** Active subscriptions no other fan-out holds, locked until the caller's transaction ends. */
export async function lockSubscriptionsForFanOut(
  q: Queryable,
): Promise<{ id: string; eventTypes: string[]; lastEventId: number }[]> {
  return q.query(
    `select id, event_types as "eventTypes", last_event_id as "lastEventId"
       from webhook_subscriptions where is_active order by id for update skip locked`,
  );
}

export async function moveCursor(q: Queryable, id: string, lastEventId: number): Promise<void> {
  await q.query('update webhook_subscriptions set last_event_id = $2 where id = $1', [id, lastEventId]);
}
