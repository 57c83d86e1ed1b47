// What each inbound 3PL message does, through the modules that own the change: the order lock and
// status (orders), shipments and captures (shipping), cancel-the-rest (shipping), returns as inbound
// deliveries (returns), counted stock (inventory), purchase-order receipts (inventory). A refusal
// is a DomainError naming the message's field (`orderId`, `lines[0].sku`); nothing is changed then.
// Each step is safe to repeat: the inbound side re-drives a message a crash left half done.
import { createHash } from 'node:crypto';
import type { WmsInboundMessage } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvents } from '../../outbox/emit';
import { mapSkuIds } from '../catalog/catalog.bulk';
import { applyCountedStock } from '../inventory/inventory.bulk';
import { closePurchaseOrder, receivePurchaseOrder } from '../inventory/purchase-orders.service';
import { findPurchaseOrder } from '../inventory/purchase-orders.store';
import { assertOrderEditableBy } from '../orders/order-lock';
import { moveOrderIn } from '../orders/orders.lifecycle';
import { findOrder, type OrderRow } from '../orders/orders.store';
import { setOrderLock } from '../orders/store-orders.store';
import { listReturnRequests, receiveReturn, requestStaffReturn } from '../returns/returns.service';
import type { CarrierPort } from '../shipping/carrier.port';
import { renderLabelPdf } from '../shipping/label.pdf';
import { cancelRest } from '../shipping/shipping.cancel';
import { createShipment, type ShippingActor } from '../shipping/shipping.service';
import { listShipmentLines, listShipmentsOfOrder } from '../shipping/shipping.store';
import { isShippableLine, listShippingLines } from '../shipping/shipping.view';
import type { ConnectorRow } from './connectors.store';

/** What applying needs besides the context: where tracking links point. */
export interface InboundEnv {
  publicUrl: string;
}

/** Marks the message applied; called inside the apply's own transaction where it has one. */
export type MarkApplied = (tx: Queryable) => Promise<void>;

type Msg<T extends WmsInboundMessage['type']> = Extract<WmsInboundMessage, { type: T }>;

const refuse = (code: string, field: string, message: string, detail = message) =>
  new DomainError(code, detail, [{ field, message }]);

const actorOf = (c: ConnectorRow): ShippingActor => ({
  editor: { kind: 'api', id: `connector:${c.id}` },
  actorId: `connector:${c.id}`,
});

/** The order, when it is one of this warehouse's; else a refusal naming `orderId`. */
async function requireOrder(q: Queryable, c: ConnectorRow, orderId: string, forUpdate = false) {
  const order = await findOrder(q, { id: orderId }, { forUpdate });
  if (!order || order.locationId !== c.locationId) {
    throw refuse('not_found', 'orderId', `No order ${orderId} fulfilled by ${c.name}`);
  }
  return order;
}

async function applyPicking(ctx: AppContext, c: ConnectorRow, m: Msg<'order.picking'>, mark: MarkApplied) {
  await ctx.db.transaction(async (tx) => {
    const order = await requireOrder(tx, c, m.orderId, true);
    const holder = { kind: 'api' as const, id: `connector:${c.id}`, name: c.name };
    const isOurs = order.lockedByKind === 'api' && order.lockedById === holder.id;
    if (!isOurs) {
      if (!['placed', 'accepted', 'picking'].includes(order.status)) {
        throw refuse('invalid_state', 'orderId', `The order is ${order.status}; it cannot be picked`);
      }
      // Someone else holding the order (a store, a manager) refuses with 409 order_locked.
      assertOrderEditableBy(order, actorOf(c).editor);
      await setOrderLock(tx, order.id, holder, ctx.clock());
      if (order.status !== 'picking') {
        await moveOrderIn(tx, ctx, order, 'picking', { reason: `Picking at ${c.name}` });
      }
    }
    await mark(tx);
  });
}

/** The 3PL booked the parcel: its tracking number, and a copy of the label with it. */
function reportedBooking(env: InboundEnv, ctx: AppContext, m: Msg<'order.shipped'>): CarrierPort {
  return {
    name: m.carrierCode ?? '3PL',
    async bookShipment(request) {
      const carrierName = m.carrierCode ?? request.carrier;
      const at = ctx.clock();
      return {
        trackingNumber: m.trackingNumber,
        trackingUrl: `${env.publicUrl}/api/shipping/track/${encodeURIComponent(m.trackingNumber)}`,
        labelPdf: await renderLabelPdf(request, { carrierName, trackingNumber: m.trackingNumber, at }),
      };
    },
  };
}

