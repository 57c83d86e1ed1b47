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
