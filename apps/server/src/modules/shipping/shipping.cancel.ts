// "Cancel the rest": what is not shipped of an order is cancelled — the units counted as cancelled,
// their holds released, the shopper told — and once nothing is left, the authorization beyond what
// the shipments captured is released. The order ends `shipped` when something left, else
// `cancelled`. One transaction for our rows, then the release (outside it, with its own key).
import type { CancelRestBody, ShippingOrder } from '@handla/api';
import type { AppContext } from '../../context';
import { releaseHoldsIn } from '../inventory/reservations.service';
import { assertOrderEditableBy } from '../orders/order-lock';
import {
  announceOrderIn,
  cancelOrderIn,
  moveOrderIn,
  ORDER_ACTOR,
  queueShopperMessages,
} from '../orders/orders.lifecycle';
import { findOrder } from '../orders/orders.store';
import { viewOrder } from '../orders/orders.view';
import { orderConflict, releaseUncaptured, type ShippingActor, shippingEditorOf } from './shipping.service';
import * as store from './shipping.store';
import { isShippableLine, listShippingLines, orderNotFound, viewShippingOrder } from './shipping.view';

const DEFAULT_REASON = 'Could not be delivered';

/** Cancels every unit not shipped; a repeat finds nothing left and only retries the release. */
export async function cancelRest(
  ctx: AppContext,
  actor: ShippingActor,
  orderId: string,
  body: CancelRestBody,
): Promise<ShippingOrder> {
  const reason = body.reason ?? DEFAULT_REASON;
  const order = await ctx.db.transaction(async (tx) => {
    const row = await findOrder(tx, { id: orderId }, { forUpdate: true });
    if (!row) throw orderNotFound(orderId);
    if (row.status === 'awaiting_payment') throw orderConflict('Not paid yet; cancel the order instead');
    if (row.fulfilment === 'delivery') assertOrderEditableBy(row, shippingEditorOf(row, actor));
    const shipments = await store.listShipmentsOfOrder(tx, row.id);
    if (shipments.some((s) => s.status === 'started' || s.status === 'captured')) {
      throw orderConflict('A shipment is under way; finish it (retry with its key) first');
    }
    const lines = await listShippingLines(tx, row.id);
    const rest = lines.filter(
      (l) => isShippableLine(row, l) && l.shippedQuantity + l.cancelledQuantity < l.quantity,
    );
    if (rest.length === 0) return row;
    for (const l of rest) {
      await store.cancelLineUnits(tx, l.id, l.quantity - l.shippedQuantity - l.cancelledQuantity, reason);
    }
    const isAnyShipped = lines.some((l) => l.shippedQuantity > 0);
    if (row.fulfilment === 'delivery' && !isAnyShipped) {
      await cancelOrderIn(tx, ctx, row, reason, { notify: true });
      return row;
    }
    const held = rest.flatMap((l) => (l.reservationId ? [l.reservationId] : []));
    await releaseHoldsIn(tx, ctx, ctx.clock(), ORDER_ACTOR, held);
    const tell = (view: Awaited<ReturnType<typeof viewOrder>>) =>
      queueShopperMessages(tx, ctx, view, 'order_changed', undefined, 'cancel-rest');
    if (row.fulfilment === 'delivery') {
      await moveOrderIn(tx, ctx, row, 'shipped', { reason, beforeEvent: tell });
    } else {
      const view = await viewOrder(tx, row);
      await tell(view);
      await announceOrderIn(tx, ctx, view, 'order.updated', row.storeId, 'cancel-rest');
    }
    return row;
  });
  // No answer from the provider fails the request (502); the cancel stands and a repeat retries.
  await releaseUncaptured(ctx, order.id, actor, {
    idempotencyKey: `cancel-rest:${order.id}`,
    reason: 'the rest cancelled',
    isQuiet: false,
  });
  const fresh = (await findOrder(ctx.db, { id: order.id }))!;
  return viewShippingOrder(ctx.db, fresh, await store.listShipmentsOfOrder(ctx.db, fresh.id));
}
