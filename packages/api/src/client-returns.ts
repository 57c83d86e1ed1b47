// The returns and drop-shipping area of the typed client: return requests, receiving and inspection,
// settings, supplier orders, and the shopper's request from the order-status page.
// Types only from the contract file, so browser bundles stay free of zod.
import { queryString, type Transport } from './client';
import type {
  CreateReturnRequestBody,
  ReceiveReturnBody,
  ReturnRequest,
  ReturnSettings,
  ReturnStatus,
  ShopReturnRequestBody,
  SupplierOrder,
  SupplierWebhook,
  SupplierWebhookSummary,
  UpdateReturnSettingsBody,
} from './returns';

export function createReturnsClient({ request }: Transport) {
  const enc = encodeURIComponent;
  return {
    /** GET /api/returns: newest first, optionally one status or order. */
    list: (q: { status?: ReturnStatus; orderId?: string } = {}) =>
      request<{ items: ReturnRequest[] }>('GET', `/api/returns${queryString({ ...q })}`),
    get: (id: string) => request<ReturnRequest>('GET', `/api/returns/${enc(id)}`),
    /** POST /api/returns: a request on the shopper's behalf; 409 naming the field when not returnable. */
    create: (body: CreateReturnRequestBody) => request<ReturnRequest>('POST', '/api/returns', body),
    /** POST /api/returns/:id/receive: the parcel received and inspected; refunds the accepted units once. */
    receive: (id: string, body: ReceiveReturnBody) =>
      request<ReturnRequest>('POST', `/api/returns/${enc(id)}/receive`, body),
    settings: () => request<ReturnSettings>('GET', '/api/returns/settings'),
    saveSettings: (body: UpdateReturnSettingsBody) =>
      request<ReturnSettings>('PUT', '/api/returns/settings', body),
    /** GET /api/dropship/supplier-orders: drop-ship orders sent to suppliers, newest first. */
    supplierOrders: () => request<{ items: SupplierOrder[] }>('GET', '/api/dropship/supplier-orders'),
    /** GET /api/dropship/supplier-webhooks: the suppliers that get their orders by webhook. */
    supplierWebhooks: () =>
      request<{ items: SupplierWebhookSummary[] }>('GET', '/api/dropship/supplier-webhooks'),
    /** PUT …/suppliers/:id/webhook: sets the URL with a new secret (shown this once); again to rotate. */
    setSupplierWebhook: (supplierId: string, url: string) =>
      request<SupplierWebhook>('PUT', `/api/dropship/suppliers/${enc(supplierId)}/webhook`, { url }),
    /** DELETE …/suppliers/:id/webhook: back to mail only. */
    clearSupplierWebhook: (supplierId: string) =>
      request<void>('DELETE', `/api/dropship/suppliers/${enc(supplierId)}/webhook`),
    /** The shopper's requests of an order, by its status token. */
    ofOrder: (token: string) =>
      request<{ items: ReturnRequest[] }>('GET', `/api/orders/status/${enc(token)}/returns`),
    /** POST …/returns from the order-status page: an RMA number and instructions. */
    requestFromShop: (token: string, body: ShopReturnRequestBody) =>
      request<ReturnRequest>('POST', `/api/orders/status/${enc(token)}/returns`, body),
  };
}