/** The message's SKU lines as order lines and units (several lines of one SKU fill in order). */
async function shipmentLinesOf(q: Queryable, order: OrderRow, m: Msg<'order.shipped'>) {
  const lines = (await listShippingLines(q, order.id)).filter((l) => isShippableLine(order, l));
  const left = new Map(lines.map((l) => [l.id, l.quantity - l.shippedQuantity - l.cancelledQuantity]));
  const out = new Map<string, number>();
  for (const [i, wanted] of m.lines.entries()) {
    const ofSku = lines.filter((l) => l.sku === wanted.sku);
    if (ofSku.length === 0)
      throw refuse('validation_failed', `lines[${i}].sku`, `${wanted.sku} is not in the order`);
    let units = wanted.quantity;
    for (const line of ofSku) {
      const take = Math.min(units, left.get(line.id)!);
      if (take <= 0) continue;
      left.set(line.id, left.get(line.id)! - take);
      out.set(line.id, (out.get(line.id) ?? 0) + take);
      units -= take;
    }
    if (units > 0) {
      throw refuse(
        'invalid_state',
        `lines[${i}].quantity`,
        `${units} more of ${wanted.sku} than is left to ship`,
      );
    }
  }
  return [...out].map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
}

const keyOf = (c: ConnectorRow, messageId: string, prefix: string) =>
  `${prefix}:${createHash('sha256').update(`${c.id}\n${messageId}`).digest('hex').slice(0, 40)}`;

async function applyShipped(ctx: AppContext, env: InboundEnv, c: ConnectorRow, m: Msg<'order.shipped'>) {
  const order = await requireOrder(ctx.db, c, m.orderId);
  const key = keyOf(c, m.messageId, 'wms');
  // A re-drive after a crash finds the shipment this message started and finishes it as it was.
  const existing = (await listShipmentsOfOrder(ctx.db, order.id)).find((s) => s.idempotencyKey === key);
  const lines = existing
    ? (await listShipmentLines(ctx.db, [existing.id])).map((l) => ({
        orderLineId: l.orderLineId,
        quantity: l.quantity,
      }))
    : await shipmentLinesOf(ctx.db, order, m);
  await createShipment(
    ctx,
    actorOf(c),
    order.id,
    { idempotencyKey: key, lines },
    {
      carrier: reportedBooking(env, ctx, m),
    },
  );
}

async function applyCancelled(ctx: AppContext, c: ConnectorRow, m: Msg<'order.cancelled'>) {
  const order = await requireOrder(ctx.db, c, m.orderId);
  const reason = (m.reason ?? `Cancelled by ${c.name}`).slice(0, 200);
  await cancelRest(ctx, actorOf(c), order.id, { reason });
}

async function applyReturn(ctx: AppContext, c: ConnectorRow, m: Msg<'return.received'>) {
  const order = await requireOrder(ctx.db, c, m.orderId);
  const lines = await listShippingLines(ctx.db, order.id);
  const perLine = new Map<string, { restocked: number; writtenOff: number }>();
  for (const [i, l] of m.lines.entries()) {
    const line =
      lines.find((x) => x.sku === l.sku && x.shippedQuantity > 0) ?? lines.find((x) => x.sku === l.sku);
    if (!line) throw refuse('validation_failed', `lines[${i}].sku`, `${l.sku} is not in the order`);
    const v = perLine.get(line.id) ?? { restocked: 0, writtenOff: 0 };
    if (l.condition === 'resellable') v.restocked += l.quantity;
    else v.writtenOff += l.quantity;
    perLine.set(line.id, v);
  }
  const reason = `Returned to ${c.name} (${m.messageId})`.slice(0, 300);
  const staff = { id: `connector:${c.id}`, companyId: order.companyId };
  // The request made by an earlier attempt of this message, if any: one return per message.
  const earlier = (await listReturnRequests(ctx, order.companyId, { orderId: order.id })).find(
    (r) => r.reason === reason,
  );
  const request =
    earlier ??
    (await requestStaffReturn(
      ctx,
      { source: 'api', staffId: null, companyId: order.companyId },
      {
        orderId: order.id,
        reason,
        lines: [...perLine].map(([orderLineId, v]) => ({
          orderLineId,
          quantity: v.restocked + v.writtenOff,
        })),
      },
    ));
  await receiveReturn(ctx, staff, request.id, {
    locationId: c.locationId!,
    lines: [...perLine].map(([orderLineId, v]) => ({
      orderLineId,
      restocked: v.restocked,
      writtenOff: v.writtenOff,
      ...(v.writtenOff > 0 ? { writeOffReason: `Damaged (inspected at ${c.name})` } : {}),
    })),
  });
}

