// Orders for staff (list, look at, mark ready, cancel), the public order-status page, shipping
// methods, and the job that expires orders whose payment never finished.
import type { Order, OrderStatus, ShippingMethod } from '@handla/api';
import {
  assertMayBeReady,
  assertMove,
  DomainError,
  isUncollectedTooLong,
  ORDER_MOVES,
  UNCOLLECTED_CANCEL_REASON,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { PaymentRecord } from '../payments/payments.port';
import { findPayment, paymentsOfOrder, refundPayment, voidPayment } from '../payments/payments.service';
import { getPickupSettings } from '../pickup/pickup.service';
import { assertOrderEditableBy } from './order-lock';
import { announceOrderIn, cancelOrderIn, moveOrderIn, queueShopperMessages } from './orders.lifecycle';
import * as store from './orders.store';
import { viewOrder, viewOrders } from './orders.view';
import { listWaitingPickupOrders, pickRemainingLines, setOrderLock } from './store-orders.store';

/** Unpaid orders give their stock and slot back after this long. */
export const UNPAID_ORDER_MINUTES = 15;

/** The staff member asking: store-bound staff see and handle their own store's orders only. */
export interface OrderStaff {
  /** A signed-in staff member, or an integration's API key: the picking lock keeps both out. */
  kind: 'staff' | 'api';
  id: string;
  storeId: string | null;
  isStoreBound: boolean;
}

function notFound(id: string): DomainError {
  return new DomainError('not_found', `No order ${id}.`, [{ field: 'id', message: 'Unknown order' }]);
}

function assertMayHandle(staff: OrderStaff, order: store.OrderRow): void {
  if (staff.isStoreBound && order.storeId !== staff.storeId) {
    throw new DomainError('forbidden', 'This order belongs to another store.', [
      { field: 'id', message: 'Not an order of your store' },
    ]);
  }
}

/** Orders newest first; store-bound staff get their store's only. */
export async function listStaffOrders(
  ctx: AppContext,
  staff: OrderStaff,
  filter: { status?: OrderStatus; storeId?: string; limit: number },
): Promise<Order[]> {
  const storeId = staff.isStoreBound ? (staff.storeId ?? '-') : filter.storeId;
  const rows = await store.listOrders(ctx.db, { ...filter, storeId });
  return viewOrders(ctx.db, rows);
}

export async function getStaffOrder(ctx: AppContext, staff: OrderStaff, id: string): Promise<Order> {
  const row = await store.findOrder(ctx.db, { id });
  if (!row) throw notFound(id);
  assertMayHandle(staff, row);
  return viewOrder(ctx.db, row);
}

/** Ready for pickup: stamped, announced (`order.ready`) and the shopper told by mail/SMS. */
export async function markOrderReady(ctx: AppContext, staff: OrderStaff, id: string): Promise<Order> {
  return ctx.db.transaction(async (tx) => {
    const row = await store.findOrder(tx, { id }, { forUpdate: true });
    if (!row) throw notFound(id);
    assertMayHandle(staff, row);
    if (row.status === 'ready') return viewOrder(tx, row);
    assertOrderEditableBy(row, staff);
    return readyOrderIn(tx, ctx, row);
  });
}

/**
 * Ready for pickup, in the caller's transaction on a row it locked: lines still open count as
 * picked (staff decided), an order with nothing left to collect is refused (cancel it instead),
 * the lock ends, and the shopper gets "ready for pickup".
 */
export async function readyOrderIn(tx: Queryable, ctx: AppContext, row: store.OrderRow): Promise<Order> {
  if (row.fulfilment !== 'pickup') {
    throw new DomainError('invalid_state', 'A delivery order is shipped, not collected.', [
      { field: 'status', message: 'Delivery orders are not picked up' },
    ]);
  }
  assertMove(ORDER_MOVES, 'order', row.status, 'ready');
  assertMayBeReady((await store.listOrderLines(tx, [row.id])).map((l) => l.state));
  await pickRemainingLines(tx, row.id);
  return moveOrderIn(tx, ctx, row, 'ready', {
    beforeEvent: (view) => queueShopperMessages(tx, ctx, view, 'order_ready'),
  });
}

/**
 * Cancels the order: stock and slot released and the shopper told, in one transaction; then,
 * outside it, the authorization is voided (or a captured payment refunded).
 */
export async function cancelOrder(
  ctx: AppContext,
  staff: OrderStaff,
  id: string,
  reason: string,
): Promise<Order> {
  const view = await cancelThenRefund(ctx, id, reason, (row) => {
    assertMayHandle(staff, row);
    assertOrderEditableBy(row, staff);
    return true;
  });
  return view!;
}

/**
 * The cancel path shared by staff and the expiry jobs: `mayCancel` looks at the locked row (throws
 * to refuse, false to leave it alone); the money goes back after the commit. Null when left alone.
 */
async function cancelThenRefund(
  ctx: AppContext,
  id: string,
  reason: string,
  mayCancel: (row: store.OrderRow) => boolean,
): Promise<Order | null> {
  const view = await ctx.db.transaction(async (tx) => {
    const row = await store.findOrder(tx, { id }, { forUpdate: true });
    if (!row) throw notFound(id);
    if (!mayCancel(row)) return null;
    return cancelOrderIn(tx, ctx, row, reason, { notify: true });
  });
  if (!view) return null;
  const payment = view.payment.id ? await findPayment(ctx.db, view.payment.id) : null;
  // The cancel stands even when the provider is down: the order shows the payment still held, and
  // the settle job (`settleCancelledOrders`) gives the money back with the same idempotency key.
  if (payment) await giveMoneyBack(ctx, payment, `cancel:${id}`, reason).catch(() => {});
  // A "pay the difference" authorization goes back too (docs/orders-admin.md).
  for (const extra of await paymentsOfOrder(ctx.db, id)) {
    if (extra.id !== payment?.id) await giveMoneyBack(ctx, extra, `cancel:${id}`, reason).catch(() => {});
  }
  const row = (await store.findOrder(ctx.db, { id }))!;
  return viewOrder(ctx.db, row);
}

/** A manager frees an order a register holds (the register crashed, the picker went home). */
export async function unlockOrder(ctx: AppContext, staff: OrderStaff, id: string): Promise<Order> {
  return ctx.db.transaction(async (tx) => {
    const row = await store.findOrder(tx, { id }, { forUpdate: true });
    if (!row) throw notFound(id);
    assertMayHandle(staff, row);
    if (!row.lockedById) return viewOrder(tx, row);
    await setOrderLock(tx, row.id, null, ctx.clock());
    const view = await viewOrder(tx, (await store.findOrder(tx, { id }))!);
    await announceOrderIn(tx, ctx, view, 'order.updated', row.storeId, `Unlocked by ${staff.id}`);
    return view;
  });
}

/**
 * Cancels pickup orders not collected within their store's `collectWithinDays` after they were
 * ready (or after the pickup time, when never ready): stock and slot released, the payment voided,
 * the shopper told. A held picking lock does not stop it. Returns how many were cancelled.
 */
export async function expireUncollectedOrders(ctx: AppContext, now: Date): Promise<number> {
  const days = new Map<string, number>();
  const daysOf = async (storeId: string) => {
    if (!days.has(storeId)) days.set(storeId, (await getPickupSettings(ctx, storeId)).collectWithinDays);
    return days.get(storeId)!;
  };
  let cancelled = 0;
  const failures: unknown[] = [];
  for (const candidate of await listWaitingPickupOrders(ctx.db, now, 1000)) {
    const within = await daysOf(candidate.storeId);
    try {
      // Several processes run this job: the row lock and the re-check let exactly one cancel.
      const view = await cancelThenRefund(ctx, candidate.id, UNCOLLECTED_CANCEL_REASON, (row) =>
        isUncollectedTooLong(row, within, now),
      );
      if (view) cancelled++;
    } catch (error) {
      failures.push(error); // one order must not hold up the others; the scheduler logs the rest
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} uncollected orders failed`);
  return cancelled;
}

/** How far back the settle job looks for cancelled orders still holding the shopper's money. */
const SETTLE_CANCELLED_WITHIN_DAYS = 30;

/**
 * Gives the money of cancelled orders back where the void or refund failed after the cancel
 * committed (the provider was down): retried with the cancel's own idempotency key, so a call that
 * did reach the provider is not repeated. Returns how many payments were settled.
 */
export async function settleCancelledOrders(ctx: AppContext, now: Date): Promise<number> {
  const since = new Date(+now - SETTLE_CANCELLED_WITHIN_DAYS * 86_400_000);
  let settled = 0;
  const failures: unknown[] = [];
  for (const order of await store.listCancelledOrdersHoldingMoney(ctx.db, since, 100)) {
    const row = (await store.findOrder(ctx.db, { id: order.id }))!;
    const payment = row.paymentId ? await findPayment(ctx.db, row.paymentId) : null;
    if (!payment) continue;
    try {
      await giveMoneyBack(ctx, payment, `cancel:${order.id}`, order.cancelReason ?? 'Cancelled');
      settled++;
    } catch (error) {
      failures.push(error); // the next run tries again
    }
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `${failures.length} cancelled orders unsettled`);
  return settled;
}

// Voids what is only authorized (or still pending); refunds what was already captured.
async function giveMoneyBack(ctx: AppContext, payment: PaymentRecord, key: string, reason: string) {
  switch (payment.status) {
    case 'pending':
    case 'action_required':
    case 'authorized':
      await voidPayment(ctx, { paymentId: payment.id, idempotencyKey: key, reason });
      return;
    case 'partially_captured':
    case 'captured':
    case 'partially_refunded': {
      const left = payment.captured - payment.refunded;
      if (left > 0)
        await refundPayment(ctx, { paymentId: payment.id, amount: left, idempotencyKey: key, reason });
      if (payment.authorized > payment.captured) {
        await voidPayment(ctx, { paymentId: payment.id, idempotencyKey: `${key}:void`, reason });
      }
      return;
    }
    default:
      return;
  }
}

/** The order behind an order-status link, or `not_found`. */
export async function getOrderByStatusToken(ctx: AppContext, token: string): Promise<Order> {
  const row = await store.findOrder(ctx.db, { statusToken: token });
  if (!row)
    throw new DomainError('not_found', 'No such order.', [{ field: 'token', message: 'Unknown link' }]);
  return viewOrder(ctx.db, row);
}

export async function listShippingMethods(ctx: AppContext): Promise<ShippingMethod[]> {
  return (await store.listShippingMethods(ctx.db)).map((m) => ({
    id: m.id,
    name: m.name,
    carrier: m.carrier,
    price: { amount: m.priceInclVat, currency: m.currency },
    description: m.description,
  }));
}

/**
 * Cancels orders still awaiting payment after UNPAID_ORDER_MINUTES: the payment is voided first
 * (outside any transaction), then stock and slot are released. A payment that went through
 * meanwhile is left alone: its settlement places the order. Returns how many were cancelled.
 */
export async function expireUnpaidOrders(ctx: AppContext, now: Date): Promise<number> {
  const before = new Date(+now - UNPAID_ORDER_MINUTES * 60_000);
  const due = await store.listOrders(ctx.db, {
    status: 'awaiting_payment',
    createdBefore: before,
    limit: 100,
  });
  let cancelled = 0;
  for (const order of due) {
    const payment = order.paymentId ? await findPayment(ctx.db, order.paymentId) : null;
    if (payment && ['pending', 'action_required', 'authorized'].includes(payment.status)) {
      try {
        await voidPayment(ctx, {
          paymentId: payment.id,
          idempotencyKey: `expire:${order.id}`,
          reason: 'expired',
        });
      } catch {
        continue; // settled meanwhile, or the provider is down: the next run looks again
      }
    }
    const done = await ctx.db.transaction(async (tx) => {
      const locked = await store.findOrder(tx, { id: order.id }, { forUpdate: true });
      if (locked?.status !== 'awaiting_payment') return false;
      const latest = locked.paymentId ? await findPayment(tx, locked.paymentId) : null;
      if (latest && ['authorized', 'captured', 'partially_captured'].includes(latest.status)) return false;
      await cancelOrderIn(tx, ctx, locked, 'The payment was not finished in time', {
        notify: false,
        ...(latest ? { payment: latest } : {}),
      });
      return true;
    });
    if (done) cancelled++;
  }
  return cancelled;
}
