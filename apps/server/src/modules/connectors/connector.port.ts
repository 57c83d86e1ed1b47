// The warehouse connector port: what Handla needs from any warehouse (3PL / WMS) integration, so a
// second adapter (another WMS's API, a file drop) can be written beside the HTTP + JSON one.
//
// Outbound, an adapter delivers commands, each carrying a `messageId` the warehouse must
// deduplicate on (we send at least once): an order to pick, pack and ship, its new lines, its
// cancel; an expected delivery (a purchase order arriving), its new lines, its cancel. It answers with an outcome and never throws; the sender
// job retries with back-off and, after too many failures, files a dead letter.
//
// Inbound, an adapter turns what the warehouse reports into `WmsInboundMessage`s and hands them
// to `acceptWmsMessages` (wms-inbound.ts), which applies each message id once and each order's
// messages in `sequence` order. How the adapter authenticates its partner is its own business
// (the HTTP adapter: Standard Webhooks signatures with the connector's secret).
import type {
  WmsExpectedDeliveryCancelOut,
  WmsExpectedDeliveryOut,
  WmsExpectedDeliveryUpdateOut,
  WmsOrderCancelOut,
  WmsOrderOut,
  WmsOrderUpdateOut,
} from '@handla/api';
import { type SendOutcome, sendSignedJson } from './http-sender';

/** A command for the warehouse. */
export type WmsOutbound =
  | WmsOrderOut
  | WmsOrderUpdateOut
  | WmsOrderCancelOut
  | WmsExpectedDeliveryOut
  | WmsExpectedDeliveryUpdateOut
  | WmsExpectedDeliveryCancelOut;

/** What a warehouse adapter must do for the outbound side. */
export interface WarehouseConnector {
  /** Delivers one command; an outcome, never a throw. The warehouse dedupes on `messageId`. */
  send(message: WmsOutbound, at: Date): Promise<SendOutcome>;
}

/** The path of a command under the connector's base URL. */
export function wmsPathOf(message: WmsOutbound): string {
  switch (message.type) {
    case 'order.created':
      return '/orders';
    case 'order.updated':
      return `/orders/${encodeURIComponent(message.orderId)}/update`;
    case 'order.cancel':
      return `/orders/${encodeURIComponent(message.orderId)}/cancel`;
    case 'delivery.expected':
      return '/expected-deliveries';
    case 'delivery.updated':
      return `/expected-deliveries/${encodeURIComponent(message.purchaseOrderId)}/update`;
    case 'delivery.cancel':
      return `/expected-deliveries/${encodeURIComponent(message.purchaseOrderId)}/cancel`;
  }
}

/** The reference adapter: JSON POSTs to `{baseUrl}{path}`, signed per Standard Webhooks. */
export function httpWarehouse(config: { baseUrl: string; secret: string }): WarehouseConnector {
  const base = config.baseUrl.replace(/\/+$/, '');
  return {
    send: (message, at) =>
      sendSignedJson({
        url: `${base}${wmsPathOf(message)}`,
        secret: config.secret,
        messageId: message.messageId,
        body: message,
        at,
      }),
  };
}
