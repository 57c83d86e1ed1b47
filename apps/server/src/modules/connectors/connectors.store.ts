// SQL for `connectors` (config and the fan-out cursor) and `connector_order_sequences`.
import type { Connector } from '@handla/api';
import type { Queryable } from '@handla/db';

export interface ConnectorRow {
  id: string;
  kind: '3pl' | 'erp';
  name: string;
  locationId: string | null;
  baseUrl: string;
  secret: string;
  isEnabled: boolean;
  isHomeDelivery: boolean;
  lastEventId: number;
  createdAt: Date;
}

const COLUMNS = `c.id, c.kind, c.name, c.location_id as "locationId", c.base_url as "baseUrl", c.secret,
  c.is_enabled as "isEnabled", c.is_home_delivery as "isHomeDelivery",
  c.last_event_id::int as "lastEventId", c.created_at as "createdAt"`;

export function toConnector(row: ConnectorRow, counts: { pending: number; deadLetters: number }): Connector {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    locationId: row.locationId,
    baseUrl: row.baseUrl,
    isEnabled: row.isEnabled,
    isHomeDelivery: row.isHomeDelivery,
    pending: counts.pending,
    deadLetters: counts.deadLetters,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function insertConnector(
  q: Queryable,
  c: Omit<ConnectorRow, 'lastEventId' | 'createdAt' | 'isEnabled'>,
  lastEventId: number,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into connectors (id, kind, name, location_id, base_url, secret, is_home_delivery, last_event_id,
                             created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [c.id, c.kind, c.name, c.locationId, c.baseUrl, c.secret, c.isHomeDelivery, lastEventId, at],
  );
}

export async function findConnector(q: Queryable, id: string): Promise<ConnectorRow | undefined> {
  const [row] = await q.query<ConnectorRow>(`select ${COLUMNS} from connectors c where c.id = $1`, [id]);
  return row;
}

export async function findConnectorOfLocation(
  q: Queryable,
  locationId: string,
): Promise<ConnectorRow | undefined> {
  const [row] = await q.query<ConnectorRow>(
    `select ${COLUMNS} from connectors c where c.location_id = $1 and c.kind = '3pl'`,
    [locationId],
  );
  return row;
}

export async function listConnectorRows(q: Queryable): Promise<ConnectorRow[]> {
  return q.query<ConnectorRow>(`select ${COLUMNS} from connectors c order by c.created_at, c.id`);
}

/** Outbound messages not yet sent (nor given up), per connector. */
export async function countPending(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.query<{ connectorId: string; n: number }>(
    `select connector_id as "connectorId", count(*)::int as n from connector_messages
      where direction = 'out' and status in ('pending', 'sending', 'retrying') group by connector_id`,
  );
  return new Map(rows.map((r) => [r.connectorId, r.n]));
}

export async function updateConnector(
  q: Queryable,
  id: string,
  change: { baseUrl?: string; isEnabled?: boolean; isHomeDelivery?: boolean },
  at: Date,
): Promise<boolean> {
  const rows = await q.query(
    `update connectors set base_url = coalesce($2, base_url), is_enabled = coalesce($3, is_enabled),
            is_home_delivery = coalesce($4, is_home_delivery), updated_at = $5
      where id = $1 returning id`,
    [id, change.baseUrl ?? null, change.isEnabled ?? null, change.isHomeDelivery ?? null, at],
  );
  return rows.length > 0;
}

/** Only one connector's location takes the web shop's home deliveries. */
export async function clearHomeDelivery(q: Queryable, exceptId: string): Promise<void> {
  await q.query('update connectors set is_home_delivery = false where id <> $1 and is_home_delivery', [
    exceptId,
  ]);
}

/** The location of the enabled 3PL connector that takes home deliveries, if any. */
export async function findHomeDeliveryLocationId(q: Queryable): Promise<string | null> {
  const [row] = await q.query<{ locationId: string }>(
    `select location_id as "locationId" from connectors
      where kind = '3pl' and is_enabled and is_home_delivery order by created_at limit 1`,
  );
  return row?.locationId ?? null;
}

/** Enabled 3PL connectors, locked for the fan-out; another process running it skips them. */
export async function lockConnectorsForFanOut(q: Queryable): Promise<ConnectorRow[]> {
  return q.query<ConnectorRow>(
    `select ${COLUMNS} from connectors c where c.is_enabled and c.kind = '3pl' order by c.id
       for update skip locked`,
  );
}

/** One connector, locked against the fan-out (which skips it meanwhile) and another backfill. */
export async function lockConnector(q: Queryable, id: string): Promise<ConnectorRow | undefined> {
  const [row] = await q.query<ConnectorRow>(
    `select ${COLUMNS} from connectors c where c.id = $1 for update`,
    [id],
  );
  return row;
}

export async function moveCursor(q: Queryable, id: string, lastEventId: number): Promise<void> {
  await q.query('update connectors set last_event_id = $2 where id = $1', [id, lastEventId]);
}

/** The next inbound sequence number to apply for the order (1 when nothing came yet). */
export async function nextSequenceOf(q: Queryable, connectorId: string, orderId: string): Promise<number> {
  const [row] = await q.query<{ next: number }>(
    `select next_sequence as next from connector_order_sequences where connector_id = $1 and order_id = $2`,
    [connectorId, orderId],
  );
  return row?.next ?? 1;
}

/** Moves the order's sequence past `sequence`, only from exactly there (a lost race changes nothing). */
export async function advanceSequence(
  q: Queryable,
  connectorId: string,
  orderId: string,
  sequence: number,
): Promise<boolean> {
  const rows = await q.query(
    `insert into connector_order_sequences (connector_id, order_id, next_sequence) values ($1, $2, $3 + 1)
     on conflict (connector_id, order_id) do update set next_sequence = excluded.next_sequence
       where connector_order_sequences.next_sequence = $3
     returning next_sequence`,
    [connectorId, orderId, sequence],
  );
  return rows.length > 0;
}
