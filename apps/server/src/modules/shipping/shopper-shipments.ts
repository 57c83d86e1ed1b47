// The order's parcels on the shopper's order-status page: only shipments that left (booked with the
// carrier), their lines in the order's language, carrier, tracking link and date. No amounts or
// labels: those are the warehouse's.
import type { ShopperShipments } from '@handla/api';
import type { Queryable } from '@handla/db';
import { listOrderLines, type OrderRow } from '../orders/orders.store';
import { listShipmentLines, listShipmentsOfOrder } from './shipping.store';
import { listShippingLines, shippingStateOf } from './shipping.view';

export async function viewShopperShipments(q: Queryable, order: OrderRow): Promise<ShopperShipments> {
  const shipments = (await listShipmentsOfOrder(q, order.id)).filter((s) => s.status === 'done');
  const shipmentLines = await listShipmentLines(
    q,
    shipments.map((s) => s.id),
  );
  const orderLines = new Map((await listOrderLines(q, [order.id])).map((l) => [l.id, l]));
  const nameOf = (lineId: string) => {
    const l = orderLines.get(lineId)!;
    const product = order.locale === 'en' ? l.productNameEn : l.productNameSv;
    return l.variantName ? `${product} (${l.variantName})` : product;
  };
  return {
    shippingState: shippingStateOf(order, await listShippingLines(q, order.id)),
    shipments: shipments.map((s) => ({
      number: s.number,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      trackingUrl: s.trackingUrl,
      shippedAt: s.finishedAt?.toISOString() ?? null,
      lines: shipmentLines
        .filter((l) => l.shipmentId === s.id)
        .map((l) => ({ orderLineId: l.orderLineId, name: nameOf(l.orderLineId), quantity: l.quantity })),
    })),
  };
}
