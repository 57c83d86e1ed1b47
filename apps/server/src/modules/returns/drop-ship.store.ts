// SQL for drop shipping: which order lines a supplier ships, supplier orders, and the job's cursor.
import type { Queryable } from '@handla/db';

export interface DropShipLine {
  orderLineId: string;
  quantity: number;
  amount: number;
  supplierId: string;
}

/** The order's live lines whose product a supplier ships. */
export async function listDropShipLines(q: Queryable, orderId: string): Promise<DropShipLine[]> {
  return q.query<DropShipLine>(
    `select l.id as "orderLineId", l.quantity, l.line_total_incl_vat as amount, p.drop_ship_supplier_id as "supplierId"
       from order_lines l join skus k on k.id = l.sku_id join products p on p.id = k.product_id
      where l.order_id = $1 and p.drop_ship_supplier_id is not null and l.state not in ('removed', 'substituted')
      order by l.position`,
    [orderId],
  );
}

export interface SupplierOrderRow {
  id: string;
  orderId: string;
  supplierId: string;
  supplierName: string;
  supplierEmail: string | null;
  status: 'sent' | 'shipped' | 'cancelled';
  lines: { orderLineId: string; quantity: number; amount: number }[];
  amount: number;
  trackingNumber: string | null;
  captureStatus: 'captured' | 'failed' | null;
  createdAt: Date;
  shippedAt: Date | null;
}

const COLUMNS = `o.id, o.order_id as "orderId", o.supplier_id as "supplierId", s.name as "supplierName",
  s.email as "supplierEmail", o.status, o.lines, o.amount, o.tracking_number as "trackingNumber",
  o.capture_status as "captureStatus", o.created_at as "createdAt", o.shipped_at as "shippedAt"`;

/** Inserts the supplier order unless the order already has one for that supplier; true when inserted. */
export async function insertSupplierOrder(
  q: Queryable,
  o: { id: string; orderId: string; supplierId: string; tokenHash: string; lines: SupplierOrderRow['lines'] },
  at: Date,
): Promise<boolean> {
  const rows = await q.query(
    `insert into supplier_orders (id, order_id, supplier_id, status, token_hash, lines, amount, created_at)
     values ($1, $2, $3, 'sent', $4, $5, $6, $7) on conflict (order_id, supplier_id) do nothing returning 1`,
    [
      o.id,
      o.orderId,
      o.supplierId,
      o.tokenHash,
      JSON.stringify(o.lines),
      o.lines.reduce((s, l) => s + l.amount, 0),
      at,
    ],
  );
  return rows.length === 1;
}

export async function findSupplierOrder(
  q: Queryable,
  where: { id: string } | { tokenHash: string },
  options: { forUpdate?: boolean } = {},
): Promise<SupplierOrderRow | undefined> {
  const [column, value] = 'id' in where ? ['o.id', where.id] : ['o.token_hash', where.tokenHash];
  const [row] = await q.query<SupplierOrderRow>(
    `select ${COLUMNS} from supplier_orders o join suppliers s on s.id = o.supplier_id where ${column} = $1
     ${options.forUpdate ? 'for update of o' : ''}`,
    [value],
  );
  return row;
}

export async function listSupplierOrders(
  q: Queryable,
  filter: { orderId?: string } = {},
): Promise<SupplierOrderRow[]> {
  return q.query<SupplierOrderRow>(
    `select ${COLUMNS} from supplier_orders o join suppliers s on s.id = o.supplier_id
      where ($1::text is null or o.order_id = $1) order by o.created_at desc, o.id desc limit 200`,
    [filter.orderId ?? null],
  );
}

export async function markSupplierOrderShipped(
  q: Queryable,
  id: string,
  tracking: string,
  at: Date,
): Promise<void> {
  await q.query(
    `update supplier_orders set status = 'shipped', tracking_number = $2, shipped_at = $3 where id = $1 and status = 'sent'`,
    [id, tracking, at],
  );
}

export async function setCaptureStatus(
  q: Queryable,
  id: string,
  status: 'captured' | 'failed',
): Promise<void> {
  await q.query(
    `update supplier_orders set capture_status = $2 where id = $1 and capture_status is distinct from 'captured'`,
    [id, status],
  );
}

/** Locks the job's cursor, or null when another process holds it right now. */
export async function lockDropShipCursor(q: Queryable): Promise<number | null> {
  const [row] = await q.query<{ last: number }>(
    `select last_event_id::integer as last from dropship_cursor where id = 'order.placed' for update skip locked`,
  );
  return row ? row.last : null;
}

export async function moveDropShipCursor(q: Queryable, lastEventId: number): Promise<void> {
  await q.query(`update dropship_cursor set last_event_id = $1 where id = 'order.placed'`, [lastEventId]);
}

export async function setDropShipSupplier(
  q: Queryable,
  productId: string,
  supplierId: string | null,
): Promise<boolean> {
  const rows = await q.query('update products set drop_ship_supplier_id = $2 where id = $1 returning 1', [
    productId,
    supplierId,
  ]);
  return rows.length === 1;
}

export async function supplierExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('select 1 from suppliers where id = $1', [id])).length === 1;
}
