// STUB (skeleton) — the notifications helper implements it. Other modules queue a message in their
// own transaction; a job sends it (SMTP or the development outbox; SMS provider or its outbox).
import type { Order } from '@handla/api';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';

export type MessageTemplate =
  | 'order_confirmation'
  | 'order_ready'
  | 'pickup_reminder'
  | 'order_cancelled'
  | 'order_shipped';

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
}

export async function queueMessage(_tx: Queryable, _ctx: AppContext, _message: QueuedMessage): Promise<void> {
  throw new Error('not implemented');
}

/** Cancels unsent messages whose dedupe key starts with `prefix` (e.g. a reminder of a cancelled order). */
export async function cancelQueuedMessages(_tx: Queryable, _prefix: string): Promise<number> {
  throw new Error('not implemented');
}
