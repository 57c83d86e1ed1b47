// Returns within the right of withdrawal: a request (from the order-status page or staff) gets an
// RMA number; the parcel is received at a chosen location and each unit inspected (back to stock or
// written off); the accepted units are refunded to the original payment, once per return.
import type {
  CreateReturnRequestBody,
  ReceiveReturnBody,
  ReturnRequest,
  ReturnSettings,
  ShopReturnRequestBody,
  UpdateReturnSettingsBody,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { moveStockForRegisterReceipt } from '../inventory/register-sales';
import { findLocations } from '../locations/locations.lookups';
import { addReturnedUnits, unitsInStartedReturns } from '../orders/handover.store';
import { paidForUnits } from '../orders/order-line-refund';
import { type MoneyProgress, moveOwed, outstandingMoneyError } from '../orders/order-money';
import { queueShopperMessages } from '../orders/orders.lifecycle';
import { findOrder, listOrderLines, type OrderLineRow, type OrderRow } from '../orders/orders.store';
import { viewOrder } from '../orders/orders.view';
import * as store from './returns.store';
import { viewReturn } from './returns.view';

const DAY_MS = 86_400_000;

export async function getReturnSettings(ctx: AppContext, companyId: string): Promise<ReturnSettings> {
  const { companyId: _, ...settings } = await store.findReturnSettings(ctx.db, companyId);
  return settings;
}

export async function updateReturnSettings(
  ctx: AppContext,
  staffId: string,
  companyId: string,
  body: UpdateReturnSettingsBody,
): Promise<ReturnSettings> {
  await ctx.db.transaction(async (tx) => {
    if (!(await store.saveReturnSettings(tx, { companyId, ...body }, staffId, ctx.clock()))) {
      throw new DomainError('version_conflict', 'The return settings were changed by someone else.', [
        { field: 'version', message: 'Stale version' },
      ]);
    }
  });
  return getReturnSettings(ctx, companyId);
}

/**
 * Checks each asked line against what was delivered and not yet returned or on its way back, and
 * the withdrawal window counted from the line's delivery. Throws naming the field; changes nothing.
 */
async function assertReturnable(
  tx: Queryable,
  order: OrderRow,
  body: ShopReturnRequestBody,
  now: Date,
): Promise<void> {
  const settings = await store.findReturnSettings(tx, order.companyId);
  const lines = new Map((await listOrderLines(tx, [order.id])).map((l) => [l.id, l]));
  const delivered = await store.listDeliveredUnits(tx, order.id);
  const requested = await store.unitsInOpenRequests(tx, order.id);
  const atCounter = await unitsInStartedReturns(tx, order.id);
  const asked = new Map<string, number>();
  for (const [i, line] of body.lines.entries()) {
    if (!lines.has(line.orderLineId)) {
      throw new DomainError('validation_failed', 'Not a line of this order.', [
        { field: `lines[${i}].orderLineId`, message: 'Unknown order line' },
      ]);
    }
    const got = delivered.get(line.orderLineId);
    const units = (asked.get(line.orderLineId) ?? 0) + line.quantity;
    asked.set(line.orderLineId, units);
    const left = got
      ? got.units -
        lines.get(line.orderLineId)!.returnedQuantity -
        (requested.get(line.orderLineId) ?? 0) -
        (atCounter.get(line.orderLineId) ?? 0)
      : 0;
    if (units > left) {
      throw new DomainError('conflict', 'More units than were delivered and not yet returned.', [
        { field: `lines[${i}].quantity`, message: `At most ${Math.max(left, 0)} can be returned` },
      ]);
    }
    if (now.getTime() > got!.deliveredAt.getTime() + settings.withdrawalDays * DAY_MS) {
      throw new DomainError('invalid_state', 'The right of withdrawal has passed.', [
        { field: 'orderId', message: `More than ${settings.withdrawalDays} days since delivery` },
      ]);
    }
  }
}

async function requestReturn(
  ctx: AppContext,
  order: OrderRow,
  body: ShopReturnRequestBody,
  by: { source: 'shop' | 'staff' | 'api'; staffId: string | null },
): Promise<ReturnRequest> {
  const id = ctx.newId('ret');
  await ctx.db.transaction(async (tx) => {
    const row = (await findOrder(tx, { id: order.id }, { forUpdate: true }))!;
    const now = ctx.clock();
    await assertReturnable(tx, row, body, now);
    const number = await store.takeReturnNumber(tx, row.companyId);
    const merged = new Map<string, number>();
    for (const l of body.lines) merged.set(l.orderLineId, (merged.get(l.orderLineId) ?? 0) + l.quantity);
    await store.insertReturnRequest(
      tx,
      {
        id,
        companyId: row.companyId,
        orderId: row.id,
        number,
        source: by.source,
        reason: body.reason,
        requestedBy: by.staffId,
        lines: [...merged].map(([orderLineId, quantity]) => ({ orderLineId, quantity })),
      },
      now,
    );
    const view = await viewOrder(tx, row);
    // The mail carries the RMA number and where to send the parcel in place of the status link's text.
    await queueShopperMessages(tx, ctx, view, 'return_requested', undefined, id);
    await emitReturnEvent(tx, 'return.requested', row, id, now);
  });
  return getReturnRequest(ctx, order.companyId, id);
}

/** The shopper's request from the order-status page: the status token is the key. */
export async function requestShopReturn(
  ctx: AppContext,
  statusToken: string,
  body: ShopReturnRequestBody,
): Promise<ReturnRequest> {
  const order = await findOrder(ctx.db, { statusToken });
  if (!order)
    throw new DomainError('not_found', 'No such order.', [{ field: 'token', message: 'Unknown order' }]);
  return requestReturn(ctx, order, body, { source: 'shop', staffId: null });
}

export async function requestStaffReturn(
  ctx: AppContext,
  by: { source: 'staff' | 'api'; staffId: string | null; companyId: string },
  body: CreateReturnRequestBody,
): Promise<ReturnRequest> {
  const order = await findOrder(ctx.db, { id: body.orderId });
  if (!order || order.companyId !== by.companyId) {
    throw new DomainError('not_found', 'No such order.', [{ field: 'orderId', message: 'Unknown order' }]);
  }
  return requestReturn(ctx, order, body, by);
}

export async function listReturnsOfToken(ctx: AppContext, statusToken: string): Promise<ReturnRequest[]> {
  const order = await findOrder(ctx.db, { statusToken });
  if (!order)
    throw new DomainError('not_found', 'No such order.', [{ field: 'token', message: 'Unknown order' }]);
  const rows = await store.listReturnRequests(ctx.db, { companyId: order.companyId, orderId: order.id });
  return viewReturns(ctx.db, rows);
}

async function viewReturns(q: Queryable, rows: store.ReturnRequestRow[]): Promise<ReturnRequest[]> {
  const out: ReturnRequest[] = [];
  for (const row of rows) {
    const order = (await findOrder(q, { id: row.orderId }))!;
    out.push(viewReturn(row, order, await listOrderLines(q, [order.id])));
  }
  return out;
}

export async function listReturnRequests(
  ctx: AppContext,
  companyId: string,
  filter: { status?: string; orderId?: string },
): Promise<ReturnRequest[]> {
  return viewReturns(ctx.db, await store.listReturnRequests(ctx.db, { companyId, ...filter }));
}

export async function getReturnRequest(
  ctx: AppContext,
  companyId: string,
  id: string,
): Promise<ReturnRequest> {
  const row = await store.findReturnRequest(ctx.db, id);
  if (!row || row.companyId !== companyId) {
    throw new DomainError('not_found', `No return ${id}.`, [{ field: 'id', message: 'Unknown return' }]);
  }
  return (await viewReturns(ctx.db, [row]))[0]!;
}

/** What the inspection gives back: what the accepted (restocked) units were paid, shipping by the rules. */
function refundOf(
  order: OrderRow,
  lines: Map<string, OrderLineRow>,
  verdicts: ReceiveReturnBody['lines'],
  settings: store.ReturnSettingsRow,
  delivered: Map<string, { units: number }>,
): { refundAmount: number; shippingRefund: number; shippingFee: number } {
  let goods = 0;
  let isFullReturn = true;
  const accepted = new Map(verdicts.map((v) => [v.orderLineId, v.restocked]));
  for (const [lineId, got] of delivered) {
    const line = lines.get(lineId)!;
    // What those units were paid, after the line's promotion discounts.
    goods += paidForUnits(line, line.returnedQuantity, accepted.get(lineId) ?? 0);
    if (line.returnedQuantity + (accepted.get(lineId) ?? 0) < got.units) isFullReturn = false;
  }
  const shippingRefund =
    isFullReturn && settings.refundOriginalShipping && goods > 0 ? order.shippingPriceInclVat : 0;
  const shippingFee = goods > 0 ? Math.min(settings.returnShippingFee, goods + shippingRefund) : 0;
  return { refundAmount: goods + shippingRefund - shippingFee, shippingRefund, shippingFee };
}

function assertVerdicts(row: store.ReturnRequestRow, body: ReceiveReturnBody): void {
  const asked = new Map(row.lines.map((l) => [l.orderLineId, l.quantity]));
  const seen = new Set<string>();
  for (const [i, v] of body.lines.entries()) {
    const quantity = asked.get(v.orderLineId);
    if (quantity === undefined || seen.has(v.orderLineId)) {
      throw new DomainError('validation_failed', 'Not a line of this return (or named twice).', [
        { field: `lines[${i}].orderLineId`, message: 'Not in this return' },
      ]);
    }
    seen.add(v.orderLineId);
    if (v.restocked + v.writtenOff !== quantity) {
      throw new DomainError('validation_failed', 'Every returned unit is restocked or written off.', [
        { field: `lines[${i}].restocked`, message: `Restocked + written off must be ${quantity}` },
      ]);
    }
    if (v.writtenOff > 0 && !v.writeOffReason) {
      throw new DomainError('validation_failed', 'A write-off needs its reason.', [
        { field: `lines[${i}].writeOffReason`, message: 'Required when units are written off' },
      ]);
    }
  }
  if (seen.size !== asked.size) {
    throw new DomainError('validation_failed', 'Inspect every line of the return.', [
      { field: 'lines', message: `All ${asked.size} lines must be inspected` },
    ]);
  }
}

/**
 * (1) One transaction: the inspection recorded, restocked units back at the chosen location (a
 * `return` movement), every unit counted returned, the refund fixed. (2) `refundPayment`, key
 * `rma:<id>`, outside any transaction. (3) Completed, the shopper told, `order.returned`.
 * A repeat after (1) only retries (2) and (3): the provider sees one refund.
 */
export async function receiveReturn(
  ctx: AppContext,
  staff: { id: string; companyId: string },
  id: string,
  body: ReceiveReturnBody,
): Promise<ReturnRequest> {
  const current = await getReturnRequest(ctx, staff.companyId, id);
  // A repeat of a finished return answers with it: one refund, one stock movement.
  if (current.status === 'completed') return current;
  if (current.status === 'requested') await inspectReturn(ctx, staff, id, body);
  else if (current.status !== 'refunding') {
    throw new DomainError('invalid_state', `The return is ${current.status}.`, [
      { field: 'id', message: 'Already received' },
    ]);
  }
  await refundReturn(ctx, staff.id, id);
  return getReturnRequest(ctx, staff.companyId, id);
}

async function inspectReturn(
  ctx: AppContext,
  staff: { id: string; companyId: string },
  id: string,
  body: ReceiveReturnBody,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const peek = (await store.findReturnRequest(tx, id))!;
    const order = (await findOrder(tx, { id: peek.orderId }, { forUpdate: true }))!;
    const row = (await store.findReturnRequest(tx, id, { forUpdate: true }))!;
    if (row.status !== 'requested') return; // a twin request inspected it meanwhile
    assertVerdicts(row, body);
    const [location] = await findLocations(tx, [body.locationId]);
    if (!location) {
      throw new DomainError('validation_failed', 'Unknown location.', [
        { field: 'locationId', message: 'Unknown location' },
      ]);
    }
    const now = ctx.clock();
    const lines = new Map((await listOrderLines(tx, [order.id])).map((l) => [l.id, l]));
    const settings = await store.findReturnSettings(tx, order.companyId);
    const refund = refundOf(order, lines, body.lines, settings, await store.listDeliveredUnits(tx, order.id));
    await store.recordInspection(
      tx,
      id,
      {
        locationId: location.id,
        receivedBy: staff.id,
        ...refund,
        lines: body.lines.map((v) => ({ ...v, writeOffReason: v.writeOffReason ?? null })),
      },
      now,
    );
    await addReturnedUnits(
      tx,
      row.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })),
    );
    // Written-off units never reach the shelf: the record is the return line, the ledger is untouched.
    const restocked = body.lines.filter((v) => v.restocked > 0);
    const received = returnEvent('return.received', order, id, { locationId: location.id });
    if (restocked.length === 0) {
      await emitReturnEvent(tx, 'return.received', order, id, now, { locationId: location.id });
      return;
    }
    await moveStockForRegisterReceipt(tx, {
      locationId: location.id,
      lines: restocked.map((v) => ({ skuId: lines.get(v.orderLineId)!.skuId, quantity: v.restocked })),
      reference: id,
      actor: staff.id,
      at: now,
      newId: ctx.newId,
      leading: [received],
    });
  });
}

