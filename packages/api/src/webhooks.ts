// Webhooks: integrators subscribe URLs to event types; each delivery is signed per the Standard
// Webhooks spec (headers webhook-id, webhook-timestamp, webhook-signature; secret "whsec_…"),
// retried with exponential back-off, logged, and can be redelivered from the back office.
import { z } from 'zod';

/** The event families a subscription may name, as "family.*" or an exact event type. */
export const WEBHOOK_FAMILIES = ['order', 'stock', 'product', 'sale', 'payment'] as const;

/** "order.*" or an exact type such as "order.ready" (checked against EVENT_TYPES on the server). */
export const WebhookEventPattern = z
  .string()
  .regex(
    /^(order|stock|product|sale|payment)\.(\*|[a-z_]+)$/,
    'A family with .* or an event type, e.g. order.*',
  );

export const CreateWebhookBody = z
  .strictObject({
    url: z.url({ protocol: /^https?$/ }).max(500),
    eventTypes: z.array(WebhookEventPattern).min(1).max(50),
    description: z.string().trim().max(200).default(''),
  })
  .meta({ id: 'CreateWebhookBody' });
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    eventTypes: z.array(WebhookEventPattern).min(1).max(50).optional(),
    description: z.string().trim().max(200).optional(),
    isActive: z.boolean().optional(),
  })
  .meta({ id: 'UpdateWebhookBody' });
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBody>;

export const WebhookSubscription = z
  .object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    description: z.string(),
    isActive: z.boolean(),
    /** Deliveries waiting or retrying, and failed for good. */
    pending: z.number().int(),
    failed: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookSubscription' });
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

/** Returned on create and on rotating the secret: the only time the secret is shown. */
export const WebhookWithSecret = WebhookSubscription.extend({ secret: z.string() }).meta({
  id: 'WebhookWithSecret',
});
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'retrying', 'failed'] as const;
export const WebhookDeliveryStatus = z.enum(WEBHOOK_DELIVERY_STATUSES);

/** One event to one subscription, with every attempt. */
export const WebhookDelivery = z
  .object({
    id: z.string(),
    /** The webhook-id header: the same on every attempt and redelivery, so receivers can dedupe. */
    messageId: z.string(),
    subscriptionId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: WebhookDeliveryStatus,
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookAttempt = z.object({
  at: z.string(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  /** The first 2,000 characters of the receiver's answer. */
  responseBody: z.string().nullable(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

export const WebhookDeliveryDetail = WebhookDelivery.extend({
  payload: z.unknown(),
  attemptLog: z.array(WebhookAttempt),
}).meta({ id: 'WebhookDeliveryDetail' });
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetail>;

export const WebhookDeliveriesQuery = z.strictObject({
  status: WebhookDeliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type WebhookDeliveriesQuery = z.infer<typeof WebhookDeliveriesQuery>;
