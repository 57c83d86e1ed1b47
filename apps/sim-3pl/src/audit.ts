// Compares what the simulated 3PL sent with what Handla's database shows it applied — the checks
// behind "nothing lost, nothing applied twice, each order's messages in order" (the process test
// and the `wms.sync` bench). Reads Handla's tables directly; a test of the server, not of the sim.
import type { SentRecord } from './sender';

/** What the audit needs of a database (`@handla/db`'s Queryable fits). */
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SyncAudit {
  /** Messages the sim produced and Handla answered (2xx, or a 4xx refusal such as 422). */
  answered: number;
  /** Answered but neither applied nor dead-lettered: lost. */
  lost: string[];
  deadLettered: string[];
  /** Effects beyond one per message: extra shipments per shipped message, extra captures per shipment. */
  duplicated: number;
  /** Orders whose messages were applied out of sequence. */
  outOfOrder: string[];
}

interface InboundRow {
  messageId: string;
  orderId: string | null;
  sequence: number | null;
  status: string;
  doneAt: Date | string | null;
}

/** Audits the connector `connectorId` against the sim's `records`. */
export async function auditSync(
  db: Queryable,
  connectorId: string,
  records: SentRecord[],
): Promise<SyncAudit> {
  const rows = await db.query<InboundRow>(
    `select message_id as "messageId", order_id as "orderId", sequence, status, done_at as "doneAt"
       from connector_messages where connector_id = $1 and direction = 'in'`,
    [connectorId],
  );
  const byId = new Map(rows.map((r) => [r.messageId, r]));
  const answered = records.filter((r) => r.isAcked || r.rejected !== null);
  const lost = answered.filter(
    (r) => !['applied', 'dead_lettered'].includes(byId.get(r.messageId)?.status ?? ''),
  );
  const deadLettered = answered.filter((r) => byId.get(r.messageId)?.status === 'dead_lettered');

  const shippedPerOrder = new Map<string, number>();
  for (const r of answered) {
    if (r.type === 'order.shipped' && byId.get(r.messageId)?.status === 'applied') {
      shippedPerOrder.set(r.orderId!, (shippedPerOrder.get(r.orderId!) ?? 0) + 1);
    }
  }
  const orderIds = [...shippedPerOrder.keys()];
  const effects = await db.query<{ orderId: string; shipments: number; captures: number }>(
    `select o.id as "orderId",
            (select count(*)::int from shipments s where s.order_id = o.id and s.status = 'done') as shipments,
            (select count(*)::int from payment_operations po join payments p on p.id = po.payment_id
              where p.order_id = o.id and po.kind = 'capture' and po.outcome = 'succeeded') as captures
       from orders o where o.id = any($1)`,
    [orderIds],
  );
  let duplicated = 0;
  for (const e of effects) {
    duplicated += Math.max(0, e.shipments - shippedPerOrder.get(e.orderId)!);
    duplicated += Math.max(0, e.captures - e.shipments);
  }

  const appliedPerOrder = new Map<string, InboundRow[]>();
  for (const row of rows) {
    if (row.orderId === null || row.status !== 'applied') continue;
    appliedPerOrder.set(row.orderId, [...(appliedPerOrder.get(row.orderId) ?? []), row]);
  }
  const outOfOrder = [...appliedPerOrder]
    .filter(([, applied]) => {
      const bySequence = applied.sort((a, b) => a.sequence! - b.sequence!);
      const times = bySequence.map((r) => new Date(r.doneAt ?? 0).getTime());
      return times.some((t, i) => i > 0 && t < times[i - 1]!);
    })
    .map(([orderId]) => orderId);

  return {
    answered: answered.length,
    lost: lost.map((r) => r.messageId),
    deadLettered: deadLettered.map((r) => r.messageId),
    duplicated,
    outOfOrder,
  };
}
