// Drop shipping: a paid order's lines that a supplier ships become one supplier order per supplier
// (mailed with the confirmation link); the supplier confirms shipment with a tracking number and
// exactly those lines are captured, once.
import { createHash, randomBytes } from 'node:crypto';
import type { Order, SupplierOrder } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { readEventsAfter } from '../../outbox/outbox.store';
import { releaseHoldsIn } from '../inventory/reservations.service';
import { queueMessage } from '../notifications/notifications.queue';
import { moveOwed, outstandingMoneyError } from '../orders/order-money';
import { ORDER_ACTOR, queueShopperMessages } from '../orders/orders.lifecycle';
import { findOrder, listOrderLines } from '../orders/orders.store';
import { viewOrder } from '../orders/orders.view';
import * as store from './drop-ship.store';
import { queueSupplierWebhookIn } from './drop-ship.webhook';

const BATCH_EVENTS = 500;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const confirmUrlOf = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/api/dropship/confirm/${token}`;

/** The order as the supplier may see it: only their lines, the link to confirm in place of ours. */
function supplierView(order: Order, row: Pick<store.SupplierOrderRow, 'lines'>, confirmUrl: string): Order {
  const ids = new Set(row.lines.map((l) => l.orderLineId));
  return { ...order, lines: order.lines.filter((l) => ids.has(l.id)), statusUrl: confirmUrl };
}

/** Makes the order's supplier orders in `tx`; a second call for the same order makes none. */
async function makeSupplierOrdersIn(tx: Queryable, ctx: AppContext, publicUrl: string, orderId: string) {
  const order = await findOrder(tx, { id: orderId }, { forUpdate: true });
  // Suppliers ship to a home address; pay in store has nothing to capture when they do.
  if (order?.fulfilment !== 'delivery') return;
  if (order.paymentMethod === 'in_store' || order.status === 'cancelled') return;
  const lines = await store.listDropShipLines(tx, orderId);
  const bySupplier = new Map<string, store.DropShipLine[]>();
  for (const line of lines)
    bySupplier.set(line.supplierId, [...(bySupplier.get(line.supplierId) ?? []), line]);
  const now = ctx.clock();
  const made: { id: string; lines: store.DropShipLine[] }[] = [];
  for (const [supplierId, ofSupplier] of bySupplier) {
    const token = randomBytes(16).toString('base64url');
    const id = ctx.newId('spo');
    const soLines = ofSupplier.map(({ orderLineId, quantity, amount }) => ({
      orderLineId,
      quantity,
      amount,
    }));
    if (
      !(await store.insertSupplierOrder(
        tx,
        { id, orderId, supplierId, tokenHash: hashOf(token), lines: soLines },
        now,
      ))
    )
      continue;
    const row = (await store.findSupplierOrder(tx, { id }))!;
    if (row.supplierEmail) {
      const view = supplierView(await viewOrder(tx, order), row, confirmUrlOf(publicUrl, token));
      await queueMessage(tx, ctx, {
        channel: 'email',
        to: row.supplierEmail,
        template: 'supplier_order',
        locale: 'sv',
        order: view,
        dedupeKey: `supplier_order:${id}:email`,
      });
    }
    await queueSupplierWebhookIn(tx, ctx, {
      supplierOrderId: id,
      supplierId,
      order: supplierView(await viewOrder(tx, order), row, confirmUrlOf(publicUrl, token)),
      confirmUrl: confirmUrlOf(publicUrl, token),
    });
    made.push({ id, lines: ofSupplier });
  }
  if (made.length === 0) return;
  // Our shelf does not ship these lines: their holds go back to stock.
  const orderLines = new Map((await listOrderLines(tx, [orderId])).map((l) => [l.id, l]));
  const holds = made.flatMap((m) =>
    m.lines.flatMap((l) => orderLines.get(l.orderLineId)?.reservationId ?? []),
  );
  await releaseHoldsIn(tx, ctx, now, ORDER_ACTOR, holds);
  for (const m of made) {
    await emitEvent(
      tx,
      {
        type: 'supplier_order.sent',
        aggregateType: 'supplier_order',
        aggregateId: m.id,
        storeId: order.storeId,
        data: { supplierOrderId: m.id, orderId, lines: m.lines },
      },
      now,
    );
  }
}

/**
 * The `dropship.supplier-orders` job: reads `order.placed` events after its cursor. The cursor row
 * is locked (`skip locked`: another process at it means this one does nothing) and advanced in the
 * same transaction as the supplier orders, so each paid order is handled exactly once.
 */
export async function sendSupplierOrders(ctx: AppContext, publicUrl: string): Promise<number> {
  let handled = 0;
  for (;;) {
    const batch = await ctx.db.transaction(async (tx) => {
      const after = await store.lockDropShipCursor(tx);
      if (after === null) return 0;
      const events = await readEventsAfter(tx, after, BATCH_EVENTS);
      for (const event of events) {
        if (event.type === 'order.placed') await makeSupplierOrdersIn(tx, ctx, publicUrl, event.aggregateId);
      }
      if (events.length > 0) await store.moveDropShipCursor(tx, Number(events.at(-1)!.id));
      return events.length;
    });
    handled += batch;
    if (batch < BATCH_EVENTS) return handled;
  }
}

function viewSupplierOrder(row: store.SupplierOrderRow, order: Order): SupplierOrder {
  const lines = new Map(order.lines.map((l) => [l.id, l]));
  return {
    id: row.id,
    orderId: row.orderId,
    orderNumber: order.number,
    supplierId: row.supplierId,
    supplierName: row.supplierName,
    status: row.status,
    lines: row.lines.map((l) => ({
      orderLineId: l.orderLineId,
      sku: lines.get(l.orderLineId)?.sku ?? '',
      productName: lines.get(l.orderLineId)?.productName ?? '',
      quantity: l.quantity,
    })),
    amount: { amount: row.amount, currency: order.totals.total.currency },
    trackingNumber: row.trackingNumber,
    captureStatus: row.captureStatus,
    createdAt: new Date(row.createdAt).toISOString(),
    shippedAt: row.shippedAt ? new Date(row.shippedAt).toISOString() : null,
  };
}

async function orderOf(q: Queryable, orderId: string): Promise<Order> {
  return viewOrder(q, (await findOrder(q, { id: orderId }))!);
}

export async function listSupplierOrders(
  ctx: AppContext,
  filter: { orderId?: string },
): Promise<SupplierOrder[]> {
  const rows = await store.listSupplierOrders(ctx.db, filter);
  const out: SupplierOrder[] = [];
  for (const row of rows) out.push(viewSupplierOrder(row, await orderOf(ctx.db, row.orderId)));
  return out;
}

async function requireByToken(ctx: AppContext, token: string): Promise<store.SupplierOrderRow> {
  const row = await store.findSupplierOrder(ctx.db, { tokenHash: hashOf(token) });
  if (!row)
    throw new DomainError('not_found', 'No such supplier order.', [
      { field: 'token', message: 'Unknown link' },
    ]);
  return row;
}

/** What the supplier's link shows: their lines and the delivery address. */
export async function getSupplierOrderByToken(
  ctx: AppContext,
  token: string,
): Promise<{ supplierOrder: SupplierOrder; order: Order }> {
  const row = await requireByToken(ctx, token);
  const order = supplierView(await orderOf(ctx.db, row.orderId), row, '');
  return { supplierOrder: viewSupplierOrder(row, order), order };
}

export async function confirmShipmentByToken(ctx: AppContext, token: string, trackingNumber: string) {
  return confirmSupplierShipment(ctx, (await requireByToken(ctx, token)).id, trackingNumber, 'supplier');
}

/**
 * (1) Marked shipped with the tracking number (a repeat keeps the first). (2) Captures exactly the
 * supplier order's amount over the order's payments, key `dropship:<id>`, outside any transaction
 * (refused half-way: 402 with the rest outstanding). (3) Captured, the shopper told,
 * `supplier_order.shipped`. A repeat retries (2)–(3) only if they did not finish, (2) only the rest.
 */
export async function confirmSupplierShipment(
  ctx: AppContext,
  id: string,
  trackingNumber: string,
  actor: string,
): Promise<SupplierOrder> {
  const first = await ctx.db.transaction(async (tx) => {
    const row = await store.findSupplierOrder(tx, { id }, { forUpdate: true });
    if (!row)
      throw new DomainError('not_found', `No supplier order ${id}.`, [{ field: 'id', message: 'Unknown' }]);
    if (row.status === 'cancelled') {
      throw new DomainError('invalid_state', 'The supplier order is cancelled.', [
        { field: 'id', message: 'Cancelled' },
      ]);
    }
    if (row.status === 'sent') await store.markSupplierOrderShipped(tx, id, trackingNumber, ctx.clock());
    return row;
  });
  if (first.captureStatus !== 'captured') {
    const order = (await findOrder(ctx.db, { id: first.orderId }))!;
    // Over the order's payments as shipments capture (oldest authorization first); a twin
    // confirmation asks each payment for the same part under the same key, so it captures once.
    let progress: Awaited<ReturnType<typeof moveOwed>>;
    try {
      progress = await moveOwed(ctx, order, 'capture', first.amount, {
        idempotencyKey: `dropship:${id}`,
        reason: `Drop-shipped by ${first.supplierName}`,
        actor,
      });
    } catch (error) {
      await ctx.db.transaction((tx) => store.setCaptureStatus(tx, id, 'failed'));
      throw error;
    }
    if (progress.outstanding > 0) {
      // What was captured stays counted for this supplier order; a repeat captures only the rest.
      await ctx.db.transaction((tx) => store.setCaptureStatus(tx, id, 'failed'));
      throw outstandingMoneyError(progress, 'trackingNumber');
    }
    await ctx.db.transaction(async (tx) => {
      const locked = (await findOrder(tx, { id: order.id }, { forUpdate: true }))!;
      const row = (await store.findSupplierOrder(tx, { id }, { forUpdate: true }))!;
      if (row.captureStatus === 'captured') return; // a twin confirmation finished meanwhile
      await store.setCaptureStatus(tx, id, 'captured');
      await queueShopperMessages(tx, ctx, await viewOrder(tx, locked), 'order_shipped', undefined, id);
      await emitEvent(
        tx,
        {
          type: 'supplier_order.shipped',
          aggregateType: 'supplier_order',
          aggregateId: id,
          storeId: locked.storeId,
          data: {
            supplierOrderId: id,
            orderId: order.id,
            trackingNumber: row.trackingNumber,
            captured: row.amount,
          },
        },
        ctx.clock(),
      );
    });
  }
  const row = (await store.findSupplierOrder(ctx.db, { id }))!;
  return viewSupplierOrder(row, await orderOf(ctx.db, row.orderId));
}

export async function setProductDropShipSupplier(
  ctx: AppContext,
  productId: string,
  supplierId: string | null,
) {
  await ctx.db.transaction(async (tx) => {
    if (supplierId && !(await store.supplierExists(tx, supplierId))) {
      throw new DomainError('validation_failed', 'Unknown supplier.', [
        { field: 'supplierId', message: 'Unknown supplier' },
      ]);
    }
    if (!(await store.setDropShipSupplier(tx, productId, supplierId))) {
      throw new DomainError('not_found', 'Unknown product.', [{ field: 'id', message: 'Unknown product' }]);
    }
  });
}
