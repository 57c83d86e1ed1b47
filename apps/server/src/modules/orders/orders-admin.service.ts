// The back office's orders: one list over every channel (search, filters, cursor), the order with
// its timeline (events, payment calls, messages, who did what), and line edits until picking.
import type {
  AddOrderLineBody,
  AdminOrder,
  AdminOrderList,
  AdminOrderListQuery,
  Order,
  OrderTimeline,
  TimelineEntry,
} from '@handla/api';
import { addLocalDays, DomainError, wallClockInstants } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { searchSkus } from '../catalog/catalog.service';
import { erpTimelineEntries, findErpNumber } from '../erp/erp.service';
import {
  announceStockHoldIn,
  releaseHoldsIn,
  type TakenHold,
  takeStockHoldIn,
} from '../inventory/reservations.service';
import { paymentsOfOrder } from '../payments/payments.service';
import { listOperations } from '../payments/payments.store';
import { variantNameOf } from './checkout.validate';
import { rescaleLineDiscountsIn } from './order-line-discounts';
import { currentPriceForOrderLine } from './order-line-price';
import { assertOrderEditableBy } from './order-lock';
import { ORDER_ACTOR, queueShopperMessages } from './orders.lifecycle';
import type { OrderStaff } from './orders.service';
import * as orders from './orders.store';
import { viewOrder } from './orders.view';
import * as admin from './orders-admin.store';
import { findOrderLine, nextLinePosition, settleLine } from './store-orders.store';

/** Lines may change while the order waits for picking; not once picking started. */
const EDITABLE = new Set(['placed', 'accepted']);

function notFound(id: string): DomainError {
  return new DomainError('not_found', `No order ${id}.`, [{ field: 'id', message: 'Unknown order' }]);
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation_failed', `Check ${field}.`, [{ field, message }]);
}

/** 404 for another store's order to store-bound staff: they do not see it in their list either. */
function visibleTo(staff: OrderStaff, row: orders.OrderRow | undefined, id: string): orders.OrderRow {
  if (!row || (staff.isStoreBound && row.storeId !== staff.storeId)) throw notFound(id);
  return row;
}

/** The cursor is the last row's instant and id, opaque to the client. */
function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(+createdAt)) throw invalid('cursor', 'Not a cursor from this list');
  return { createdAt, id };
}

/** A calendar date as the instant its day starts in Stockholm (the shop's days). */
function stockholmDayStart(date: string): Date {
  return wallClockInstants(date, 0, 'Europe/Stockholm')[0]!;
}

export async function listAdminOrders(
  ctx: AppContext,
  staff: OrderStaff,
  query: AdminOrderListQuery,
): Promise<AdminOrderList> {
  if (query.from && query.to && query.to < query.from) throw invalid('to', 'Before from');
  const rows = await admin.listAdminOrders(ctx.db, {
    ...(query.q ? { q: query.q } : {}),
    ...(query.status ? { statuses: query.status } : {}),
    // Cashiers see their own store's orders whatever they ask for.
    ...(staff.isStoreBound
      ? { storeId: staff.storeId ?? '-' }
      : query.storeId
        ? { storeId: query.storeId }
        : {}),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.paymentState ? { paymentState: query.paymentState } : {}),
    ...(query.from ? { from: stockholmDayStart(query.from) } : {}),
    // `to` is inclusive: up to the start of the next day.
    ...(query.to ? { to: stockholmDayStart(addLocalDays(query.to, 1)) } : {}),
    ...(query.cursor ? { before: decodeCursor(query.cursor) } : {}),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      number: String(r.number),
      status: r.status,
      channel: r.channel,
      channelName: r.channelName,
      externalReference: r.externalReference,
      customer: { name: r.customerName, email: r.customerEmail, phone: r.customerPhone },
      storeId: r.storeId,
      fulfilment: r.fulfilment,
      total: { amount: r.totalInclVat, currency: r.currency },
      paymentMethod: r.paymentMethod,
      paymentStatus: (r.paymentStatus as AdminOrderList['items'][number]['paymentStatus']) ?? null,
      lockedBy: r.lockedByName,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
  };
}

/** The order as the back office shows it: with its channel, references and every payment. */
export async function adminView(q: Queryable, row: orders.OrderRow, view?: Order): Promise<AdminOrder> {
  const order = view ?? (await viewOrder(q, row));
  const extras = await admin.findOrderExtras(q, row.id);
  const m = (amount: number) => ({ amount, currency: row.currency });
  const payments = (await paymentsOfOrder(q, row.id)).sort((a, b) =>
    a.id === row.paymentId ? -1 : b.id === row.paymentId ? 1 : +a.createdAt - +b.createdAt,
  );
  return {
    order,
    channelName: extras?.channelName ?? null,
    externalReference: extras?.externalReference ?? null,
    payments: payments.map((p) => ({
      id: p.id,
      method: p.method,
      status: p.status,
      reference: p.providerReference,
      authorized: m(p.authorized),
      captured: m(p.captured),
      refunded: m(p.refunded),
    })),
    erpNumber: await findErpNumber(q, { companyId: row.companyId, entityKind: 'order', entityId: row.id }),
    editable: EDITABLE.has(row.status) && !row.lockedById,
  };
}

