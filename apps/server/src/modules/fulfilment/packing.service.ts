// Packing by scan: each scan of an EAN or SKU code counts one unit of a line of the order that is
// not fully packed; a wrong or extra scan is refused and nothing is recorded. The last unit marks
// the order packed, which the shipping module books a shipment from.
import type { Packing } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { announceOrderIn } from '../orders/orders.lifecycle';
import { findOrder, type OrderRow } from '../orders/orders.store';
import { viewOrder } from '../orders/orders.view';
import type { FulfilmentStaff } from './fulfilment.service';
import * as store from './fulfilment.store';

/** The order by id, or by our order number (what the packing slip's barcode holds). */
export async function findOrderForPacking(
  q: Queryable,
  idOrNumber: string,
  forUpdate = false,
): Promise<OrderRow> {
  const id = /^\d{1,12}$/.test(idOrNumber)
    ? await store.findOrderIdByNumber(q, Number(idOrNumber))
    : idOrNumber;
  const order = id ? await findOrder(q, { id }, { forUpdate }) : undefined;
  if (!order) {
    throw new DomainError('not_found', `No order ${idOrNumber}.`, [
      { field: 'orderId', message: 'Unknown order' },
    ]);
  }
  return order;
}

async function viewPacking(q: Queryable, order: OrderRow): Promise<Packing> {
  const packedAt = await store.findPackedAt(q, order.id);
  return {
    orderId: order.id,
    orderNumber: order.number,
    customerName: order.customerName,
    pickListId: await store.findPickListIdOfOrder(q, order.id),
    lines: await store.listPackLines(q, order.id),
    isPacked: packedAt !== null,
    packedAt: packedAt?.toISOString() ?? null,
  };
}

/** Packing progress of the order, per line. */
export async function getPacking(ctx: AppContext, idOrNumber: string): Promise<Packing> {
  return viewPacking(ctx.db, await findOrderForPacking(ctx.db, idOrNumber));
}

function refuse(code: string, why: string): DomainError {
  return new DomainError('scan_refused', `${code}: ${why}`, [{ field: 'code', message: `${code}: ${why}` }]);
}

/** Counts one scanned unit, or refuses it (409 `scan_refused` naming `code`) with nothing recorded. */
export async function recordPackScan(
  ctx: AppContext,
  staff: FulfilmentStaff,
  idOrNumber: string,
  code: string,
): Promise<Packing> {
  return ctx.db.transaction(async (tx) => {
    // The order row locked first, so two scans of the last unit at two tables cannot both count.
    const order = await findOrderForPacking(tx, idOrNumber, true);
    if (order.status !== 'picking' || !(await store.findPickListIdOfOrder(tx, order.id))) {
      throw new DomainError('invalid_state', `Order ${order.number} has not been released to picking.`, [
        { field: 'orderId', message: `The order is ${order.status}` },
      ]);
    }
    if (await store.findPackedAt(tx, order.id)) throw refuse(code, `order ${order.number} is already packed`);
    const lines = await store.listPackLines(tx, order.id);
    const matching = lines.filter((line) => line.ean === code || line.sku === code);
    if (matching.length === 0) throw refuse(code, `not in order ${order.number}`);
    const line = matching.find((l) => l.packed < l.quantity);
    if (!line) throw refuse(code, `all ${matching[0]!.quantity} already packed`);
    const now = ctx.clock();
    await store.insertPackScan(tx, {
      id: ctx.newId('pks'),
      orderId: order.id,
      lineId: line.lineId,
      code,
      by: staff.id,
      at: now,
    });
    line.packed += 1;
    if (lines.every((l) => l.packed >= l.quantity)) {
      await store.insertPackedOrder(tx, order.id, now, staff.id);
      // The event goes last: emitting holds the outbox's lock until commit.
      await announceOrderIn(tx, ctx, await viewOrder(tx, order), 'order.updated', order.storeId, 'Packed');
    }
    return viewPacking(tx, order);
  });
}
