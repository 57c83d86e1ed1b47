// Drives a running Handla server over real HTTP, as its clients do, for process-level tests and the
// bench: staff sign-in, a store opened for pickup around the clock with stock to sell, a paired
// register following the store's events, and pickup checkouts.
import type {
  CheckoutPayment,
  CheckoutResult,
  PairedDevice,
  PickupSettings,
  PickupSlotDay,
  Product,
  RegisterPairingCode,
  RegisterSummary,
  StockLocation,
  Store,
} from '@handla/api';
import { addLocalDays, exportPublicKeyJwk, generateDeviceKeyPair, toWallClock } from '@handla/core';
import { DEMO_CREDENTIALS } from '@handla/db';
import { followSse, type SseFollower, type SseMessage } from './sse';

/** A signed-in member of staff on one server. */
export interface StaffSession {
  baseUrl: string;
  cookie: string;
}

/** Signs the demo account of `role` in over HTTP. */
export async function signInOver(
  baseUrl: string,
  role: 'owner' | 'manager' | 'cashier',
): Promise<StaffSession> {
  const { email, password } = DEMO_CREDENTIALS.find((c) => c.role === role)!;
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${role}: ${response.status}`);
  return { baseUrl, cookie: response.headers.get('set-cookie')!.split(';')[0]! };
}

/** A JSON call as `session`; anything but 2xx throws with the server's answer. */
export async function callAs<T>(session: StaffSession, method: string, path: string, body?: unknown) {
  const response = await fetch(`${session.baseUrl}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A store ready to take many pickup orders, and one of its registers. */
export interface PickupShop {
  storeId: string;
  locationId: string;
  registerId: string;
  skus: { id: string; price: number }[];
  /** Tomorrow's slot starts, all without a capacity limit. */
  slots: string[];
}

/**
 * Opens the demo store `storeCode` for pickup every day around the clock with no capacity limit
 * and paying in the store allowed, and receives `units` of `skuCount` SKUs at its shop floor, so a
 * run of orders measures the order flow, not refusals.
 */
export async function openStoreForPickup(
  manager: StaffSession,
  options: { storeCode?: string; skuCount: number; units: number },
): Promise<PickupShop> {
  const storeCode = options.storeCode ?? 'STHLM';
  const { items: stores } = await callAs<{ items: Store[] }>(manager, 'GET', '/api/stores');
  const store = stores.find((s) => s.code === storeCode)!;
  const { items: locations } = await callAs<{ items: StockLocation[] }>(
    manager,
    'GET',
    `/api/locations?storeId=${store.id}`,
  );
  const location = locations.find((l) => l.kind === 'store') ?? locations[0]!;
  const { storeId: _, ...settings } = await callAs<PickupSettings>(
    manager,
    'GET',
    `/api/stores/${store.id}/pickup-settings`,
  );
  await callAs(manager, 'PUT', `/api/stores/${store.id}/pickup-settings`, {
    ...settings,
    enabled: true,
    leadTimeMinutes: 0,
    slotMinutes: 15,
    capacityOrders: null,
    capacityItems: null,
    payInStoreAllowed: true,
    exceptions: [],
    weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '23:45' })),
  });

  const { items: products } = await callAs<{ items: Product[] }>(manager, 'GET', '/api/products?limit=100');
  const skus = products
    .filter((p) => !p.isBundle)
    .flatMap((p) => p.skus.map((s) => ({ id: s.id, price: s.priceInclVat.amount })))
    .filter((s) => s.price > 0)
    .slice(0, options.skuCount);
  for (const sku of skus) {
    await callAs(manager, 'POST', '/api/stock/receipts', {
      skuId: sku.id,
      locationId: location.id,
      quantity: options.units,
      reason: 'Stock for a run of pickup orders',
    });
  }

  const tomorrow = addLocalDays(toWallClock(new Date(), store.timeZone).date, 1);
  const day = await callAs<PickupSlotDay>(
    manager,
    'GET',
    `/api/stores/${store.id}/pickup-slots?date=${tomorrow}`,
  );
  const { items: registers } = await callAs<{ items: RegisterSummary[] }>(manager, 'GET', '/api/registers');
  return {
    storeId: store.id,
    locationId: location.id,
    registerId: registers.find((r) => r.storeId === store.id)!.id,
    skus,
    slots: day.slots.map((s) => s.startsAt),
  };
}

/** Pairs a new device with the register, as the register app does; returns its device token. */
export async function pairRegisterOver(manager: StaffSession, registerId: string): Promise<string> {
  const { code } = await callAs<RegisterPairingCode>(
    manager,
    'POST',
    `/api/registers/${registerId}/pairings`,
  );
  const keys = await generateDeviceKeyPair();
  const publicKey = await exportPublicKeyJwk(keys.publicKey);
  const response = await fetch(`${manager.baseUrl}/api/devices/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, publicKey }),
  });
  if (response.status !== 201) throw new Error(`pairing: ${response.status} ${await response.text()}`);
  return ((await response.json()) as PairedDevice).deviceToken;
}

/**
 * Opens the register's live stream of its store's order events with the device token (resuming
 * after `lastEventId` when given) and calls `onMessage` for each; resolves once the stream is open.
 */
export async function followRegisterEvents(
  baseUrl: string,
  registerId: string,
  deviceToken: string,
  onMessage: (message: SseMessage) => void,
  lastEventId?: string,
): Promise<SseFollower> {
  const response = await fetch(`${baseUrl}/api/registers/${registerId}/events`, {
    headers: {
      authorization: `Device ${deviceToken}`,
      accept: 'text/event-stream',
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    },
  });
  if (response.status !== 200)
    throw new Error(`register events: ${response.status} ${await response.text()}`);
  return followSse(response, onMessage);
}

/** Places the `n`th pickup order of one unit at `shop` (paid in the store unless `payment` says). */
export async function placePickupOrder(
  baseUrl: string,
  shop: PickupShop,
  n: number,
  payment: CheckoutPayment = { method: 'in_store' },
): Promise<CheckoutResult> {
  const sku = shop.skus[n % shop.skus.length]!;
  const response = await fetch(`${baseUrl}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      checkoutId: `pickup_${process.pid}_${Date.now()}_${n}`,
      customer: { name: 'Hämta Kund', email: `hamta${n % 100}@example.se` },
      lines: [{ skuId: sku.id, quantity: 1, unitPrice: sku.price }],
      fulfilment: { kind: 'pickup', storeId: shop.storeId, slot: shop.slots[n % shop.slots.length]! },
      payment,
    }),
  });
  if (response.status !== 201) throw new Error(`checkout ${n}: ${response.status} ${await response.text()}`);
  return (await response.json()) as CheckoutResult;
}

/** The order an `order.*` event is about. */
export const orderIdOf = (message: SseMessage) => (message.data.data as { order?: { id: string } }).order?.id;
