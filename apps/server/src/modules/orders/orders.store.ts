// SQL for web orders, their lines, the per-company order counter and shipping methods.
import type { Address, OrderStatus } from '@handla/api';
import type { PaymentMethod } from '@handla/core';
import type { Queryable } from '@handla/db';

export interface OrderRow {
  id: string;
  companyId: string;
  number: number;
  checkoutId: string;
  status: OrderStatus;
  channel: 'web' | 'register' | 'api';
  locale: 'sv' | 'en';
  customerName: string;
  customerEmail: string;
  customerPhone: string | null;
  customerId: string | null;
  fulfilment: 'pickup' | 'delivery';
  storeId: string | null;
  locationId: string;
  slotStartsAt: Date | null;
  slotEndsAt: Date | null;
  slotAsap: boolean;
  remindAt: Date | null;
  deliveryAddress: Address | null;
  shippingMethodId: string | null;
  shippingPriceInclVat: number;
  shippingVatRateBp: number;
  linesTotalInclVat: number;
  totalInclVat: number;
  currency: string;
  paymentMethod: PaymentMethod;
  paymentId: string | null;
  statusToken: string;
  statusUrl: string;
  pickupCode: string;
  cancelReason: string | null;
  createdAt: Date;
  placedAt: Date | null;
  readyAt: Date | null;
  cancelledAt: Date | null;
  acceptedAt: Date | null;
  pickingAt: Date | null;
  collectedAt: Date | null;
  lockedByKind: 'register' | 'staff' | 'api' | null;
  lockedById: string | null;
  lockedByName: string | null;
  receiptId: string | null;
  updatedAt: Date;
}

export interface OrderLineRow {
  id: string;
  orderId: string;
  position: number;
  skuId: string;
  sku: string;
  productNameSv: string;
  productNameEn: string;
  variantName: string | null;
  quantity: number;
  unitPriceInclVat: number;
  lineTotalInclVat: number;
  vatRateBp: number;
  reservationId: string | null;
  state: 'open' | 'picked' | 'removed' | 'substituted' | 'shipping';
  pickedQuantity: number;
  returnedQuantity: number;
  substitutesLineId: string | null;
  shipFromLocationId: string | null;
  note: string | null;
}

const ORDER_COLUMNS = `id, company_id as "companyId", number, checkout_id as "checkoutId", status, channel,
  locale, customer_name as "customerName", customer_email as "customerEmail",
  customer_phone as "customerPhone", customer_id as "customerId", fulfilment, store_id as "storeId",
  location_id as "locationId", slot_starts_at as "slotStartsAt", slot_ends_at as "slotEndsAt",
  slot_asap as "slotAsap", remind_at as "remindAt", delivery_address as "deliveryAddress",
  shipping_method_id as "shippingMethodId", shipping_price_incl_vat as "shippingPriceInclVat",
  shipping_vat_rate_bp as "shippingVatRateBp", lines_total_incl_vat as "linesTotalInclVat",
  total_incl_vat as "totalInclVat", currency, payment_method as "paymentMethod",
  payment_id as "paymentId", status_token as "statusToken", status_url as "statusUrl", pickup_code as "pickupCode",
  cancel_reason as "cancelReason", created_at as "createdAt", placed_at as "placedAt",
  ready_at as "readyAt", cancelled_at as "cancelledAt", updated_at as "updatedAt",
  accepted_at as "acceptedAt", picking_at as "pickingAt", collected_at as "collectedAt",
  locked_by_kind as "lockedByKind", locked_by_id as "lockedById", locked_by_name as "lockedByName",
  receipt_id as "receiptId"`;

const LINE_COLUMNS = `id, order_id as "orderId", position, sku_id as "skuId", sku,
  product_name_sv as "productNameSv", product_name_en as "productNameEn", variant_name as "variantName",
  quantity, unit_price_incl_vat as "unitPriceInclVat", line_total_incl_vat as "lineTotalInclVat",
  vat_rate_bp as "vatRateBp", reservation_id as "reservationId", state,
  picked_quantity as "pickedQuantity", returned_quantity as "returnedQuantity",
  substitutes_line_id as "substitutesLineId", ship_from_location_id as "shipFromLocationId", note`;

/**
 * The company's next order number. The counter row stays locked until the transaction ends, so
 * concurrent checkouts take turns, and a rolled-back checkout leaves no gap.
 */
