// Label keys of order statuses, channels and payment states, shared by the list and the detail.
// Records rather than lists, so the compiler flags a value added to the contract but missing
// here — and only types come from the contract file, keeping its zod schemas out of the bundle.
import type { AdminOrderListQuery, AdminOrderPayment, OrderStatus, TimelineEntry } from '@handla/api';
import type { MessageKey } from '@handla/ui';

type Channel = NonNullable<AdminOrderListQuery['channel']>;
type PaymentState = NonNullable<AdminOrderListQuery['paymentState']>;
type PaymentMethod = AdminOrderPayment['method'];
type PaymentStatus = AdminOrderPayment['status'];

const STATUS: Record<OrderStatus, MessageKey> = {
  awaiting_payment: 'pos.orders.status.awaiting_payment',
  placed: 'pos.orders.status.placed',
  accepted: 'pos.orders.status.accepted',
  picking: 'pos.orders.status.picking',
  ready: 'pos.orders.status.ready',
  collected: 'pos.orders.status.collected',
  shipped: 'pos.orders.status.shipped',
  cancelled: 'pos.orders.status.cancelled',
};
const CHANNEL: Record<Channel, MessageKey> = {
  web: 'ordersAdmin.channel.web',
  register: 'ordersAdmin.channel.register',
  api: 'ordersAdmin.channel.api',
};
const PAYMENT: Record<PaymentState, MessageKey> = {
  unpaid: 'ordersAdmin.payment.unpaid',
  authorized: 'ordersAdmin.payment.authorized',
  captured: 'ordersAdmin.payment.captured',
  refunded: 'ordersAdmin.payment.refunded',
  pay_in_store: 'ordersAdmin.payment.pay_in_store',
  failed: 'ordersAdmin.payment.failed',
};
const METHOD: Record<PaymentMethod, MessageKey> = {
  card: 'ordersAdmin.method.card',
  klarna: 'ordersAdmin.method.klarna',
  swish: 'ordersAdmin.method.swish',
  in_store: 'ordersAdmin.method.in_store',
  invoice: 'ordersAdmin.method.invoice',
  prepaid_external: 'ordersAdmin.method.prepaid_external',
  voucher: 'ordersAdmin.method.voucher',
};
const PAYMENT_STATUS: Record<PaymentStatus, MessageKey> = {
  pending: 'ordersAdmin.paymentStatus.pending',
  action_required: 'ordersAdmin.paymentStatus.action_required',
  authorized: 'ordersAdmin.paymentStatus.authorized',
  partially_captured: 'ordersAdmin.paymentStatus.partially_captured',
  captured: 'ordersAdmin.paymentStatus.captured',
  partially_refunded: 'ordersAdmin.paymentStatus.partially_refunded',
  refunded: 'ordersAdmin.paymentStatus.refunded',
  voided: 'ordersAdmin.paymentStatus.voided',
  declined: 'ordersAdmin.paymentStatus.declined',
  pay_in_store: 'ordersAdmin.paymentStatus.pay_in_store',
};
/** An icon and a label per timeline kind; the icon is decoration, the label is read out. */
export const TIMELINE_KINDS: Record<TimelineEntry['kind'], { icon: string; label: MessageKey }> = {
  event: { icon: '📦', label: 'ordersAdmin.timeline.event' },
  payment: { icon: '💳', label: 'ordersAdmin.timeline.payment' },
  message: { icon: '✉️', label: 'ordersAdmin.timeline.message' },
  stock: { icon: '🏷️', label: 'ordersAdmin.timeline.stock' },
};

export const ORDER_STATUSES = Object.keys(STATUS) as OrderStatus[];
export const CHANNELS = Object.keys(CHANNEL) as Channel[];
export const PAYMENT_STATES = Object.keys(PAYMENT) as PaymentState[];
export const statusLabel = (s: OrderStatus): MessageKey => STATUS[s];
export const channelLabel = (c: Channel): MessageKey => CHANNEL[c];
export const paymentStateLabel = (p: PaymentState): MessageKey => PAYMENT[p];
export const paymentMethodLabel = (m: PaymentMethod): MessageKey => METHOD[m];
/** The label of a method the list gives as a plain string; null for one this app does not know. */
export const paymentMethodLabelOf = (m: string): MessageKey | null =>
  Object.hasOwn(METHOD, m) ? METHOD[m as keyof typeof METHOD] : null;
export const paymentStatusLabel = (s: PaymentStatus): MessageKey => PAYMENT_STATUS[s];
