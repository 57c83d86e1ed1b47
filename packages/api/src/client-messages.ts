// The messages area of the typed client: the back office's view of mail and SMS and the
// development outbox. Types only from the contract files, so browser bundles stay free of zod.
import { queryString, type Transport } from './client';
import type { MessageChannel, MessageDetail, MessageStatus, MessageSummary } from './messages';

/** Query of `list`: newest first; pass `nextCursor` back as `cursor` for the next page. */
export interface MessageListParams {
  channel?: MessageChannel;
  status?: MessageStatus;
  orderId?: string;
  limit?: number;
  cursor?: string;
}

export function createMessagesClient({ request }: Transport) {
  return {
    /** GET /api/messages: queued, sent, failed and development-outbox messages (managers, owners). */
    list: (q: MessageListParams = {}) =>
      request<{ items: MessageSummary[]; nextCursor: string | null }>(
        'GET',
        `/api/messages${queryString({ ...q })}`,
      ),
    /** GET /api/messages/:id: the rendered subject, text and HTML, with the QR code as a data URL. */
    get: (id: string) => request<MessageDetail>('GET', `/api/messages/${encodeURIComponent(id)}`),
  };
}
