// Other modules queue a message in their own transaction (nothing leaves before commit); the
// `notifications.send` job sends it afterwards (SMTP or the development outbox; SMS port).
import type { Order } from '@handla/api';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { cancelQueued, insertMessage } from './notifications.store';

export type MessageTemplate =
  | 'order_confirmation'
  | 'order_ready'
  | 'pickup_reminder'
  | 'order_cancelled'
  | 'order_shipped'
  | 'order_changed'
  | 'return_requested'
  | 'return_refunded'
  | 'supplier_order'
  | 'invoice_issued'
  | 'invoice_reminder';

/** A parcel the "shipped" message is about: its tracking link and what is in it. */
export interface ShipmentNotice {
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
  lines: { name: string; quantity: number }[];
}

export interface QueuedMessage {
  channel: 'email' | 'sms';
  to: string;
  template: MessageTemplate;
  locale: 'sv' | 'en';
  /** The order as the shopper sees it, rendered into the template. */
  order: Order;
  /** Not before this instant (reminders); now when absent. */
  sendAfter?: Date;
  /** Unique per message, e.g. `order_confirmation:ord_1:email`: a repeat is ignored. */
  dedupeKey: string;
  /** The parcel of an `order_shipped` message (one message per shipment), stored with the order. */
  shipment?: ShipmentNotice;
}

/** Writes `message` to the queue inside `tx`; a repeated `dedupeKey` changes nothing. */
export async function queueMessage(tx: Queryable, ctx: AppContext, message: QueuedMessage): Promise<void> {
  if (message.to.trim() === '') throw new Error(`queueMessage: no recipient for ${message.dedupeKey}`);
  const now = ctx.clock();
  await insertMessage(tx, {
    id: ctx.newId('msg'),
    channel: message.channel,
    to: message.to.trim(),
    template: message.template,
    locale: message.locale,
    orderId: message.order.id,
    // The parcel rides along in the stored order snapshot (the renderer reads it with `shipmentOf`).
    payload: (message.shipment ? { ...message.order, shipment: message.shipment } : message.order) as Order,
    dedupeKey: message.dedupeKey,
    sendAfter: message.sendAfter ?? now,
    createdAt: now,
  });
}

/** Cancels unsent messages whose dedupe key starts with `prefix` (e.g. a reminder of a cancelled order). */
export async function cancelQueuedMessages(tx: Queryable, prefix: string): Promise<number> {
  return cancelQueued(tx, prefix);
}

/** A mail about something other than an order (an invoice): `payload` is what its template renders. */
export interface QueuedDocumentMail {
  to: string;
  template: 'invoice_issued' | 'invoice_reminder';
  locale: 'sv' | 'en';
  payload: Record<string, unknown>;
  dedupeKey: string;
  sendAfter?: Date;
}

/** Writes a document mail to the queue inside `tx`; a repeated `dedupeKey` changes nothing. */
export async function queueDocumentMail(
  tx: Queryable,
  ctx: AppContext,
  mail: QueuedDocumentMail,
): Promise<void> {
  const now = ctx.clock();
  await insertMessage(tx, {
    id: ctx.newId('msg'),
    channel: 'email',
    to: mail.to.trim(),
    template: mail.template,
    locale: mail.locale,
    orderId: null,
    // Rendered by its own template (invoices/invoices.mail.ts), never read as an order.
    payload: mail.payload as unknown as Order,
    dedupeKey: mail.dedupeKey,
    sendAfter: mail.sendAfter ?? now,
    createdAt: now,
  });
}
