// Warehouse (3PL) connector: the HTTP + JSON protocol between Handla and a third-party warehouse.
// Handla owns stock, prices and orders; the 3PL receives orders and expected deliveries and
// reports back. Every message carries a `messageId` unique per connector (we apply each once) and
// order messages a per-order `sequence` starting at 1 (we apply them in that order, holding a
// message that arrives before its predecessor). See docs/connectors.md.
import { z } from 'zod';

const Id = z.string().trim().min(1).max(100);
const SkuCode = z.string().trim().min(1).max(64);
const Quantity = z.number().int().min(1).max(1_000_000);
const Instant = z.iso.datetime({ offset: true });

// ---------------------------------------------------------------------------------------------
// Outbound: Handla → 3PL. POSTed as JSON to the connector's base URL, signed per Standard Webhooks
// (webhook-id = messageId, webhook-timestamp, webhook-signature) with the connector's secret.
// ---------------------------------------------------------------------------------------------

export const WmsAddress = z.object({
  name: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string().length(2),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

/** `POST {baseUrl}/orders`: an order for the 3PL's location to pick, pack and ship. */
export const WmsOrderOut = z
  .object({
    messageId: z.string(),
    type: z.literal('order.created'),
    orderId: z.string(),
    orderNumber: z.number().int(),
    lines: z.array(
      z.object({ orderLineId: z.string(), sku: z.string(), name: z.string(), quantity: z.number().int() }),
    ),
    shipTo: WmsAddress,
    /** The shipping method's carrier and service code, as a transport-booking service expects them. */
    carrier: z.object({ carrierCode: z.string(), serviceCode: z.string() }),
    sentAt: z.string(),
  })
  .meta({ id: 'WmsOrderOut' });
export type WmsOrderOut = z.infer<typeof WmsOrderOut>;

/** `POST {baseUrl}/orders/{orderId}/cancel`: stop work on an order (cancelled in Handla). */
export const WmsOrderCancelOut = z
  .object({ messageId: z.string(), type: z.literal('order.cancel'), orderId: z.string(), sentAt: z.string() })
  .meta({ id: 'WmsOrderCancelOut' });
export type WmsOrderCancelOut = z.infer<typeof WmsOrderCancelOut>;

/** `POST {baseUrl}/expected-deliveries`: a purchase order the 3PL will receive. */
export const WmsExpectedDeliveryOut = z
  .object({
    messageId: z.string(),
    type: z.literal('delivery.expected'),
    purchaseOrderId: z.string(),
    purchaseOrderNumber: z.string(),
    expectedAt: z.string().nullable(),
    lines: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
    sentAt: z.string(),
  })
  .meta({ id: 'WmsExpectedDeliveryOut' });
export type WmsExpectedDeliveryOut = z.infer<typeof WmsExpectedDeliveryOut>;

/**
 * `POST {baseUrl}/orders/{orderId}/update`: the order's lines were edited in Handla after it was
 * sent. `lines` are the order's whole current lines (they replace the ones the 3PL has); `version`
 * counts 2, 3 … per order (`order.created` being 1), so a 3PL applies only a newer one. A 3PL that
 * has started picking answers 409: Handla files a dead letter instead of retrying.
 */
export const WmsOrderUpdateOut = z
  .object({
    messageId: z.string(),
    type: z.literal('order.updated'),
    orderId: z.string(),
    orderNumber: z.number().int(),
    version: z.number().int().min(2),
    lines: WmsOrderOut.shape.lines,
    sentAt: z.string(),
  })
  .meta({ id: 'WmsOrderUpdateOut' });
export type WmsOrderUpdateOut = z.infer<typeof WmsOrderUpdateOut>;

/**
 * `POST {baseUrl}/expected-deliveries/{purchaseOrderId}/update`: the purchase order's lines or
 * expected date changed; the whole current lines, `version` 2, 3 … (`delivery.expected` being 1).
 */
export const WmsExpectedDeliveryUpdateOut = z
  .object({
    messageId: z.string(),
    type: z.literal('delivery.updated'),
    purchaseOrderId: z.string(),
    purchaseOrderNumber: z.string(),
    version: z.number().int().min(2),
    expectedAt: z.string().nullable(),
    lines: WmsExpectedDeliveryOut.shape.lines,
    sentAt: z.string(),
  })
  .meta({ id: 'WmsExpectedDeliveryUpdateOut' });
export type WmsExpectedDeliveryUpdateOut = z.infer<typeof WmsExpectedDeliveryUpdateOut>;

/** `POST {baseUrl}/expected-deliveries/{purchaseOrderId}/cancel`: the rest of it will not come (closed in Handla). */
export const WmsExpectedDeliveryCancelOut = z
  .object({
    messageId: z.string(),
    type: z.literal('delivery.cancel'),
    purchaseOrderId: z.string(),
    sentAt: z.string(),
  })
  .meta({ id: 'WmsExpectedDeliveryCancelOut' });
export type WmsExpectedDeliveryCancelOut = z.infer<typeof WmsExpectedDeliveryCancelOut>;

// ---------------------------------------------------------------------------------------------
// Inbound: 3PL → Handla. `POST /api/connectors/{connectorId}/messages` with one message or
// `{ messages: [...] }`, signed per Standard Webhooks with the connector's secret.
// ---------------------------------------------------------------------------------------------

const OrderMessageBase = {
  messageId: Id,
  /** Our order id as sent in `order.created`. */
  orderId: Id,
  /** 1, 2, 3 … per order, in the order the 3PL produced them. */
  sequence: z.number().int().min(1),
  occurredAt: Instant,
};

export const WmsInboundMessage = z
  .discriminatedUnion('type', [
    z.strictObject({ ...OrderMessageBase, type: z.literal('order.received') }),
    /** Picking started: the order is locked against edits. */
    z.strictObject({ ...OrderMessageBase, type: z.literal('order.picking') }),
    /** A parcel left: per-line quantities (→ a shipment and a capture of exactly those lines). */
    z.strictObject({
      ...OrderMessageBase,
      type: z.literal('order.shipped'),
      trackingNumber: z.string().trim().min(1).max(64),
      carrierCode: z.string().trim().min(1).max(40).optional(),
      lines: z.array(z.strictObject({ sku: SkuCode, quantity: Quantity })).min(1),
    }),
    /** The 3PL cannot ship the rest (or the whole order). */
    z.strictObject({
      ...OrderMessageBase,
      type: z.literal('order.cancelled'),
      reason: z.string().trim().max(500).optional(),
    }),
    /** A returned parcel received at the 3PL: an inbound delivery; `resellable` goes back to stock. */
    z.strictObject({
      ...OrderMessageBase,
      type: z.literal('return.received'),
      lines: z
        .array(
          z.strictObject({
            sku: SkuCode,
            quantity: Quantity,
            condition: z.enum(['resellable', 'damaged']),
          }),
        )
        .min(1),
    }),
    /** Counted stock at the 3PL; differences become ledger adjustments with the reason "3PL count". */
    z.strictObject({
      messageId: Id,
      type: z.literal('stock.snapshot'),
      occurredAt: Instant,
      items: z.array(z.strictObject({ sku: SkuCode, quantity: z.number().int().min(0) })).max(100_000),
    }),
    /** A purchase order received; quantities differing from the expected ones are deviations. */
    z.strictObject({
      messageId: Id,
      type: z.literal('delivery.received'),
      occurredAt: Instant,
      purchaseOrderId: Id,
      lines: z.array(z.strictObject({ sku: SkuCode, quantity: z.number().int().min(0) })).min(1),
    }),
  ])
  .meta({ id: 'WmsInboundMessage' });
export type WmsInboundMessage = z.infer<typeof WmsInboundMessage>;

export const WmsInboundBody = z.union([
  WmsInboundMessage,
  z.strictObject({ messages: z.array(WmsInboundMessage).min(1).max(1000) }),
]);
export type WmsInboundBody = z.infer<typeof WmsInboundBody>;

/** What happened to each message of a POST: applied now, already seen, held for an earlier one, or dead-lettered. */
export const WmsInboundOutcome = z.enum(['applied', 'duplicate', 'held', 'dead_lettered']);
export const WmsInboundResult = z
  .object({ results: z.array(z.object({ messageId: z.string(), outcome: WmsInboundOutcome })) })
  .meta({ id: 'WmsInboundResult' });
export type WmsInboundResult = z.infer<typeof WmsInboundResult>;

// ---------------------------------------------------------------------------------------------
// Admin API: connectors, their message log and the dead-letter list (managers).
// ---------------------------------------------------------------------------------------------

export const CONNECTOR_KINDS = ['3pl', 'erp'] as const;

export const CreateConnectorBody = z
  .strictObject({
    kind: z.literal('3pl').default('3pl'),
    /** A `third_party` location: the 3PL's warehouse. */
    locationId: Id,
    /** Where we POST `/orders`, `/orders/{id}/cancel` and `/expected-deliveries`. */
    baseUrl: z.url({ protocol: /^https?$/ }).max(500),
    name: z.string().trim().min(1).max(100).optional(),
    /** Home-delivery orders from the web shop are fulfilled at this connector's location. */
    isHomeDelivery: z.boolean().default(false),
  })
  .meta({ id: 'CreateConnectorBody' });
export type CreateConnectorBody = z.infer<typeof CreateConnectorBody>;

export const UpdateConnectorBody = z
  .strictObject({
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    isEnabled: z.boolean().optional(),
    isHomeDelivery: z.boolean().optional(),
  })
  .meta({ id: 'UpdateConnectorBody' });
export type UpdateConnectorBody = z.infer<typeof UpdateConnectorBody>;

/** A connector as the back office lists it (never with its secret). */
export const Connector = z
  .object({
    id: z.string(),
    kind: z.enum(CONNECTOR_KINDS),
    name: z.string(),
    locationId: z.string().nullable(),
    baseUrl: z.string(),
    isEnabled: z.boolean(),
    isHomeDelivery: z.boolean(),
    /** Outbound messages waiting or retrying, and open dead letters. */
    pending: z.number().int(),
    deadLetters: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Connector' });
export type Connector = z.infer<typeof Connector>;

/** Returned on create only: the signing secret, shown this once. */
export const ConnectorWithSecret = Connector.extend({ secret: z.string() }).meta({
  id: 'ConnectorWithSecret',
});
export type ConnectorWithSecret = z.infer<typeof ConnectorWithSecret>;

export const CONNECTOR_MESSAGE_STATUSES = [
  'pending',
  'sending',
  'retrying',
  'sent',
  'dead',
  'applying',
  'held',
  'applied',
  'dead_lettered',
] as const;

/** One message in the log: outbound (pending → sent | dead) or inbound (applied | held | dead_lettered). */
export const ConnectorMessage = z
  .object({
    connectorId: z.string(),
    direction: z.enum(['out', 'in']),
    messageId: z.string(),
    type: z.string(),
    orderId: z.string().nullable(),
    sequence: z.number().int().nullable(),
    status: z.enum(CONNECTOR_MESSAGE_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    doneAt: z.string().nullable(),
  })
  .meta({ id: 'ConnectorMessage' });
export type ConnectorMessage = z.infer<typeof ConnectorMessage>;

export const ConnectorMessagesQuery = z.strictObject({
  connectorId: Id.optional(),
  orderId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ConnectorMessagesQuery = z.infer<typeof ConnectorMessagesQuery>;

/** `POST /api/connectors/:id/backfill`: how many open orders were queued for the 3PL now. */
export const ConnectorBackfillResult = z
  .object({ queued: z.number().int() })
  .meta({ id: 'ConnectorBackfillResult' });
export type ConnectorBackfillResult = z.infer<typeof ConnectorBackfillResult>;

export const DEAD_LETTER_STATUSES = ['open', 'resolved', 'dismissed'] as const;

/** Something an integration could not apply or deliver: what, why (the field), and its fate. */
export const DeadLetter = z
  .object({
    id: z.string(),
    /** The retry handler: `wms.inbound`, `wms.outbound`, or an ERP's kinds. */
    kind: z.string(),
    connectorId: z.string().nullable(),
    /** The message id (or other reference) a retry works on. */
    reference: z.string(),
    orderId: z.string().nullable(),
    field: z.string().nullable(),
    reason: z.string(),
    payload: z.unknown(),
    status: z.enum(DEAD_LETTER_STATUSES),
    retries: z.number().int(),
    createdAt: z.string(),
    lastRetriedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    dismissReason: z.string().nullable(),
  })
  .meta({ id: 'DeadLetter' });
export type DeadLetter = z.infer<typeof DeadLetter>;

export const DeadLettersQuery = z.strictObject({
  status: z.enum(DEAD_LETTER_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type DeadLettersQuery = z.infer<typeof DeadLettersQuery>;

export const DismissDeadLetterBody = z
  .strictObject({ reason: z.string().trim().min(1).max(500) })
  .meta({ id: 'DismissDeadLetterBody' });
export type DismissDeadLetterBody = z.infer<typeof DismissDeadLetterBody>;
