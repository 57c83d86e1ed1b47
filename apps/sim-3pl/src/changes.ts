// Handla's changes to what it sent before: an order's new lines (`order.updated`), an expected
// delivery's new lines or date (`delivery.updated`) and its cancel (`delivery.cancel`). A change
// applies only to work not yet begun — an order being picked, or a delivery already received,
// refuses it with 409 as a real WMS would — and only when its `version` is newer than the one held.
import type { WmsExpectedDeliveryUpdateOut, WmsOrderUpdateOut } from '@handla/api';
import { SimError } from './sim-error';
import type { SimDelivery, SimOrder } from './warehouse';

/** Replaces the order's lines (before picking); an older or repeated version changes nothing. */
export function applyOrderUpdate(order: SimOrder | undefined, message: WmsOrderUpdateOut): void {
  if (!order) throw new SimError(404, 'orderId', `No order ${message.orderId} at this 3PL.`);
  if (order.status !== 'new' && order.status !== 'received') {
    throw new SimError(409, 'orderId', `Order ${order.orderId} is ${order.status}: picking has started.`);
  }
  if (message.version <= order.version) return;
  order.version = message.version;
  order.lines = message.lines.map((l) => ({ ...l, shipped: 0, cancelled: 0 }));
}

/** Replaces the expected delivery's lines (before it is received); an older version changes nothing. */
export function applyDeliveryUpdate(
  delivery: SimDelivery | undefined,
  message: WmsExpectedDeliveryUpdateOut,
): void {
  const current = openDelivery(delivery, message.purchaseOrderId);
  if (message.version <= current.version) return;
  current.version = message.version;
  current.lines = message.lines.map((l) => ({ ...l }));
}

/** Nothing more is expected: the delivery can no longer be received. */
export function applyDeliveryCancel(delivery: SimDelivery | undefined, purchaseOrderId: string): void {
  if (delivery?.isCancelled) return;
  openDelivery(delivery, purchaseOrderId).isCancelled = true;
}

function openDelivery(delivery: SimDelivery | undefined, purchaseOrderId: string): SimDelivery {
  if (!delivery) throw new SimError(404, 'purchaseOrderId', `No expected delivery ${purchaseOrderId}.`);
  if (delivery.isReceived) throw new SimError(409, 'purchaseOrderId', `${purchaseOrderId} is received.`);
  if (delivery.isCancelled) throw new SimError(409, 'purchaseOrderId', `${purchaseOrderId} is cancelled.`);
  return delivery;
}
