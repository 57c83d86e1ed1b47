// The register's calls for the store's web orders: the pickup queue and working one order. Every
// action names the signed-in cashier; the device token authenticates the register.
import type {
  AcceptOrderResult,
  LineAvailability,
  Order,
  PickupQueue,
  QueueFilter,
  ShipLineHomeBody,
} from '@handla/api';
import { call } from '../device-api';

const enc = encodeURIComponent;

/** The path of the register's SSE stream of this store's order events. */
export function orderEventsPath(registerId: string): string {
  return `/api/registers/${enc(registerId)}/events`;
}

export function ordersApi(registerId: string, token: string, cashierId: string) {
  const base = `/api/registers/${enc(registerId)}`;
  const order = (orderId: string) => `${base}/pickup-orders/${enc(orderId)}`;
  const line = (orderId: string, lineId: string) => `${order(orderId)}/lines/${enc(lineId)}`;
  const post = <T>(path: string, body: Record<string, unknown> = {}) =>
    call<T>('POST', path, token, { cashierId, ...body });

  return {
    queue: (filter?: QueueFilter) =>
      call<PickupQueue>('GET', `${base}/pickup-queue${filter ? `?filter=${enc(filter)}` : ''}`, token),
    accept: (orderId: string) => post<AcceptOrderResult>(`${order(orderId)}/accept`),
    startPicking: (orderId: string) => post<Order>(`${order(orderId)}/picking`),
    markReady: (orderId: string) => post<Order>(`${order(orderId)}/ready`),
    pickLine: (orderId: string, lineId: string, quantity: number) =>
      post<Order>(`${line(orderId, lineId)}/pick`, { quantity }),
    substituteLine: (
      orderId: string,
      lineId: string,
      body: { skuId: string; quantity: number; note: string },
    ) => post<Order>(`${line(orderId, lineId)}/substitute`, body),
    removeLine: (orderId: string, lineId: string, note: string) =>
      post<Order>(`${line(orderId, lineId)}/remove`, { note }),
    shipLineHome: (orderId: string, lineId: string, body: Omit<ShipLineHomeBody, 'cashierId'>) =>
      post<Order>(`${line(orderId, lineId)}/ship-home`, body),
    lineAvailability: (orderId: string, lineId: string) =>
      call<LineAvailability>('GET', `${line(orderId, lineId)}/availability`, token),
  };
}

export type OrdersApi = ReturnType<typeof ordersApi>;
