// SQL for suppliers, purchase orders, their lines and the deviations found on delivery.
import type { Supplier } from '@handla/api';
import type { Queryable } from '@handla/db';

export type PurchaseOrderStatus = 'open' | 'partially_received' | 'received' | 'closed';

export interface PurchaseOrderRow {
  id: string;
  supplierId: string;
  locationId: string;
  status: PurchaseOrderStatus;
  expectedOn: string;
  note: string;
  version: number;
  createdBy: string;
  createdAt: Date;
  closedAt: Date | null;
  lines: { skuId: string; orderedQuantity: number; receivedQuantity: number }[];
  deviations: { skuId: string; kind: 'over' | 'under'; quantity: number; recordedAt: string }[];
}

const SUPPLIER_COLUMNS = `id, code, name, email, phone, lead_time_days as "leadTimeDays", created_at as "createdAt"`;

export async function insertSupplier(
  q: Queryable,
  s: Omit<Supplier, 'createdAt'> & { companyId: string; createdAt: Date },
): Promise<{ id: string } | undefined> {
  const [row] = await q.query<{ id: string }>(
    `insert into suppliers (id, company_id, code, name, email, phone, lead_time_days, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (code) do nothing returning id`,
    [s.id, s.companyId, s.code, s.name, s.email, s.phone, s.leadTimeDays, s.createdAt],
  );
  return row;
}

export async function listSupplierRows(
  q: Queryable,
): Promise<(Omit<Supplier, 'createdAt'> & { createdAt: Date })[]> {
  return q.query(`select ${SUPPLIER_COLUMNS} from suppliers order by name, id`);
}

export async function findSupplierRow(q: Queryable, id: string) {
  const [row] = await q.query<Omit<Supplier, 'createdAt'> & { createdAt: Date }>(
    `select ${SUPPLIER_COLUMNS} from suppliers where id = $1`,
    [id],
  );
  return row;
}

// expected_on is a calendar date: read as text so no time zone can shift it.
const PO_COLUMNS = `p.id, p.supplier_id as "supplierId", p.location_id as "locationId", p.status,
  to_char(p.expected_on, 'YYYY-MM-DD') as "expectedOn", p.note, p.version, p.created_by as "createdBy",
  p.created_at as "createdAt", p.closed_at as "closedAt",
  coalesce((select json_agg(json_build_object('skuId', l.sku_id, 'orderedQuantity', l.ordered_quantity,
                                              'receivedQuantity', l.received_quantity) order by l.sku_id)
              from purchase_order_lines l where l.purchase_order_id = p.id), '[]'::json) as lines,
  coalesce((select json_agg(json_build_object('skuId', d.sku_id, 'kind', d.kind, 'quantity', d.quantity,
                                              'recordedAt', d.recorded_at) order by d.id)
              from purchase_order_deviations d where d.purchase_order_id = p.id), '[]'::json) as deviations`;

export async function insertPurchaseOrder(
  q: Queryable,
  p: Pick<
    PurchaseOrderRow,
    'id' | 'supplierId' | 'locationId' | 'expectedOn' | 'note' | 'createdBy' | 'createdAt'
  >,
): Promise<void> {
  await q.query(
    `insert into purchase_orders (id, supplier_id, location_id, status, expected_on, note, created_by, created_at, updated_at)
     values ($1, $2, $3, 'open', $4, $5, $6, $7, $7)`,
    [p.id, p.supplierId, p.locationId, p.expectedOn, p.note, p.createdBy, p.createdAt],
  );
}