export async function getAdminOrder(ctx: AppContext, staff: OrderStaff, id: string): Promise<AdminOrder> {
  const row = visibleTo(staff, await orders.findOrder(ctx.db, { id }), id);
  return adminView(ctx.db, row);
}

const money = (amount: unknown, currency: string) =>
  typeof amount === 'number' || typeof amount === 'string' ? { amount: Number(amount), currency } : null;

/** Everything that happened to the order, oldest first. */
export async function getOrderTimeline(
  ctx: AppContext,
  staff: OrderStaff,
  id: string,
): Promise<OrderTimeline> {
  const row = visibleTo(staff, await orders.findOrder(ctx.db, { id }), id);
  const items: TimelineEntry[] = [];
  for (const e of await admin.listOrderOutboxEvents(ctx.db, row.id)) {
    const data = e.data as {
      actor?: string;
      reason?: string;
      skuId?: string;
      quantity?: number;
      order?: Order;
    };
    const isStock = e.aggregateType === 'stock_reservation';
    items.push({
      at: e.occurredAt.toISOString(),
      kind: isStock ? 'stock' : 'event',
      type: e.type,
      summary: isStock
        ? `${data.quantity ?? ''} × ${data.skuId ?? ''}`.trim()
        : [data.order?.status, data.reason].filter(Boolean).join(' – '),
      actor: data.actor ?? (isStock ? ORDER_ACTOR.id : (data.order?.lockedBy?.name ?? null)),
      amount: isStock ? null : money(data.order?.totals.total.amount, row.currency),
      outcome: null,
    });
  }
  for (const payment of await paymentsOfOrder(ctx.db, row.id)) {
    for (const op of await listOperations(ctx.db, payment.id)) {
      items.push({
        at: op.startedAt.toISOString(),
        kind: 'payment',
        type: `payment.${op.kind}`,
        summary: [payment.method, payment.id, op.reason].filter(Boolean).join(' – '),
        actor: op.actor,
        amount: money(op.amount, payment.currency),
        outcome: op.outcome,
      });
    }
  }
  for (const m of await admin.listOrderMessages(ctx.db, row.id)) {
    items.push({
      at: m.createdAt.toISOString(),
      kind: 'message',
      type: `message.${m.template}`,
      summary: `${m.channel} → ${m.to}`,
      actor: null,
      amount: null,
      outcome: m.status,
    });
  }
  items.push(...(await erpTimelineEntries(ctx.db, row.companyId, row.id)));
  // Stable: entries at one instant keep the order of their kind (events, payments, messages).
  return {
    items: items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => (a.item.at < b.item.at ? -1 : a.item.at > b.item.at ? 1 : a.i - b.i))
      .map((x) => x.item),
  };
}

/**
 * One line edit on the order locked `for update`: only while placed or accepted and nobody picks
 * it (409 `order_locked` otherwise). `change` does the row and stock work; then the totals are
 * recomputed, the shopper told (`order_changed`) and `order.updated` emitted last.
 */
function editOrder(
  ctx: AppContext,
  staff: OrderStaff,
  orderId: string,
  change: (tx: Queryable, row: orders.OrderRow) => Promise<string>,
): Promise<AdminOrder> {
  return ctx.db.transaction(async (tx) => {
    const row = visibleTo(staff, await orders.findOrder(tx, { id: orderId }, { forUpdate: true }), orderId);
    assertOrderEditableBy(row, staff);
    if (row.status === 'picking') {
      // Picking without a holder (a manager freed it) is still picking: the shelf work has begun.
      throw new DomainError('order_locked', `Order ${row.number} is being picked.`, [
        { field: 'id', message: 'Picking has started' },
      ]);
    }
    if (!EDITABLE.has(row.status)) {
      throw new DomainError(
        'invalid_state',
        `Order ${row.number} is ${row.status}; its lines can no longer change.`,
        [{ field: 'status', message: `Lines change only while placed or accepted, not ${row.status}` }],
      );
    }
    const occasion = await change(tx, row);
    await admin.recomputeOrderTotals(tx, row.id, ctx.clock());
    const updated = (await orders.findOrder(tx, { id: row.id }))!;
    // A raise beyond the authorizations is saved: the view's `amountToPay` asks the shopper for the
    // difference (the mail links to the order page), and release and shipping wait for it.
    const view = await viewOrder(tx, updated);
    await queueShopperMessages(tx, ctx, view, 'order_changed', undefined, occasion);
    await emitEvent(
      tx,
      {
        type: 'order.updated',
        aggregateType: 'order',
        aggregateId: row.id,
        storeId: row.storeId,
        data: { order: view, actor: staff.id, reason: occasion.split(':')[0] },
      },
      ctx.clock(),
    );
    return adminView(tx, updated, view);
  });
}

