// SQL of shipments and their lines. It also writes the shipping columns of `order_lines` (shipped
// and cancelled units, the hold that is left) and reads a location's address for the label: the
// orders module owns those tables but has no operations for them yet.
import type { Address, Parcel, ShipmentStatus } from '@handla/api';
import type { PaymentPart } from '@handla/core';
import type { Queryable } from '@handla/db';

export interface ShipmentRow {
  id: string;
  orderId: string;
  idempotencyKey: string;
  number: number;
  status: ShipmentStatus;
  locationId: string;
  carrier: string;
  serviceCode: string;
  amount: number;
  shippingFee: number;
  parcels: Parcel[];
  /** The capture split over the order's payments; null: all from the order's own payment. */
  captures: PaymentPart[] | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  hasLabel: boolean;
  error: string | null;
  createdBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ShipmentLineRow {
  shipmentId: string;
  orderLineId: string;
  quantity: number;
  amount: number;
}

const COLUMNS = `id, order_id as "orderId", idempotency_key as "idempotencyKey", number, status,
  location_id as "locationId", carrier, service_code as "serviceCode", amount, shipping_fee as "shippingFee",
  parcels, captures, tracking_number as "trackingNumber", tracking_url as "trackingUrl",
  label_pdf is not null as "hasLabel", error, created_by as "createdBy", created_at as "createdAt",
  finished_at as "finishedAt"`;

export type NewShipment = Omit<
  ShipmentRow,
  'status' | 'trackingNumber' | 'trackingUrl' | 'hasLabel' | 'error' | 'finishedAt'
>;

export async function insertShipment(
  q: Queryable,
  s: NewShipment,
  lines: readonly Omit<ShipmentLineRow, 'shipmentId'>[],
): Promise<void> {
  await q.query(
    `insert into shipments (id, order_id, idempotency_key, number, status, location_id, carrier, service_code,
       amount, shipping_fee, parcels, created_by, created_at, captures)
     values ($1, $2, $3, $4, 'started', $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      s.id,
      s.orderId,
      s.idempotencyKey,
      s.number,
      s.locationId,
      s.carrier,
      s.serviceCode,
      s.amount,
      s.shippingFee,
      JSON.stringify(s.parcels),
      s.createdBy,
      s.createdAt,
      s.captures ? JSON.stringify(s.captures) : null,
    ],
  );
  for (const line of lines) {
    await q.query(
      'insert into shipment_lines (shipment_id, order_line_id, quantity, amount) values ($1, $2, $3, $4)',
      [s.id, line.orderLineId, line.quantity, line.amount],
    );
  }
}

export async function findShipment(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ShipmentRow | undefined> {
  const [row] = await q.query<ShipmentRow>(
    `select ${COLUMNS} from shipments where id = $1 ${options.forUpdate ? 'for update' : ''}`,
    [id],
  );
  return row;
}

export async function findShipmentByKey(
  q: Queryable,
  orderId: string,
  idempotencyKey: string,
): Promise<ShipmentRow | undefined> {
  const [row] = await q.query<ShipmentRow>(
    `select ${COLUMNS} from shipments where order_id = $1 and idempotency_key = $2`,
    [orderId, idempotencyKey],
  );
  return row;
}

export async function listShipmentsOfOrder(q: Queryable, orderId: string): Promise<ShipmentRow[]> {
  return q.query<ShipmentRow>(`select ${COLUMNS} from shipments where order_id = $1 order by number`, [
    orderId,
  ]);
}

/** The latest shipments of every order, newest first. */
export async function listRecentShipments(q: Queryable, limit: number): Promise<ShipmentRow[]> {
  return q.query<ShipmentRow>(`select ${COLUMNS} from shipments order by created_at desc, id desc limit $1`, [
    limit,
  ]);
}

export async function listShipmentLines(
  q: Queryable,
  shipmentIds: readonly string[],
): Promise<ShipmentLineRow[]> {
  if (shipmentIds.length === 0) return [];
  return q.query<ShipmentLineRow>(
    `select shipment_id as "shipmentId", order_line_id as "orderLineId", quantity, amount
       from shipment_lines where shipment_id = any($1) order by shipment_id, order_line_id`,
    [[...shipmentIds]],
  );
}

export async function findLabelPdf(q: Queryable, id: string): Promise<Buffer | undefined> {
  const [row] = await q.query<{ pdf: Uint8Array | null }>(
    'select label_pdf as pdf from shipments where id = $1',
    [id],
  );
  return row?.pdf ? Buffer.from(row.pdf) : undefined;
}

export async function markShipmentCaptured(q: Queryable, id: string): Promise<void> {
  await q.query(
    `update shipments set status = 'captured', error = null where id = $1 and status = 'started'`,
    [id],
  );
}

/** A refused capture ends the shipment: its units count as unshipped again. */
export async function failShipment(q: Queryable, id: string, error: string, at: Date): Promise<void> {
  await q.query(
    `update shipments set status = 'failed', error = $2, finished_at = $3 where id = $1 and status = 'started'`,
    [id, error, at],
  );
}

/** No answer from the carrier or the payment provider: kept for a retry, with what went wrong. */
export async function noteShipmentError(q: Queryable, id: string, error: string): Promise<void> {
  await q.query('update shipments set error = $2 where id = $1', [id, error]);
}

export async function finishShipmentRow(
  q: Queryable,
  id: string,
  booking: { trackingNumber: string; trackingUrl: string; labelPdf: Buffer },
  at: Date,
): Promise<void> {
  await q.query(
    `update shipments set status = 'done', tracking_number = $2, tracking_url = $3, label_pdf = $4,
       error = null, finished_at = $5
     where id = $1`,
    [id, booking.trackingNumber, booking.trackingUrl, booking.labelPdf, at],
  );
}

export async function findShipmentByTracking(q: Queryable, trackingNumber: string) {
  const [row] = await q.query<ShipmentRow>(`select ${COLUMNS} from shipments where tracking_number = $1`, [
    trackingNumber,
  ]);
  return row;
}

/** Shipped and cancelled units of the order's lines, keyed by line id. */
export async function listLineShipping(
  q: Queryable,
  orderId: string,
): Promise<Map<string, { shipped: number; cancelled: number }>> {
  const rows = await q.query<{ id: string; shipped: number; cancelled: number }>(
    `select id, shipped_quantity as shipped, cancelled_quantity as cancelled from order_lines where order_id = $1`,
    [orderId],
  );
  return new Map(rows.map((r) => [r.id, { shipped: r.shipped, cancelled: r.cancelled }]));
}

export async function addShippedUnits(q: Queryable, lineId: string, units: number): Promise<void> {
  await q.query('update order_lines set shipped_quantity = shipped_quantity + $2 where id = $1', [
    lineId,
    units,
  ]);
}

/** Cancels `units` of the line; a line with nothing shipped becomes `removed` with the note. */
export async function cancelLineUnits(
  q: Queryable,
  lineId: string,
  units: number,
  note: string,
): Promise<void> {
  await q.query(
    `update order_lines set cancelled_quantity = cancelled_quantity + $2,
       state = case when shipped_quantity = 0 then 'removed' else state end,
       note = case when shipped_quantity = 0 then $3 else note end
     where id = $1`,
    [lineId, units, note],
  );
}

/** The hold of the line's units still to ship (a partial shipment re-holds the rest under a new id). */
export async function setLineReservation(q: Queryable, lineId: string, reservationId: string | null) {
  await q.query('update order_lines set reservation_id = $2 where id = $1', [lineId, reservationId]);
}

export async function findOrderIdByNumber(q: Queryable, number: number): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>(
    'select id from orders where number = $1 order by created_at limit 1',
    [number],
  );
  return row?.id;
}

export interface SenderRow {
  companyName: string;
  locationName: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  phone: string | null;
}

/** The sender on a label: the company, at the location's store address when it has one. */
export async function findSenderOf(q: Queryable, locationId: string): Promise<SenderRow> {
  const [row] = await q.query<SenderRow>(
    `select c.name as "companyName", l.name as "locationName", s.street, s.postal_code as "postalCode", s.city,
            coalesce(s.country, c.country) as country, s.phone
       from locations l join companies c on c.id = l.company_id
       -- A warehouse has no address of its own yet: the company's first store stands in.
       left join stores s on s.id = coalesce(l.store_id,
         (select id from stores where company_id = c.id order by created_at, id limit 1))
      where l.id = $1`,
    [locationId],
  );
  return row!;
}

/** Where a ship-home line goes (set when the store shipped it home). */
export async function findShipAddress(q: Queryable, lineId: string): Promise<Address | undefined> {
  const [row] = await q.query<{ address: Address | null }>(
    'select ship_address as address from order_lines where id = $1',
    [lineId],
  );
  return row?.address ?? undefined;
}

/**
 * Units of each line in the order's finished shipments, delivered at the order's last finished
 * shipment: with goods of one order arriving in several parcels, the right of withdrawal runs from
 * the day the last one arrived (Directive 2011/83/EU, art. 9(2)(b)).
 */
export async function listShippedUnits(
  q: Queryable,
  orderId: string,
): Promise<{ orderLineId: string; units: number; deliveredAt: Date }[]> {
  return q.query(
    `select l.order_line_id as "orderLineId", sum(l.quantity)::integer as units,
            (select max(x.finished_at) from shipments x where x.order_id = $1 and x.status = 'done') as "deliveredAt"
       from shipment_lines l join shipments s on s.id = l.shipment_id
      where s.order_id = $1 and s.status = 'done'
      group by l.order_line_id`,
    [orderId],
  );
}