export async function takeOrderNumber(q: Queryable, companyId: string): Promise<number> {
  await q.query('insert into order_counters (company_id) values ($1) on conflict do nothing', [companyId]);
  const [row] = await q.query<{ number: number }>(
    `update order_counters set next_number = next_number + 1 where company_id = $1
     returning next_number - 1 as number`,
    [companyId],
  );
  return Number(row!.number);
}

export type NewOrder = Omit<
  OrderRow,
  | 'placedAt'
  | 'readyAt'
  | 'cancelledAt'
  | 'cancelReason'
  | 'updatedAt'
  | 'acceptedAt'
  | 'pickingAt'
  | 'collectedAt'
  | 'lockedByKind'
  | 'lockedById'
  | 'lockedByName'
  | 'receiptId'
>;

/** A line as checkout writes it: every line starts open, nothing picked or returned. */
export type NewOrderLine = Omit<
  OrderLineRow,
  'state' | 'pickedQuantity' | 'returnedQuantity' | 'substitutesLineId' | 'shipFromLocationId' | 'note'
>;

/** Inserts the order unless its checkout id exists; false when another checkout got there first. */
export async function insertOrder(q: Queryable, o: NewOrder): Promise<boolean> {
  const rows = await q.query(
    `insert into orders (id, company_id, number, checkout_id, status, channel, locale, customer_name,
       customer_email, customer_phone, customer_id, fulfilment, store_id, location_id, slot_starts_at,
       slot_ends_at, slot_asap, remind_at, delivery_address, shipping_method_id, shipping_price_incl_vat,
       shipping_vat_rate_bp, lines_total_incl_vat, total_incl_vat, currency, payment_method, payment_id,
       status_token, status_url, pickup_code, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
       $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $31)
     on conflict (checkout_id) do nothing returning id`,
    [
      o.id,
      o.companyId,
      o.number,
      o.checkoutId,
      o.status,
      o.channel,
      o.locale,
      o.customerName,
      o.customerEmail,
      o.customerPhone,
      o.customerId,
      o.fulfilment,
      o.storeId,
      o.locationId,
      o.slotStartsAt,
      o.slotEndsAt,
      o.slotAsap,
      o.remindAt,
      o.deliveryAddress ? JSON.stringify(o.deliveryAddress) : null,
      o.shippingMethodId,
      o.shippingPriceInclVat,
      o.shippingVatRateBp,
      o.linesTotalInclVat,
      o.totalInclVat,
      o.currency,
      o.paymentMethod,
      o.paymentId,
      o.statusToken,
      o.statusUrl,
      o.pickupCode,
      o.createdAt,
    ],
  );
  return rows.length > 0;
}

