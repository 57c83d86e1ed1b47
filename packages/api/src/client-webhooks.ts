// The webhooks area of the typed client: subscriptions, the delivery log and redelivery.
// Types only from the contract file, so browser bundles stay free of zod.
import { queryString, type Transport } from './client';
import type {
  CreateWebhookBody,
  UpdateWebhookBody,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookSubscription,
  WebhookWithSecret,
} from './webhooks';

/** Query of `deliveries`: newest event first; pass `nextCursor` back as `cursor` for the next page. */
export interface WebhookDeliveriesParams {
  status?: WebhookDelivery['status'];
  limit?: number;
  cursor?: string;
}

export function createWebhooksClient({ request }: Transport) {
  const enc = encodeURIComponent;
  return {
    /** GET /api/webhooks: every subscription with its open and failed delivery counts. */
    list: () => request<{ items: WebhookSubscription[] }>('GET', '/api/webhooks'),
    get: (id: string) => request<WebhookSubscription>('GET', `/api/webhooks/${enc(id)}`),
    /** POST /api/webhooks: the answer holds the signing secret this once. */
    create: (body: Partial<CreateWebhookBody> & Pick<CreateWebhookBody, 'url' | 'eventTypes'>) =>
      request<WebhookWithSecret>('POST', '/api/webhooks', body),
    update: (id: string, body: UpdateWebhookBody) =>
      request<WebhookSubscription>('PATCH', `/api/webhooks/${enc(id)}`, body),
    remove: (id: string) => request<void>('DELETE', `/api/webhooks/${enc(id)}`),
    /** POST /api/webhooks/:id/rotate-secret: a new secret, in this answer only. */
    rotateSecret: (id: string) =>
      request<WebhookWithSecret>('POST', `/api/webhooks/${enc(id)}/rotate-secret`),
    deliveries: (id: string, q: WebhookDeliveriesParams = {}) =>
      request<{ items: WebhookDelivery[]; nextCursor: string | null }>(
        'GET',
        `/api/webhooks/${enc(id)}/deliveries${queryString({ ...q })}`,
      ),
    delivery: (deliveryId: string) =>
      request<WebhookDeliveryDetail>('GET', `/api/webhooks/deliveries/${enc(deliveryId)}`),
    /** POST …/redeliver: queued again now with the same webhook-id. */
    redeliver: (deliveryId: string) =>
      request<WebhookDeliveryDetail>('POST', `/api/webhooks/deliveries/${enc(deliveryId)}/redeliver`),
  };
}