async function refundReturn(ctx: AppContext, actor: string, id: string): Promise<void> {
  const row = (await store.findReturnRequest(ctx.db, id))!;
  if (row.status !== 'refunding') return;
  const order = (await findOrder(ctx.db, { id: row.orderId }))!;
  if ((row.refundAmount ?? 0) > 0) {
    let progress: MoneyProgress;
    try {
      // Over the order's payments, newest capture first (orders/order-money.ts), keyed `rma:<id>`.
      progress = await moveOwed(ctx, order, 'refund', row.refundAmount!, {
        idempotencyKey: `rma:${id}`,
        reason: row.reason,
        actor,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // No answer stays `refunding` for a retry with the same key.
      const status =
        error instanceof DomainError && error.code !== 'payment_failed' ? 'refused' : 'refunding';
      await ctx.db.transaction((tx) => store.finishRefund(tx, id, { status, error: message }, ctx.clock()));
      throw error;
    }
    if (progress.outstanding > 0) {
      // Refused before anything went back: final. Refused after part went back (a second payment
      // said no): stays `refunding` with the rest in its error, and a repeat refunds only the rest.
      const error = outstandingMoneyError(progress, 'id');
      const status = progress.moved === 0 ? 'refused' : 'refunding';
      await ctx.db.transaction((tx) =>
        store.finishRefund(tx, id, { status, error: error.message }, ctx.clock()),
      );
      throw error;
    }
  }
  await ctx.db.transaction(async (tx) => {
    const locked = (await findOrder(tx, { id: order.id }, { forUpdate: true }))!;
    const now = ctx.clock();
    await store.finishRefund(tx, id, { status: 'completed' }, now);
    const view = await viewOrder(tx, locked);
    await queueShopperMessages(tx, ctx, view, 'return_refunded', undefined, id);
    await emitReturnEvent(tx, 'order.returned', locked, id, now, {
      order: view,
      refunded: { amount: row.refundAmount ?? 0, currency: order.currency },
      lines: row.lines,
    });
  });
}

function returnEvent(
  type: 'return.requested' | 'return.received' | 'order.returned',
  order: OrderRow,
  returnId: string,
  data: Record<string, unknown> = {},
) {
  return {
    type,
    aggregateType: type === 'order.returned' ? 'order' : 'return',
    aggregateId: type === 'order.returned' ? order.id : returnId,
    storeId: order.storeId,
    data: { returnId, orderId: order.id, ...data },
  } as const;
}

async function emitReturnEvent(
  tx: Queryable,
  type: 'return.requested' | 'return.received' | 'order.returned',
  order: OrderRow,
  returnId: string,
  at: Date,
  data: Record<string, unknown> = {},
): Promise<void> {
  await emitEvent(tx, returnEvent(type, order, returnId, data), at);
}