/** SKU ids by code, or a refusal naming the first unknown one (`{list}[i].sku`). */
async function skuIdsOf(q: Queryable, list: string, skus: readonly string[]): Promise<string[]> {
  const { skuIdOf } = await mapSkuIds(q, [...new Set(skus)]);
  return skus.map((sku, i) => {
    const id = skuIdOf.get(sku);
    if (!id) throw refuse('validation_failed', `${list}[${i}].sku`, `Unknown SKU ${sku}`);
    return id;
  });
}

const STOCK_CHUNK = 5000;

async function applySnapshot(ctx: AppContext, c: ConnectorRow, m: Msg<'stock.snapshot'>, mark: MarkApplied) {
  const seen = new Set<string>();
  for (const [i, item] of m.items.entries()) {
    if (seen.has(item.sku))
      throw refuse('validation_failed', `items[${i}].sku`, `${item.sku} is listed twice`);
    seen.add(item.sku);
  }
  const ids = await skuIdsOf(
    ctx.db,
    'items',
    m.items.map((i) => i.sku),
  );
  const actor = `connector:${c.id}`;
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock();
    for (let start = 0; start < m.items.length; start += STOCK_CHUNK) {
      const part = m.items.slice(start, start + STOCK_CHUNK);
      const counts = part.map((item, j) => ({
        movementId: ctx.newId('mov'),
        skuId: ids[start + j]!,
        locationId: c.locationId!,
        onHand: item.quantity,
      }));
      // Only differences move: a second identical snapshot writes nothing.
      const levels = await applyCountedStock(tx, counts, actor, '3PL count', now);
      await emitEvents(
        tx,
        levels.map((l) => ({
          type: 'stock.changed' as const,
          aggregateType: 'stock_level',
          aggregateId: `${l.skuId}:${l.locationId}`,
          storeId: l.storeId,
          data: { ...l, available: l.onHand - l.reserved, source: '3pl_count', actor },
        })),
        now,
      );
    }
    await mark(tx);
  });
}

async function applyDelivery(ctx: AppContext, c: ConnectorRow, m: Msg<'delivery.received'>) {
  const po = await findPurchaseOrder(ctx.db, m.purchaseOrderId);
  if (!po || po.locationId !== c.locationId) {
    throw refuse('not_found', 'purchaseOrderId', `No purchase order ${m.purchaseOrderId} to ${c.name}`);
  }
  if (po.status === 'received' || po.status === 'closed') {
    throw refuse('invalid_state', 'purchaseOrderId', `The purchase order is already ${po.status}`);
  }
  const ids = await skuIdsOf(
    ctx.db,
    'lines',
    m.lines.map((l) => l.sku),
  );
  const actor = { id: `connector:${c.id}`, storeId: null, isStoreBound: false };
  const lines = m.lines.flatMap((l, i) => (l.quantity > 0 ? [{ skuId: ids[i]!, quantity: l.quantity }] : []));
  // The 3PL reports a delivery once, complete: what is missing is under-delivery.
  if (lines.length === 0) await closePurchaseOrder(ctx, actor, po.id, po.version);
  else await receivePurchaseOrder(ctx, actor, po.id, { version: po.version, lines, isFinal: true });
}

/**
 * Applies one message; `mark` records it applied (inside the apply's transaction where there is
 * one, else right after). Throws a DomainError naming the field when the message is refused.
 */
export async function applyWmsMessage(
  ctx: AppContext,
  env: InboundEnv,
  c: ConnectorRow,
  m: WmsInboundMessage,
  mark: MarkApplied,
): Promise<void> {
  switch (m.type) {
    case 'order.received':
      await requireOrder(ctx.db, c, m.orderId);
      break;
    case 'order.picking':
      return applyPicking(ctx, c, m, mark);
    case 'order.shipped':
      await applyShipped(ctx, env, c, m);
      break;
    case 'order.cancelled':
      await applyCancelled(ctx, c, m);
      break;
    case 'return.received':
      await applyReturn(ctx, c, m);
      break;
    case 'stock.snapshot':
      return applySnapshot(ctx, c, m, mark);
    case 'delivery.received':
      await applyDelivery(ctx, c, m);
      break;
  }
  await ctx.db.transaction(mark);
}
