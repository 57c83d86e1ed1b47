// SQL for what the fan-out needs to know about messages already queued for a connector: the last
// lines sent about an order or purchase order (to send only real changes, versioned), and the open
// orders of a location never sent (the backfill).
import type { Queryable } from '@handla/db';

/** The newest queued message of `types` about `resource`, and how many of those there are (its version). */
export async function lastVersionOf(
  q: Queryable,
  connectorId: string,
  resource: string,
  types: readonly string[],
): Promise<{ payload: unknown; version: number } | null> {
  const [row] = await q.query<{ payload: unknown; version: number }>(
    `select m.payload,
            (select count(*)::int from connector_messages c
              where c.connector_id = $1 and c.direction = 'out' and c.resource = $2 and c.type = any($3)) as version
       from connector_messages m
      where m.connector_id = $1 and m.direction = 'out' and m.resource = $2 and m.type = any($3)
      order by m.id desc limit 1`,
    [connectorId, resource, types],
  );
  return row ?? null;
}

/** True when a message with `dedupeKey` was queued for the connector. */
export async function isQueued(q: Queryable, connectorId: string, dedupeKey: string): Promise<boolean> {
  const rows = await q.query('select 1 from connector_messages where connector_id = $1 and dedupe_key = $2', [
    connectorId,
    dedupeKey,
  ]);
  return rows.length > 0;
}

/**
 * Home-delivery orders at `locationId`, paid and not yet picked (placed or accepted), that were
 * never sent to the connector: oldest first.
 */
export async function listUnsentOpenOrderIds(
  q: Queryable,
  connectorId: string,
  locationId: string,
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select o.id from orders o
      where o.location_id = $2 and o.fulfilment = 'delivery' and o.status in ('placed', 'accepted')
        and not exists (select 1 from connector_messages m
                         where m.connector_id = $1 and m.dedupe_key = 'order.created:' || o.id)
      order by o.created_at, o.id`,
    [connectorId, locationId],
  );
  return rows.map((r) => r.id);
}