/** Writes the lines as given: ordered and received per SKU (inserting or overwriting). */
export async function writePurchaseOrderLines(
  q: Queryable,
  purchaseOrderId: string,
  lines: readonly { skuId: string; orderedQuantity: number; receivedQuantity: number }[],
  options: { replace?: boolean } = {},
): Promise<void> {
  if (options.replace)
    await q.query('delete from purchase_order_lines where purchase_order_id = $1', [purchaseOrderId]);
  await q.query(
    `insert into purchase_order_lines (purchase_order_id, sku_id, ordered_quantity, received_quantity)
     select $1, sku_id, ordered, received from unnest($2::text[], $3::integer[], $4::integer[]) as l(sku_id, ordered, received)
     on conflict (purchase_order_id, sku_id) do update
       set ordered_quantity = excluded.ordered_quantity, received_quantity = excluded.received_quantity`,
    [
      purchaseOrderId,
      lines.map((l) => l.skuId),
      lines.map((l) => l.orderedQuantity),
      lines.map((l) => l.receivedQuantity),
    ],
  );
}

export async function insertDeviations(
  q: Queryable,
  purchaseOrderId: string,
  deviations: readonly { id: string; skuId: string; kind: 'over' | 'under'; quantity: number }[],
  actor: string,
  at: Date,
): Promise<void> {
  if (deviations.length === 0) return;
  await q.query(
    `insert into purchase_order_deviations (id, purchase_order_id, sku_id, kind, quantity, actor, recorded_at)
     select id, $1, sku_id, kind, quantity, $6, $7
       from unnest($2::text[], $3::text[], $4::text[], $5::integer[]) as d(id, sku_id, kind, quantity)`,
    [
      purchaseOrderId,
      deviations.map((d) => d.id),
      deviations.map((d) => d.skuId),
      deviations.map((d) => d.kind),
      deviations.map((d) => d.quantity),
      actor,
      at,
    ],
  );
}

export async function findPurchaseOrder(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PurchaseOrderRow | undefined> {
  const [row] = await q.query<PurchaseOrderRow>(
    `select ${PO_COLUMNS} from purchase_orders p where p.id = $1 ${options.forUpdate ? 'for update of p' : ''}`,
    [id],
  );
  return row;
}

/** Changes the order's head and bumps its version. */
export async function updatePurchaseOrder(
  q: Queryable,
  id: string,
  change: { status?: PurchaseOrderStatus; expectedOn?: string; note?: string },
  at: Date,
): Promise<void> {
  await q.query(
    `update purchase_orders
        set status = coalesce($2::text, status), expected_on = coalesce($3::date, expected_on),
            note = coalesce($4::text, note), version = version + 1, updated_at = $5,
            closed_at = case when $2::text = 'closed' then $5 else closed_at end
      where id = $1`,
    [id, change.status ?? null, change.expectedOn ?? null, change.note ?? null, at],
  );
}

/** A page of purchase orders, newest first, starting after the id `after`. */
export async function listPurchaseOrderRows(
  q: Queryable,
  filter: { status?: PurchaseOrderStatus; supplierId?: string; locationId?: string },
  after: string | null,
  limit: number,
): Promise<PurchaseOrderRow[]> {
  return q.query<PurchaseOrderRow>(
    `select ${PO_COLUMNS} from purchase_orders p
      where ($1::text is null or p.status = $1) and ($2::text is null or p.supplier_id = $2)
        and ($3::text is null or p.location_id = $3) and ($4::text is null or p.id < $4)
      order by p.id desc limit $5`,
    [filter.status ?? null, filter.supplierId ?? null, filter.locationId ?? null, after, limit],
  );
}

/** Units still expected from suppliers at each of the locations. */
export async function unitsOnOrderTo(
  q: Queryable,
  locationIds: readonly string[],
): Promise<{ skuId: string; locationId: string; units: number }[]> {
  return q.query(
    `select l.sku_id as "skuId", p.location_id as "locationId",
            sum(greatest(0, l.ordered_quantity - l.received_quantity))::integer as units
       from purchase_orders p join purchase_order_lines l on l.purchase_order_id = p.id
      where p.status in ('open', 'partially_received') and p.location_id = any($1)
      group by l.sku_id, p.location_id`,
    [locationIds],
  );
}