export async function insertOrderLines(q: Queryable, lines: readonly NewOrderLine[]): Promise<void> {
  for (const l of lines) {
    await q.query(
      `insert into order_lines (id, order_id, position, sku_id, sku, product_name_sv, product_name_en,
         variant_name, quantity, unit_price_incl_vat, line_total_incl_vat, vat_rate_bp, reservation_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        l.id,
        l.orderId,
        l.position,
        l.skuId,
        l.sku,
        l.productNameSv,
        l.productNameEn,
        l.variantName,
        l.quantity,
        l.unitPriceInclVat,
        l.lineTotalInclVat,
        l.vatRateBp,
        l.reservationId,
      ],
    );
  }
}

function normalize(row: OrderRow): OrderRow {
  return { ...row, number: Number(row.number) };
}

/** One order; `forUpdate` locks it so two status changes cannot interleave. */
export async function findOrder(
  q: Queryable,
  where: { id: string } | { checkoutId: string } | { statusToken: string },
  options: { forUpdate?: boolean } = {},
): Promise<OrderRow | undefined> {
  const [column, value] =
    'id' in where
      ? ['id', where.id]
      : 'checkoutId' in where
        ? ['checkout_id', where.checkoutId]
        : ['status_token', where.statusToken];
  const [row] = await q.query<OrderRow>(
    `select ${ORDER_COLUMNS} from orders where ${column} = $1 ${options.forUpdate ? 'for update' : ''}`,
    [value],
  );
  return row && normalize(row);
}

/** Orders by id, in the order given; unknown ids are left out. */
export async function listOrdersByIds(q: Queryable, ids: readonly string[]): Promise<OrderRow[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<OrderRow>(`select ${ORDER_COLUMNS} from orders where id = any($1)`, [ids]);
  const byId = new Map(rows.map((row) => [row.id, normalize(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function listOrderLines(q: Queryable, orderIds: readonly string[]): Promise<OrderLineRow[]> {
  if (orderIds.length === 0) return [];
  return q.query<OrderLineRow>(
    `select ${LINE_COLUMNS} from order_lines where order_id = any($1) order by order_id, position`,
    [orderIds],
  );
}

export interface OrderFilter {
  status?: OrderStatus;
  storeId?: string;
  customerId?: string;
  createdBefore?: Date;
  limit: number;
}

/** Orders newest first. */
export async function listOrders(q: Queryable, filter: OrderFilter): Promise<OrderRow[]> {
  const rows = await q.query<OrderRow>(
    `select ${ORDER_COLUMNS} from orders
      where ($1::text is null or status = $1) and ($2::text is null or store_id = $2)
        and ($3::text is null or customer_id = $3) and ($5::timestamptz is null or created_at < $5)
      order by created_at desc, id desc limit $4`,
    [
      filter.status ?? null,
      filter.storeId ?? null,
      filter.customerId ?? null,
      filter.limit,
      filter.createdBefore ?? null,
    ],
  );
  return rows.map(normalize);
}

/** Moves the order to `status`, stamping the matching instant; leaving `picking` frees its lock. */
export async function updateOrderStatus(
  q: Queryable,
  orderId: string,
  status: OrderStatus,
  at: Date,
  cancelReason: string | null = null,
): Promise<void> {
  await q.query(
    `update orders set status = $2, updated_at = $3,
       placed_at = case when $2 = 'placed' then $3 else placed_at end,
       ready_at = case when $2 = 'ready' then $3 else ready_at end,
       accepted_at = case when $2 = 'accepted' then $3 else accepted_at end,
       picking_at = case when $2 = 'picking' then $3 else picking_at end,
       collected_at = case when $2 = 'collected' then $3 else collected_at end,
       cancelled_at = case when $2 = 'cancelled' then $3 else cancelled_at end,
       cancel_reason = coalesce($4, cancel_reason),
       -- The picking lock lasts as long as the picking: any other status frees the order.
       locked_by_kind = case when $2 = 'picking' then locked_by_kind end,
       locked_by_id = case when $2 = 'picking' then locked_by_id end,
       locked_by_name = case when $2 = 'picking' then locked_by_name end
     where id = $1`,
    [orderId, status, at, cancelReason],
  );
}

export interface ShippingMethodRow {
  id: string;
  name: string;
  carrier: string;
  serviceCode: string;
  description: string;
  priceInclVat: number;
  vatRateBp: number;
  currency: string;
  isActive: boolean;
}

const SHIPPING_COLUMNS = `id, name, carrier, service_code as "serviceCode", description,
  price_incl_vat as "priceInclVat", vat_rate_bp as "vatRateBp", currency, is_active as "isActive"`;

export async function listShippingMethods(q: Queryable): Promise<ShippingMethodRow[]> {
  return q.query<ShippingMethodRow>(
    `select ${SHIPPING_COLUMNS} from shipping_methods where is_active order by sort_order, id`,
  );
}

export async function findShippingMethod(q: Queryable, id: string): Promise<ShippingMethodRow | undefined> {
  const [row] = await q.query<ShippingMethodRow>(
    `select ${SHIPPING_COLUMNS} from shipping_methods where id = $1`,
    [id],
  );
  return row;
}

/** Shelves of the SKUs at every location, keyed "skuId|locationId". */
export async function listShelves(q: Queryable, skuIds: readonly string[]): Promise<Map<string, string>> {
  if (skuIds.length === 0) return new Map();
  const rows = await q.query<{ skuId: string; locationId: string; shelf: string }>(
    `select sku_id as "skuId", location_id as "locationId", shelf from sku_shelves where sku_id = any($1)`,
    [[...new Set(skuIds)]],
  );
  return new Map(rows.map((r) => [`${r.skuId}|${r.locationId}`, r.shelf]));
}

/**
 * Cancelled orders whose payment still holds money (a void or refund failed after the cancel
 * committed), oldest first: the settle job gives it back.
 */
export async function listCancelledOrdersHoldingMoney(
  q: Queryable,
  cancelledSince: Date,
  limit: number,
): Promise<{ id: string; cancelReason: string | null }[]> {
  return q.query(
    `select o.id, o.cancel_reason as "cancelReason" from orders o join payments p on p.id = o.payment_id
      where o.status = 'cancelled' and o.cancelled_at >= $1
        and p.status in ('authorized', 'partially_captured', 'captured', 'partially_refunded')
        and (p.authorized > p.captured or p.captured > p.refunded)
      order by o.cancelled_at limit $2`,
    [cancelledSince, limit],
  );
}
