// The words for the states an order, its payment and its lines can be in (typed: a state
// without a message fails the type check).
import type { OrderLine, OrderStatus, PaymentStatus } from '@handla/api';
import type { MessageKey } from '@handla/ui';
import type { EventStreamStatus } from './event-stream';

export const ORDER_STATUS_LABEL: Record<OrderStatus, MessageKey> = {
  awaiting_payment: 'pos.orders.status.awaiting_payment',
  placed: 'pos.orders.status.placed',
  accepted: 'pos.orders.status.accepted',
  picking: 'pos.orders.status.picking',
  ready: 'pos.orders.status.ready',
  collected: 'pos.orders.status.collected',
  shipped: 'pos.orders.status.shipped',
  cancelled: 'pos.orders.status.cancelled',
};

export const PAYMENT_STATUS_LABEL: Record<PaymentStatus, MessageKey> = {
  pending: 'pos.orders.payment.pending',
  action_required: 'pos.orders.payment.action_required',
  authorized: 'pos.orders.payment.authorized',
  partially_captured: 'pos.orders.payment.partially_captured',
  captured: 'pos.orders.payment.captured',
  partially_refunded: 'pos.orders.payment.partially_refunded',
  refunded: 'pos.orders.payment.refunded',
  voided: 'pos.orders.payment.voided',
  declined: 'pos.orders.payment.declined',
  pay_in_store: 'pos.orders.payment.pay_in_store',
};

export const LINE_STATE_LABEL: Record<OrderLine['state'], MessageKey> = {
  open: 'pos.orders.line.state.open',
  picked: 'pos.orders.line.state.picked',
  removed: 'pos.orders.line.state.removed',
  substituted: 'pos.orders.line.state.substituted',
  shipping: 'pos.orders.line.state.shipping',
};

export const STREAM_STATUS_LABEL: Record<EventStreamStatus, MessageKey> = {
  connecting: 'pos.orders.live.connecting',
  open: 'pos.orders.live.open',
  reconnecting: 'pos.orders.live.reconnecting',
  paused: 'pos.orders.live.paused',
  stopped: 'pos.orders.live.stopped',
};
