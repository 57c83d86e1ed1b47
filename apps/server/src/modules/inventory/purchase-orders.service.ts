// Suppliers and purchase orders: ordered with an expected date, received in one or more deliveries
// (receive movements), over- and under-deliveries recorded per line as deviations.
import type {
  CreatePurchaseOrderBody,
  CreateSupplierBody,
  EventType,
  PurchaseOrder,
  PurchaseOrderListQuery,
  ReceivePurchaseOrderBody,
  Supplier,
  UpdatePurchaseOrderBody,
} from '@handla/api';
import {
  assertMove,
  receivePurchaseOrder as bookDelivery,
  DomainError,
  outstandingAsUnder,
  PURCHASE_ORDER_MOVES,
  type ReceiptDeviation,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { locationsCompanyId } from '../locations/locations.lookups';
import { decodeCursor, pageOf } from './cursor';
import {
  assertDistinctSkus,
  assertMayWorkAt,
  assertVersion,
  deltasOf,
  documentNotFound,
  emitStockEvents,
  invalid,
  type LevelChange,
  requireLocation,
  requireSkus,
  type StockActor,
} from './inventory.shared';
import type { LevelRow } from './inventory.store';
import * as store from './inventory.store';
import * as orders from './purchase-orders.store';

const toSupplier = (row: Omit<Supplier, 'createdAt'> & { createdAt: Date }): Supplier => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

function toPurchaseOrder(row: orders.PurchaseOrderRow): PurchaseOrder {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    lines: row.lines.map((l) => ({
      ...l,
      outstandingQuantity: Math.max(0, l.orderedQuantity - l.receivedQuantity),
    })),
    // json_agg writes instants with an offset; the contract speaks UTC.
    deviations: row.deviations.map((d) => ({ ...d, recordedAt: new Date(d.recordedAt).toISOString() })),
  };
}

/** Registers a supplier; its code is unique. */
export async function createSupplier(ctx: AppContext, input: CreateSupplierBody): Promise<Supplier> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const id = ctx.newId('sup');
    const inserted = await orders.insertSupplier(tx, {
      id,
      companyId: await locationsCompanyId(tx),
      code: input.code,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      leadTimeDays: input.leadTimeDays,
      createdAt: now,
    });
    if (!inserted) {
      throw new DomainError('duplicate', `A supplier with code ${input.code} exists.`, [
        { field: 'code', message: 'Already used' },
      ]);
    }
    const supplier = toSupplier((await orders.findSupplierRow(tx, id))!);
    await emitEvent(
      tx,
      { type: 'supplier.created', aggregateType: 'supplier', aggregateId: id, data: supplier },
      now,
    );
    return supplier;
  });
}

/** Every supplier, by name. */
export async function listSuppliers(ctx: AppContext): Promise<Supplier[]> {
  return (await orders.listSupplierRows(ctx.db)).map(toSupplier);
}

async function announce(
  tx: Queryable,
  type: EventType,
  id: string,
  at: Date,
  work: { extra?: object; levels?: LevelRow[]; change?: LevelChange } = {},
) {
  const order = toPurchaseOrder((await orders.findPurchaseOrder(tx, id))!);
  const location = await requireLocation(tx, order.locationId);
  const event = {
    type,
    aggregateType: 'purchase_order',
    aggregateId: id,
    storeId: location.storeId,
    data: { ...order, ...work.extra },
  };
  await emitStockEvents(tx, at, { leading: [event], levels: work.levels, change: work.change });
  return order;
}

async function checkLines(tx: Queryable, lines: readonly { skuId: string }[]) {
  assertDistinctSkus(lines);
  await requireSkus(
    tx,
    lines.map((l) => l.skuId),
    (i) => `lines.${i}.skuId`,
  );
}

async function lockOrder(tx: Queryable, id: string, version: number) {
  const row = await orders.findPurchaseOrder(tx, id, { forUpdate: true });
  if (!row) throw documentNotFound('purchase order', id);
  assertVersion(row.version, version, 'purchase order');
  return row;
}

/** Orders goods from a supplier, to be delivered to a location by the expected date. */
export async function createPurchaseOrder(
  ctx: AppContext,
  actor: StockActor,
  input: CreatePurchaseOrderBody,
) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    if (!(await orders.findSupplierRow(tx, input.supplierId)))
      throw invalid('supplierId', 'Unknown supplier');
    const location = await requireLocation(tx, input.locationId);
    assertMayWorkAt(actor, location);
    await checkLines(tx, input.lines);
    const id = ctx.newId('po');
    await orders.insertPurchaseOrder(tx, {
      ...input,
      id,
      note: input.note ?? '',
      createdBy: actor.id,
      createdAt: now,
    });
    await orders.writePurchaseOrderLines(
      tx,
      id,
      input.lines.map((l) => ({ skuId: l.skuId, orderedQuantity: l.quantity, receivedQuantity: 0 })),
    );
    return announce(tx, 'purchase_order.created', id, now);
  });
}

