// Shipments and orders as the warehouse sees them: what each line has shipped, cancelled and still
// to ship, and the shipments with their captures and tracking numbers.
import type { Shipment, ShippingOrder, ShippingOrderLine, ShippingState } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import { listOrderLines, listOrdersByIds, type OrderLineRow, type OrderRow } from '../orders/orders.store';
import { findPayment } from '../payments/payments.service';
import {
  listLineShipping,
  listShipmentLines,
  type ShipmentLineRow,
  type ShipmentRow,
} from './shipping.store';

/** Shipments not yet finished or failed: their units are spoken for. */
const UNDER_WAY: readonly ShipmentRow['status'][] = ['started', 'captured'];

export function lineName(line: Pick<OrderLineRow, 'productNameSv' | 'variantName'>): string {
  return line.variantName ? `${line.productNameSv} (${line.variantName})` : line.productNameSv;
}

/** Orders whose lines may be shipped: delivery orders in work; pickup orders only for ship-home lines. */
export function isShippableLine(order: Pick<OrderRow, 'fulfilment'>, line: Pick<OrderLineRow, 'state'>) {
  if (order.fulfilment === 'pickup') return line.state === 'shipping';
  return line.state === 'open' || line.state === 'picked' || line.state === 'shipping';
}

/** Units of each line in shipments still under way. */
export function unitsUnderWay(
  shipments: readonly ShipmentRow[],
  lines: readonly ShipmentLineRow[],
): Map<string, number> {
  const open = new Set(shipments.filter((s) => UNDER_WAY.includes(s.status)).map((s) => s.id));
  const units = new Map<string, number>();
  for (const l of lines) {
    if (open.has(l.shipmentId)) units.set(l.orderLineId, (units.get(l.orderLineId) ?? 0) + l.quantity);
  }
  return units;
}

/** Units of the line that may still go into a new shipment. */
export function remainingOf(line: OrderLineRow & ShippingColumns, underWay: number): number {
  return Math.max(0, line.quantity - line.shippedQuantity - line.cancelledQuantity - underWay);
}

export interface ShippingColumns {
  shippedQuantity: number;
  cancelledQuantity: number;
}

export function shippingStateOf(
  order: Pick<OrderRow, 'fulfilment'>,
  lines: readonly (OrderLineRow & ShippingColumns)[],
): ShippingState {
  const shippable = lines.filter((l) => isShippableLine(order, l) || l.shippedQuantity > 0);
  if (shippable.length === 0) return 'nothing_to_ship';
  const shipped = shippable.reduce((n, l) => n + l.shippedQuantity, 0);
  const done = shippable.every((l) => l.shippedQuantity + l.cancelledQuantity >= l.quantity);
  if (done) return shipped > 0 ? 'shipped' : 'nothing_to_ship';
  return shipped > 0 ? 'partially_shipped' : 'unshipped';
}

/** Shipments in the contract's shape; `orders` and `lines` cover every shipment's order. */
export function toShipments(
  rows: readonly ShipmentRow[],
  shipmentLines: readonly ShipmentLineRow[],
  orders: ReadonlyMap<string, OrderRow>,
  orderLines: ReadonlyMap<string, OrderLineRow>,
): Shipment[] {
  return rows.map((s) => {
    const order = orders.get(s.orderId)!;
    const m = (amount: number) => ({ amount, currency: order.currency });
    return {
      id: s.id,
      orderId: s.orderId,
      orderNumber: String(order.number),
      number: s.number,
      status: s.status,
      carrier: s.carrier,
      serviceCode: s.serviceCode,
      fromLocationId: s.locationId,
      trackingNumber: s.trackingNumber,
      trackingUrl: s.trackingUrl,
      labelUrl: s.hasLabel ? `/api/shipping/shipments/${s.id}/label.pdf` : null,
      amount: m(s.amount),
      shippingFee: m(s.shippingFee),
      lines: shipmentLines
        .filter((l) => l.shipmentId === s.id)
        .map((l) => {
          const line = orderLines.get(l.orderLineId)!;
          return {
            orderLineId: l.orderLineId,
            sku: line.sku,
            name: lineName(line),
            quantity: l.quantity,
            amount: m(l.amount),
          };
        }),
      parcels: s.parcels,
      error: s.error,
      createdAt: s.createdAt.toISOString(),
      finishedAt: s.finishedAt?.toISOString() ?? null,
    };
  });
}

/** Shipments of any orders, with their orders and lines read in bulk. */
export async function viewShipmentRows(q: Queryable, rows: readonly ShipmentRow[]): Promise<Shipment[]> {
  const orderIds = [...new Set(rows.map((s) => s.orderId))];
  const orders = new Map((await listOrdersByIds(q, orderIds)).map((o) => [o.id, o]));
  const orderLines = new Map((await listOrderLines(q, orderIds)).map((l) => [l.id, l]));
  const lines = await listShipmentLines(
    q,
    rows.map((s) => s.id),
  );
  return toShipments(rows, lines, orders, orderLines);
}

/** The order's lines with their shipping columns. */
export async function listShippingLines(
  q: Queryable,
  orderId: string,
): Promise<(OrderLineRow & ShippingColumns)[]> {
  const lines = await listOrderLines(q, [orderId]);
  const shipping = await listLineShipping(q, orderId);
  return lines.map((l) => ({
    ...l,
    shippedQuantity: shipping.get(l.id)!.shipped,
    cancelledQuantity: shipping.get(l.id)!.cancelled,
  }));
}

export function orderNotFound(orderId: string): DomainError {
  return new DomainError('not_found', `No order ${orderId}.`, [
    { field: 'orderId', message: 'Unknown order' },
  ]);
}

/** The order as the warehouse sees it. */
export async function viewShippingOrder(
  q: Queryable,
  order: OrderRow,
  shipments: readonly ShipmentRow[],
): Promise<ShippingOrder> {
  const lines = await listShippingLines(q, order.id);
  const shipmentLines = await listShipmentLines(
    q,
    shipments.map((s) => s.id),
  );
  const underWay = unitsUnderWay(shipments, shipmentLines);
  const payment = order.paymentId ? await findPayment(q, order.paymentId) : null;
  const m = (amount: number) => ({ amount, currency: order.currency });
  const viewLines: ShippingOrderLine[] = lines.map((l) => ({
    id: l.id,
    sku: l.sku,
    name: lineName(l),
    state: l.state,
    quantity: l.quantity,
    shipped: l.shippedQuantity,
    cancelled: l.cancelledQuantity,
    remaining: isShippableLine(order, l) ? remainingOf(l, underWay.get(l.id) ?? 0) : 0,
    unitPrice: m(l.unitPriceInclVat),
    shipFromLocationId: l.shipFromLocationId,
    isShippable: isShippableLine(order, l),
  }));
  return {
    orderId: order.id,
    number: String(order.number),
    status: order.status,
    fulfilment: order.fulfilment,
    customerName: order.customerName,
    shippingState: shippingStateOf(order, lines),
    payment: {
      status: payment?.status ?? 'pending',
      authorized: m(payment?.authorized ?? 0),
      captured: m(payment?.captured ?? 0),
    },
    lines: viewLines,
    shipments: toShipments(
      shipments,
      shipmentLines,
      new Map([[order.id, order]]),
      new Map(lines.map((l) => [l.id, l])),
    ),
  };
}
