// The shipping area of the typed client: an order as the warehouse sees it, shipments (each one
// captures its amount and books the carrier), cancelling the rest, and the latest shipments.
// Types only from the contract file, so browser bundles stay free of zod.
import type { Transport } from './client';
import type {
  CancelRestBody,
  CreateShipmentBody,
  RecentShipments,
  Shipment,
  ShippingOrder,
} from './shipping';

export function createShippingClient({ request }: Transport) {
  const enc = encodeURIComponent;
  return {
    /** GET /api/shipping/orders?number=: the order by its number (404 naming `number`). */
    findOrder: (number: string) =>
      request<ShippingOrder>('GET', `/api/shipping/orders?number=${enc(number)}`),
    order: (orderId: string) =>
      request<ShippingOrder>('GET', `/api/shipping/orders/${enc(orderId)}/shipments`),
    /** POST …/shipments: a repeat with the same `idempotencyKey` is the same shipment. */
    ship: (orderId: string, body: CreateShipmentBody) =>
      request<Shipment>('POST', `/api/shipping/orders/${enc(orderId)}/shipments`, body),
    cancelRest: (orderId: string, body: CancelRestBody) =>
      request<ShippingOrder>('POST', `/api/shipping/orders/${enc(orderId)}/cancel-rest`, body),
    recent: (limit = 20) => request<RecentShipments>('GET', `/api/shipping/shipments?limit=${limit}`),
  };
}
