// The web shop's calls: pickup slots, shipping, checkout, the order-status page and shopper
// accounts. Types only from the contract files, so the shop's bundle carries no zod.
import type { Transport } from './client';
import { queryString } from './client';
import type {
  CheckoutBody,
  CheckoutResult,
  CustomerAccount,
  CustomerSignInBody,
  CustomerSignUpBody,
  Order,
  ReorderResult,
  ShippingMethod,
} from './orders';
import type { PayDifferenceBody, PayDifferenceResult } from './orders-admin';
import type { PickupSlotDay } from './pickup';
import type { ShopperShipments } from './shipping';

const enc = encodeURIComponent;

export function createShopClient({ request, url }: Transport) {
  return {
    /** GET /api/stores/:storeId/pickup-slots: free pickup times on a date (default: the first open day). */
    pickupSlots: (storeId: string, q: { date?: string; items?: number } = {}) =>
      request<PickupSlotDay>('GET', `/api/stores/${enc(storeId)}/pickup-slots${queryString(q)}`),
    /** GET /api/shipping-methods: home-delivery options with prices. */
    shippingMethods: () => request<{ items: ShippingMethod[] }>('GET', '/api/shipping-methods'),
    /** POST /api/payments/test/card-tokens: the test provider's "card fields" (a real provider's run in its own iframe). */
    testCardToken: (card: { number: string; expiry: string; cvc: string }) =>
      request<{ token: string }>('POST', '/api/payments/test/card-tokens', card),
    /** POST /api/checkout: places the order (201), or returns the same order again for a repeated checkoutId (200). */
    checkout: (body: CheckoutBody) => request<CheckoutResult>('POST', '/api/checkout', body),
    /** GET /api/orders/status/:token: the order-status page's data, no sign-in needed. */
    orderStatus: (token: string) => request<Order>('GET', `/api/orders/status/${enc(token)}`),
    /** GET /api/orders/status/:token/shipments: the order's parcels with tracking links. */
    orderShipments: (token: string) =>
      request<ShopperShipments>('GET', `/api/orders/status/${enc(token)}/shipments`),
    /** POST /api/orders/status/:token/payments: pay the difference after an edit (idempotent on paymentId). */
    payDifference: (token: string, body: PayDifferenceBody) =>
      request<PayDifferenceResult>('POST', `/api/orders/status/${enc(token)}/payments`, body),
    /** The pickup QR code as SVG, for an <img>. */
    pickupQrUrl: (token: string) => url(`/api/orders/status/${enc(token)}/qr.svg`),
    /** POST /api/account/sign-up: creates a shopper account and signs in. */
    signUp: (body: CustomerSignUpBody) => request<CustomerAccount>('POST', '/api/account/sign-up', body),
    /** POST /api/account/sign-in */
    signIn: (body: CustomerSignInBody) => request<CustomerAccount>('POST', '/api/account/sign-in', body),
    /** POST /api/account/sign-out */
    signOut: () => request<void>('POST', '/api/account/sign-out'),
    /** GET /api/account: the signed-in shopper; 401 when none. */
    account: () => request<CustomerAccount>('GET', '/api/account'),
    /** GET /api/account/orders: the shopper's orders, newest first. */
    accountOrders: () => request<{ items: Order[] }>('GET', '/api/account/orders'),
    /** POST /api/account/orders/:id/reorder: the lines to put in the cart again. */
    reorder: (orderId: string) =>
      request<ReorderResult>('POST', `/api/account/orders/${enc(orderId)}/reorder`),
  };
}
