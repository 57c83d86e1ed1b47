// Step 4 of a shipment, one transaction: the held units are sold, the lines and the order move on,
// the shopper's "shipped" mail is queued and the events go last. See shipping.service.ts.
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import {
  announceStockHoldIn,
  consumeHoldsIn,
  type TakenHold,
  takeStockHoldIn,
} from '../inventory/reservations.service';
import type { ShipmentNotice } from '../notifications/notifications.queue';
import { announceOrderIn, moveOrderIn, ORDER_ACTOR, queueShopperMessages } from '../orders/orders.lifecycle';
import { findOrder, type OrderRow } from '../orders/orders.store';
import { viewOrder } from '../orders/orders.view';
import type { BookedShipment } from './carrier.port';
import * as store from './shipping.store';
import { isShippableLine, lineName, listShippingLines, viewShipmentRows } from './shipping.view';

/**
 * Step 4, one transaction: the shipped units leave the hold as sales (a line shipped in part keeps
 * the rest held under a new hold), the lines count them, the order moves on (shipped when nothing
 * is left), the shopper's mail is queued; the events go last.
 */
export async function finishShipment(
  ctx: AppContext,
  shipmentId: string,
  booking: BookedShipment,
): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const first = (await store.findShipment(tx, shipmentId))!;
    const order = (await findOrder(tx, { id: first.orderId }, { forUpdate: true }))!;
    const row = (await store.findShipment(tx, shipmentId, { forUpdate: true }))!;
    // A twin request finished it while this one booked.
    if (row.status === 'done') return;
    const shipped = await store.listShipmentLines(tx, [row.id]);
    const lines = await listShippingLines(tx, order.id);
    const holds: { id: string; quantity: number }[] = [];
    const rest: { lineId: string; skuId: string; locationId: string; quantity: number }[] = [];
    for (const s of shipped) {
      const line = lines.find((l) => l.id === s.orderLineId)!;
      await store.addShippedUnits(tx, line.id, s.quantity);
      if (!line.reservationId) continue;
      const held = line.quantity - line.shippedQuantity - line.cancelledQuantity;
      holds.push({ id: line.reservationId, quantity: s.quantity });
      if (held > s.quantity) {
        rest.push({
          lineId: line.id,
          skuId: line.skuId,
          locationId: row.locationId,
          quantity: held - s.quantity,
        });
      }
    }
    const taken: TakenHold[] = [];
    await consumeHoldsIn(tx, ctx, now, ORDER_ACTOR, holds, async () => {
      // The units still to ship stay held: the hold ended as consumed, so they are held anew.
      for (const r of rest) {
        const reservationId = ctx.newId('res');
        taken.push(
          await takeStockHoldIn(tx, now, ORDER_ACTOR, {
            reservationId,
            skuId: r.skuId,
            locationId: r.locationId,
            quantity: r.quantity,
            reference: order.id,
          }),
        );
        await store.setLineReservation(tx, r.lineId, reservationId);
      }
      await store.finishShipmentRow(tx, row.id, booking, now);
    });
    for (const hold of taken) await announceStockHoldIn(tx, now, hold);
    await announceShipmentIn(tx, ctx, order, row, booking, shipped, lines);
  });
}

async function announceShipmentIn(
  tx: Queryable,
  ctx: AppContext,
  order: OrderRow,
  row: store.ShipmentRow,
  booking: BookedShipment,
  shipped: readonly store.ShipmentLineRow[],
  lines: Awaited<ReturnType<typeof listShippingLines>>,
): Promise<void> {
  const now = ctx.clock();
  const notice: ShipmentNotice = {
    carrier: row.carrier,
    trackingNumber: booking.trackingNumber,
    trackingUrl: booking.trackingUrl,
    lines: shipped.map((s) => ({
      name: lineName(lines.find((l) => l.id === s.orderLineId)!),
      quantity: s.quantity,
    })),
  };
  const after = await listShippingLines(tx, order.id);
  const isDone =
    order.fulfilment === 'delivery' &&
    after
      .filter((l) => isShippableLine(order, l))
      .every((l) => l.shippedQuantity + l.cancelledQuantity >= l.quantity);
  const tell = async (view: Awaited<ReturnType<typeof viewOrder>>) => {
    await queueShopperMessages(tx, ctx, view, 'order_shipped', undefined, row.id, { shipment: notice });
    const [shipment] = await viewShipmentRows(tx, [(await store.findShipment(tx, row.id))!]);
    await emitEvent(
      tx,
      {
        type: 'shipment.booked',
        aggregateType: 'shipment',
        aggregateId: row.id,
        storeId: order.storeId,
        data: { shipment },
      },
      now,
    );
  };
  if (isDone) {
    await moveOrderIn(tx, ctx, order, 'shipped', { beforeEvent: tell });
    return;
  }
  const view = await viewOrder(tx, order);
  await tell(view);
  await announceOrderIn(tx, ctx, view, 'order.updated', order.storeId, 'shipment');
}