/** Changes the expected date, note or lines of an order nothing has arrived for yet. */
export async function updatePurchaseOrder(
  ctx: AppContext,
  actor: StockActor,
  id: string,
  input: UpdatePurchaseOrderBody,
) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await lockOrder(tx, id, input.version);
    assertMayWorkAt(actor, await requireLocation(tx, row.locationId));
    const isLineChange = input.lines !== undefined;
    if (row.status === 'closed' || (isLineChange && row.status !== 'open')) {
      throw new DomainError('invalid_state', `Purchase order ${id} is ${row.status}.`, [
        { field: isLineChange ? 'lines' : 'status', message: `Is ${row.status}` },
      ]);
    }
    if (input.lines) {
      await checkLines(tx, input.lines);
      await orders.writePurchaseOrderLines(
        tx,
        id,
        input.lines.map((l) => ({ skuId: l.skuId, orderedQuantity: l.quantity, receivedQuantity: 0 })),
        { replace: true },
      );
    }
    await orders.updatePurchaseOrder(tx, id, { expectedOn: input.expectedOn, note: input.note }, now);
    return announce(tx, 'purchase_order.updated', id, now);
  });
}

/**
 * Books a delivery: receive movements at the order's location, the lines' received quantities,
 * and deviations — over-delivery as it arrives, under-delivery when `isFinal` says nothing more comes.
 */
export async function receivePurchaseOrder(
  ctx: AppContext,
  actor: StockActor,
  id: string,
  input: ReceivePurchaseOrderBody,
) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await lockOrder(tx, id, input.version);
    assertMayWorkAt(actor, await requireLocation(tx, row.locationId));
    await checkLines(tx, input.lines);
    const outcome = bookDelivery(row.lines, input.lines, input.isFinal);
    assertMove(PURCHASE_ORDER_MOVES, 'purchase order', row.status, outcome.status);
    const movements = input.lines.map((line) => ({
      id: ctx.newId('mov'),
      skuId: line.skuId,
      locationId: row.locationId,
      kind: 'receive' as const,
      quantity: line.quantity,
      reason: null,
      reference: id,
    }));
    const levels = await store.applyMovements(tx, movements, actor.id, now);
    await orders.writePurchaseOrderLines(tx, id, outcome.lines);
    await recordDeviations(ctx, tx, id, outcome.deviations, actor, now);
    await orders.updatePurchaseOrder(tx, id, { status: outcome.status }, now);
    return announce(tx, 'purchase_order.received', id, now, {
      extra: { delivery: input.lines, isFinal: input.isFinal, newDeviations: outcome.deviations },
      levels,
      change: { cause: 'receive', reference: id, deltas: deltasOf(movements) },
    });
  });
}

function recordDeviations(
  ctx: AppContext,
  tx: Queryable,
  id: string,
  deviations: readonly ReceiptDeviation[],
  actor: StockActor,
  at: Date,
) {
  return orders.insertDeviations(
    tx,
    id,
    deviations.map((d) => ({ ...d, id: ctx.newId('pod') })),
    actor.id,
    at,
  );
}

/**
 * Closes an order for good. What a partly delivered order still lacks becomes under-delivery; an
 * order closed before anything arrived is simply cancelled.
 */
export async function closePurchaseOrder(ctx: AppContext, actor: StockActor, id: string, version: number) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await lockOrder(tx, id, version);
    assertMayWorkAt(actor, await requireLocation(tx, row.locationId));
    assertMove(PURCHASE_ORDER_MOVES, 'purchase order', row.status, 'closed');
    if (row.status === 'partially_received') {
      await recordDeviations(ctx, tx, id, outstandingAsUnder(row.lines), actor, now);
    }
    await orders.updatePurchaseOrder(tx, id, { status: 'closed' }, now);
    return announce(tx, 'purchase_order.closed', id, now);
  });
}

/** One purchase order with its lines and deviations. */
export async function getPurchaseOrder(ctx: AppContext, id: string): Promise<PurchaseOrder> {
  const row = await orders.findPurchaseOrder(ctx.db, id);
  if (!row) throw documentNotFound('purchase order', id);
  return toPurchaseOrder(row);
}

/** A page of purchase orders, newest first. */
export async function listPurchaseOrders(ctx: AppContext, query: PurchaseOrderListQuery) {
  const after = decodeCursor(query.cursor, 1);
  const rows = await orders.listPurchaseOrderRows(ctx.db, query, after?.[0] ?? null, query.limit + 1);
  return pageOf(rows, query.limit, (r) => [r.id], toPurchaseOrder);
}
