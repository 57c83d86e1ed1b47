// Status changes shared by checkout, payment results, the expiry job and staff: each runs in the
// caller's transaction, releases or queues what goes with it, and announces itself in the outbox.
import type { EventType, Order, OrderStatus } from '@handla/api';
import { assertMove, ORDER_MOVES } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import type { StockActor } from '../inventory/inventory.shared';
import { releaseHoldsIn } from '../inventory/reservations.service';
import {
  cancelQueuedMessages,
  type MessageTemplate,
  type QueuedMessage,
  queueMessage,
} from '../notifications/notifications.queue';
import type { PaymentRecord } from '../payments/payments.port';
import { releasePickupSlot } from '../pickup/pickup.booking';
import { releaseOrderCouponIn } from './checkout-promotions';
import { findOrder, listOrderLines, type OrderRow, updateOrderStatus } from './orders.store';
import { viewOrder } from './orders.view';

/** Stock held for web orders is held by the shop itself, not by a person. */
export const ORDER_ACTOR: StockActor = { id: 'system:orders', storeId: null, isStoreBound: false };

const EVENT_OF: Partial<Record<OrderStatus, EventType>> = {
  placed: 'order.placed',
  accepted: 'order.accepted',
  picking: 'order.picking',
  ready: 'order.ready',
  collected: 'order.collected',
  shipped: 'order.shipped',
  cancelled: 'order.cancelled',
};

/** Moves the order (checked against the state machine), emits its event and returns the new view. */
export async function moveOrderIn(
  tx: Queryable,
  ctx: AppContext,
  order: OrderRow,
  to: OrderStatus,
  options: { reason?: string; payment?: PaymentRecord; beforeEvent?: (view: Order) => Promise<void> } = {},
): Promise<Order> {
  const now = ctx.clock();
  assertMove(ORDER_MOVES, 'order', order.status, to);
  await updateOrderStatus(tx, order.id, to, now, options.reason ?? null);
  const moved = (await findOrder(tx, { id: order.id }))!;
  const view = await viewOrder(tx, moved, { payment: options.payment });
  // The event goes last: emitting holds the outbox's global lock until commit.
  await options.beforeEvent?.(view);
  await announceOrderIn(tx, ctx, view, EVENT_OF[to] ?? 'order.updated', order.storeId, options.reason);
  return view;
}

/** Emits `type` about the order with its current view: the last write of the transaction. */
export async function announceOrderIn(
  tx: Queryable,
  ctx: AppContext,
  view: Order,
  type: EventType,
  storeId: string | null,
  reason?: string,
): Promise<void> {
  await emitEvent(
    tx,
    {
      type,
      aggregateType: 'order',
      aggregateId: view.id,
      storeId,
      data: { order: view, ...(reason ? { reason } : {}) },
    },
    ctx.clock(),
  );
}

/**
 * Gives back the order's stock and pickup slot and drops its unsent reminder. Twice is harmless.
 * Locks in the checkout's order (stock rows, then the slot) before any event is emitted.
 */
export async function releaseOrderHoldsIn(tx: Queryable, ctx: AppContext, order: OrderRow): Promise<void> {
  const now = ctx.clock();
  const lines = await listOrderLines(tx, [order.id]);
  const held = lines.flatMap((line) => (line.reservationId ? [line.reservationId] : []));
  await releaseHoldsIn(tx, ctx, now, ORDER_ACTOR, held, async () => {
    if (order.fulfilment === 'pickup') await releasePickupSlot(tx, order.id);
    await cancelQueuedMessages(tx, `pickup_reminder:${order.id}`);
  });
}

/**
 * Queues `template` by e-mail, and by SMS when the shopper gave a phone number. One message per
 * template and order unless `occasion` tells repeats apart (e.g. each change of a line).
 */
export async function queueShopperMessages(
  tx: Queryable,
  ctx: AppContext,
  view: Order,
  template: MessageTemplate,
  sendAfter?: Date,
  occasion?: string,
  extra: Pick<QueuedMessage, 'shipment'> = {},
): Promise<void> {
  const targets = [
    { channel: 'email' as const, to: view.customer.email },
    ...(view.customer.phone ? [{ channel: 'sms' as const, to: view.customer.phone }] : []),
  ];
  for (const target of targets) {
    await queueMessage(tx, ctx, {
      ...target,
      template,
      locale: view.locale,
      order: view,
      ...(sendAfter ? { sendAfter } : {}),
      ...extra,
      dedupeKey: `${template}:${view.id}${occasion ? `:${occasion}` : ''}:${target.channel}`,
    });
  }
}

/** Placed: the confirmation now, and the reminder before the pickup time where the store sends one. */
export async function placeOrderIn(
  tx: Queryable,
  ctx: AppContext,
  order: OrderRow,
  payment: PaymentRecord,
): Promise<Order> {
  return moveOrderIn(tx, ctx, order, 'placed', {
    payment,
    beforeEvent: async (view) => {
      await queueShopperMessages(tx, ctx, view, 'order_confirmation');
      // A reminder that would go out before the confirmation says nothing new.
      if (order.remindAt && order.remindAt > ctx.clock()) {
        await queueShopperMessages(tx, ctx, view, 'pickup_reminder', order.remindAt);
      }
    },
  });
}

/** Cancelled: stock and slot released, reminder dropped; `notify` tells the shopper. */
export async function cancelOrderIn(
  tx: Queryable,
  ctx: AppContext,
  order: OrderRow,
  reason: string,
  options: { notify: boolean; payment?: PaymentRecord },
): Promise<Order> {
  // Checked before anything is released, so a collected order is refused as such.
  assertMove(ORDER_MOVES, 'order', order.status, 'cancelled');
  await releaseOrderHoldsIn(tx, ctx, order);
  await releaseOrderCouponIn(tx, order);
  return moveOrderIn(tx, ctx, order, 'cancelled', {
    reason,
    payment: options.payment,
    beforeEvent: async (view) => {
      if (options.notify) await queueShopperMessages(tx, ctx, view, 'order_cancelled');
    },
  });
}
