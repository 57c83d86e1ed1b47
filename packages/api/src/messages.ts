// Mail and SMS to shoppers as the back office sees them: the queue, what was sent, and the
// development outbox (where mail lands when no SMTP_URL is configured).
import { z } from 'zod';
import { PageQuery } from './common';

/** How a message reaches the shopper. */
export const MessageChannel = z.enum(['email', 'sms']);
export type MessageChannel = z.infer<typeof MessageChannel>;

/**
 * Where a message is: `queued` (waiting for its `sendAfter` or a retry), `sending` (claimed by a
 * server process), `sent`, `failed` (gave up after the last retry), `cancelled` (e.g. the reminder
 * of a cancelled order), `dev_outbox` (rendered and kept here: no mail server or SMS provider set).
 */
export const MessageStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'cancelled', 'dev_outbox']);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** The kinds of message Handla sends about an order. */
export const MessageTemplateName = z.enum([
  'order_confirmation',
  'order_ready',
  'pickup_reminder',
  'order_cancelled',
  'order_shipped',
  'order_changed',
  'return_requested',
  'return_refunded',
  'supplier_order',
  'invoice_issued',
  'invoice_reminder',
]);
export type MessageTemplateName = z.infer<typeof MessageTemplateName>;

/** Query of `GET /api/messages`: newest first, optionally one channel, status or order. */
export const MessageListQuery = PageQuery.extend({
  channel: MessageChannel.optional(),
  status: MessageStatus.optional(),
  orderId: z.string().min(1).max(64).optional(),
});
export type MessageListQuery = z.infer<typeof MessageListQuery>;

/** One message in the list. `subject` is null for SMS and for mail not rendered yet. */
export const MessageSummary = z
  .object({
    id: z.string(),
    channel: MessageChannel,
    to: z.string(),
    template: MessageTemplateName,
    locale: z.enum(['sv', 'en']),
    orderId: z.string().nullable(),
    orderNumber: z.string().nullable(),
    status: MessageStatus,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    subject: z.string().nullable(),
    sendAfter: z.string(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'MessageSummary' });
export type MessageSummary = z.infer<typeof MessageSummary>;

/** An image the HTML refers to as `cid:<cid>` (the pickup QR code), as a data URL for previews. */
export const InlineImage = z.object({ cid: z.string(), contentType: z.string(), dataUrl: z.string() });
export type InlineImage = z.infer<typeof InlineImage>;

/**
 * One message as the shopper gets it: the subject, plain text and HTML that went out (SMS: `text`
 * only). `isPreview` is true while the message has not been rendered for sending yet; the content
 * is then rendered now from the same template and order snapshot.
 */
export const MessageDetail = MessageSummary.extend({
  text: z.string(),
  html: z.string().nullable(),
  inlineImages: z.array(InlineImage),
  providerMessageId: z.string().nullable(),
  isPreview: z.boolean(),
}).meta({ id: 'MessageDetail' });
export type MessageDetail = z.infer<typeof MessageDetail>;
