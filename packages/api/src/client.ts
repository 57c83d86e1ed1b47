// The typed HTTP client the web apps use. Types only from the contract files, so a browser bundle
// that imports the client does not carry the zod schemas along.
import type { ApiKey, CreateApiKeyBody, CreatedApiKey } from './api-keys';
import type { LoginBody, Session, StaffUser } from './auth';
import { createCatalogClient } from './client-catalog';
import { createConnectorsClient } from './client-connectors';
import { createCrmClient } from './client-crm';
import { createErpClient } from './client-erp';
import { createFulfilmentClient } from './client-fulfilment';
import { createInvoicesClient } from './client-invoices';
import { createLoyaltyClient } from './client-loyalty';
import { createMessagesClient } from './client-messages';
import { createOrdersAdminClient } from './client-orders-admin';
import { createPickupClient } from './client-pickup';
import { createPromotionsClient } from './client-promotions';
import { createRegisterClient } from './client-register';
import { createRegisterAdminClient } from './client-register-admin';
import { createReturnsClient } from './client-returns';
import { createSalesReportsClient } from './client-sales-reports';
import { createShippingClient } from './client-shipping';
import { createShopClient } from './client-shop';
import { createShopsClient } from './client-shops';
import { createStockClient } from './client-stock';
import { createWebhooksClient } from './client-webhooks';
import type { Problem } from './common';
import type { Health } from './health';
import type { Product } from './products';
import type { Store } from './stores';

/** A non-2xx answer from the server, carrying its problem+json document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

/** Query of `listProducts`; `cursor` is the `nextCursor` of the previous page. */
export interface ProductListParams {
  q?: string;
  category?: string;
  limit?: number;
  cursor?: string;
}

/** One page of products and the cursor of the next, or null on the last page. */
export interface ProductPage {
  items: Product[];
  nextCursor: string | null;
}

/** What area clients (client-catalog.ts, client-stock.ts) build their methods on. */
export interface Transport {
  /** A JSON request; resolves with the typed answer (undefined for 204) or throws `ApiError`. */
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** POSTs a raw text body (e.g. a CSV file) and resolves with the JSON answer. */
  upload<T>(path: string, text: string, contentType: string): Promise<T>;
  /** The absolute URL of a path, for links such as CSV downloads. */
  url(path: string): string;
}

/** How to reach the server: same origin by default; `fetch` is injectable for tests. */
export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** Query parameters; empty and undefined values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/** `?a=1&b=2` from a query, or '' when it is empty. */
export function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isProblem(value: unknown): value is Problem {
  const v = value as Partial<Problem> | null;
  return typeof v === 'object' && v !== null && typeof v.code === 'string' && typeof v.title === 'string';
}

// Proxies and crashed servers answer with HTML or nothing; give those a problem shape too.
async function problemOf(response: Response): Promise<Problem> {
  const body: unknown = await response.json().catch(() => null);
  if (isProblem(body)) return { ...body, errors: Array.isArray(body.errors) ? body.errors : [] };
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: response.status >= 500 ? 'internal_error' : 'http_error',
    errors: [],
  };
}

