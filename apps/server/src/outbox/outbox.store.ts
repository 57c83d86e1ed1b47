// Reading the outbox: in id order, optionally for one store.
import type { DomainEventDto } from '@handla/api';
import type { Queryable } from '@handla/db';

interface EventRow {
  id: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  storeId: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/** Events after `afterId`, oldest first. */
export async function readEventsAfter(
  q: Queryable,
  afterId: number,
  limit: number,
): Promise<DomainEventDto[]> {
  const rows = await q.query<EventRow>(
    `select id, type, aggregate_type as "aggregateType", aggregate_id as "aggregateId",
            store_id as "storeId", data, occurred_at as "occurredAt"
       from outbox_events where id > $1 order by id limit $2`,
    [afterId, limit],
  );
  return rows.map((row) => ({ ...row, id: String(row.id), occurredAt: row.occurredAt.toISOString() }));
}

/** The newest event id, or 0 on an empty outbox. */
export async function latestEventId(q: Queryable): Promise<number> {
  const [row] = await q.query<{ id: number | null }>('select max(id) as id from outbox_events');
  return row?.id ?? 0;
}