/** A hold at the order's location; too little stock is 409 naming `quantity`. */
async function holdFor(
  tx: Queryable,
  ctx: AppContext,
  row: orders.OrderRow,
  skuId: string,
  quantity: number,
) {
  try {
    return await takeStockHoldIn(tx, ctx.clock(), ORDER_ACTOR, {
      reservationId: `${row.id}:${ctx.newId('edit')}`,
      skuId,
      locationId: row.locationId,
      quantity,
      reference: row.id,
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'insufficient_stock') {
      throw new DomainError(error.code, error.message, [
        { field: 'quantity', message: error.fields?.[0]?.message ?? 'Not enough in stock' },
      ]);
    }
    throw error;
  }
}

/** Gives the line's hold back; `between` writes rows after the stock rows, before any event. */
function releaseLineHoldIn(
  tx: Queryable,
  ctx: AppContext,
  line: orders.OrderLineRow,
  between: () => Promise<void>,
) {
  return releaseHoldsIn(
    tx,
    ctx,
    ctx.clock(),
    ORDER_ACTOR,
    line.reservationId ? [line.reservationId] : [],
    between,
  );
}

async function openLine(tx: Queryable, row: orders.OrderRow, lineId: string) {
  const line = await findOrderLine(tx, row.id, lineId);
  if (!line) {
    throw new DomainError('not_found', `No line ${lineId} on order ${row.number}.`, [
      { field: 'lineId', message: 'Unknown line' },
    ]);
  }
  if (line.state !== 'open') {
    throw new DomainError('invalid_state', `Line ${lineId} is ${line.state}.`, [
      { field: 'lineId', message: `The line is ${line.state}` },
    ]);
  }
  return line;
}

/** A new line at our current price (the shopper's own price list), held at the order's location. */
export async function addOrderLine(
  ctx: AppContext,
  staff: OrderStaff,
  orderId: string,
  body: AddOrderLineBody,
): Promise<AdminOrder> {
  const [sku] = await searchSkus(ctx, { ids: [body.skuId], limit: 1 });
  if (sku?.status !== 'active') throw invalid('skuId', 'Unknown SKU or not for sale');
  const price = await currentPriceForOrderLine(ctx, orderId, sku.id);
  if (!price) throw invalid('skuId', 'Not for sale');
  return editOrder(ctx, staff, orderId, async (tx, row) => {
    if (price.unitPriceInclVat.currency !== row.currency)
      throw invalid('skuId', 'Priced in another currency');
    const hold = await holdFor(tx, ctx, row, sku.id, body.quantity);
    const lineId = ctx.newId('oln');
    await orders.insertOrderLines(tx, [
      {
        id: lineId,
        orderId: row.id,
        position: await nextLinePosition(tx, row.id),
        skuId: sku.id,
        sku: sku.sku,
        productNameSv: sku.name.sv,
        productNameEn: sku.name.en,
        variantName: variantNameOf(sku.options),
        quantity: body.quantity,
        unitPriceInclVat: price.unitPriceInclVat.amount,
        lineTotalInclVat: price.unitPriceInclVat.amount * body.quantity,
        vatRateBp: price.vatRateBp,
        reservationId: hold.reservation.id,
      },
    ]);
    await announceStockHoldIn(tx, ctx.clock(), hold);
    return `line_added:${lineId}`;
  });
}

/** A new quantity: the line's hold is given back and taken again for the new quantity. */
export function changeOrderLine(
  ctx: AppContext,
  staff: OrderStaff,
  orderId: string,
  lineId: string,
  quantity: number,
): Promise<AdminOrder> {
  return editOrder(ctx, staff, orderId, async (tx, row) => {
    const line = await openLine(tx, row, lineId);
    if (line.quantity === quantity) throw invalid('quantity', 'The line already has this quantity');
    let hold: TakenHold | undefined;
    // Released first, so the new hold may use the units the old one frees.
    await releaseLineHoldIn(tx, ctx, line, async () => {
      hold = await holdFor(tx, ctx, row, line.skuId, quantity);
      await admin.updateLineQuantity(tx, line, quantity, hold.reservation.id);
      await rescaleLineDiscountsIn(tx, line, quantity);
    });
    await announceStockHoldIn(tx, ctx.clock(), hold!);
    return `line_changed:${line.id}:${ctx.newId('edit')}`;
  });
}

/** The line is removed: its hold is released and it no longer counts in the totals. */
export function removeOrderLine(
  ctx: AppContext,
  staff: OrderStaff,
  orderId: string,
  lineId: string,
): Promise<AdminOrder> {
  return editOrder(ctx, staff, orderId, async (tx, row) => {
    const line = await openLine(tx, row, lineId);
    const open = (await orders.listOrderLines(tx, [row.id])).filter((l) => l.state === 'open');
    if (open.length <= 1) throw invalid('lineId', 'The last line; cancel the order instead');
    await releaseLineHoldIn(tx, ctx, line, () =>
      settleLine(tx, line.id, { state: 'removed', note: `Removed by ${staff.id}` }),
    );
    return `line_removed:${line.id}`;
  });
}