/** Creates the client; every method resolves with the typed answer or throws `ApiError`. */
export function createApiClient(opts: ApiClientOptions = {}) {
  const baseUrl = (opts.baseUrl ?? '').replace(/\/$/, '');
  const fetchFn = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function send(method: string, path: string, body: string | undefined, contentType?: string) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    const response = await fetchFn(`${baseUrl}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body,
    });
    if (!response.ok) throw new ApiError(await problemOf(response));
    return response;
  }
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const json = body === undefined ? undefined : JSON.stringify(body);
    const response = await send(method, path, json, json === undefined ? undefined : 'application/json');
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  const transport: Transport = {
    request,
    async upload<T>(path: string, text: string, contentType: string) {
      return (await (await send('POST', path, text, contentType)).json()) as T;
    },
    url: (path: string) => `${baseUrl}${path}`,
  };

  return {
    /** Catalog, prices and CSV: see client-catalog.ts. */
    catalog: createCatalogClient(transport),
    /** Stock, transfers, counts, purchasing: see client-stock.ts. */
    stock: createStockClient(transport),
    /** The web shop: pickup slots, checkout, order status, shopper accounts: see client-shop.ts. */
    shop: createShopClient(transport),
    /** Pickup times per store (back office): see client-pickup.ts. */
    pickup: createPickupClient(transport),
    /** The register: pairing, device calls, receipts, journal: see client-register.ts. */
    register: createRegisterClient(transport, opts),
    /** The back office's register list, office printing, reports and SAF-T: see client-register-admin.ts. */
    registerAdmin: createRegisterAdminClient(transport),
    /** Mail and SMS to shoppers and the development outbox: see client-messages.ts. */
    messages: createMessagesClient(transport),
    /** Webhook subscriptions, the delivery log and redelivery: see client-webhooks.ts. */
    webhooks: createWebhooksClient(transport),
    /** 3PL connectors, their message log and the dead-letter list: see client-connectors.ts. */
    connectors: createConnectorsClient(transport),
    /** The ERP connection, its messages and the ERP's numbers: see client-erp.ts. */
    erp: createErpClient(transport),
    /** Release, pick lists and packing (fulfilment). */
    fulfilment: createFulfilmentClient(transport),
    /** The back office's orders: list, detail, timeline, line edits. */
    ordersAdmin: createOrdersAdminClient(transport),
    /** Sales reports, payment mix, click & collect and their CSV links: see client-sales-reports.ts. */
    reports: createSalesReportsClient(transport),
    /** Returns, their inspection and refunds; drop-ship supplier orders: see client-returns.ts. */
    returns: createReturnsClient(transport),
    /** Customers (CRM): register, matching, merge, history, export and erasure: see client-crm.ts. */
    crm: createCrmClient(transport),
    /** Promotion rules, coupon codes and basket pricing: see client-promotions.ts. */
    promotions: createPromotionsClient(transport),
    /** Loyalty: the shopper's member card, settings and members: see client-loyalty.ts. */
    loyalty: createLoyaltyClient(transport),
    /** Shipments per line and quantity, labels, cancelling the rest: see client-shipping.ts. */
    shipping: createShippingClient(transport),
    /** Invoices, their payments (by hand or a BgMax file) and settings: see client-invoices.ts. */
    invoices: createInvoicesClient(transport),
    /** The shop of this host name and shop management (several shops): see client-shops.ts. */
    shops: createShopsClient(transport),
    /** GET /api/health: the server and its database are up. */
    health: () => request<Health>('GET', '/api/health'),
    /** POST /api/auth/login: signs staff in and sets the session cookie. */
    login: (body: LoginBody) => request<Session>('POST', '/api/auth/login', body),
    /** POST /api/auth/logout: ends the session. */
    logout: () => request<void>('POST', '/api/auth/logout'),
    /** GET /api/auth/me: the signed-in staff member; 401 `unauthenticated` when none. */
    me: () => request<Session>('GET', '/api/auth/me'),
    /** GET /api/products: one page of active products. */
    listProducts: (q: ProductListParams = {}) =>
      request<ProductPage>('GET', `/api/products${queryString({ ...q })}`),
    /** GET /api/stores: the physical stores with opening hours. */
    listStores: () => request<{ items: Store[] }>('GET', '/api/stores'),
    /** GET /api/staff: staff members (managers and owners only). */
    listStaff: () => request<{ items: StaffUser[] }>('GET', '/api/staff'),
    /** GET /api/api-keys: every API key, revoked ones included. */
    listApiKeys: () => request<{ items: ApiKey[] }>('GET', '/api/api-keys'),
    /** POST /api/api-keys: creates a key; the answer holds its secret this once. */
    createApiKey: (body: CreateApiKeyBody) => request<CreatedApiKey>('POST', '/api/api-keys', body),
    /** DELETE /api/api-keys/:id: revokes a key at once. */
    revokeApiKey: (id: string) => request<void>('DELETE', `/api/api-keys/${encodeURIComponent(id)}`),
    /** The URL of the Server-Sent Events stream, for `new EventSource(url)`. */
    eventsUrl: (o: { storeId?: string } = {}) =>
      `${baseUrl}/api/events${queryString({ storeId: o.storeId })}`,
  };
}

/** The client's type, for props and contexts. */
export type ApiClient = ReturnType<typeof createApiClient>;
