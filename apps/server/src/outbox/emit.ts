// Nothing leaves before commit: an event is a row written in the caller's transaction.
// NOTIFY inside the transaction is delivered only when it commits, and never if it rolls back.
import type { EventType } from '@handla/api';
import type { Queryable } from '@handla/db';

/** The channel the relay listens on. */
export const OUTBOX_CHANNEL = 'handla_outbox';
// Held until commit, so event ids become visible in id order to readers in every process:
// without it, id 6 could commit before id 5 and a reader that has passed 6 would miss 5.
const OUTBOX_ORDER_LOCK = 7_340_002;

/** An event to announce: past-tense type, the thing it is about, the store it concerns. */
export interface NewEvent {
  type: EventType;
  aggregateType: string;
  aggregateId: string;
  storeId?: string | null;
  data: Record<string, unknown>;
}

/** Writes `event` to the outbox inside the open transaction `tx`. Call it as the last write. */
export async function emitEvent(tx: Queryable, event: NewEvent, occurredAt: Date): Promise<number> {
  await tx.query('select pg_advisory_xact_lock($1)', [OUTBOX_ORDER_LOCK]);
  const [row] = await tx.query<{ id: number }>(
    `insert into outbox_events (type, aggregate_type, aggregate_id, store_id, data, occurred_at)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      event.type,
      event.aggregateType,
      event.aggregateId,
      event.storeId ?? null,
      JSON.stringify(event.data),
      occurredAt,
    ],
  );
  await tx.query('select pg_notify($1, $2)', [OUTBOX_CHANNEL, String(row!.id)]);
  return row!.id;
}

/** Writes many events in one statement (bulk work such as imports); same rules as `emitEvent`. */
export async function emitEvents(
  tx: Queryable,
  events: readonly NewEvent[],
  occurredAt: Date,
): Promise<void> {
  if (events.length === 0) return;
  await tx.query('select pg_advisory_xact_lock($1)', [OUTBOX_ORDER_LOCK]);
  const [row] = await tx.query<{ lastId: number }>(
    `with added as (
       insert into outbox_events (type, aggregate_type, aggregate_id, store_id, data, occurred_at)
       select u.type, u.aggregate_type, u.aggregate_id, u.store_id, u.data::jsonb, $6
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
              as u(type, aggregate_type, aggregate_id, store_id, data)
       returning id)
     select max(id) as "lastId" from added`,
    [
      events.map((e) => e.type),
      events.map((e) => e.aggregateType),
      events.map((e) => e.aggregateId),
      events.map((e) => e.storeId ?? null),
      events.map((e) => JSON.stringify(e.data)),
      occurredAt,
    ],
  );
  await tx.query('select pg_notify($1, $2)', [OUTBOX_CHANNEL, String(row!.lastId)]);
}
