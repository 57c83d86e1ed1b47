// The stock area of the typed client: levels, movements, transfers, counts, purchasing, replenishment.
// Types only from the contract files, so browser bundles stay free of zod.
import type { CatalogProduct } from './catalog-admin';
import { type Query, queryString, type Transport } from './client';
import type {
  AdjustStockBody,
  MovementKind,
  ReceiveStockBody,
  SkuWhereabouts,
  StockChangeResult,
  StockLevel,
  StockLocation,
  StockMovement,
} from './inventory';
import type {
  CreatePurchaseOrderBody,
  CreateSupplierBody,
  CreateTransferBody,
  EnterCountsBody,
  OpenStockCountBody,
  PurchaseOrder,
  ReceivePurchaseOrderBody,
  ReceiveTransferBody,
  ReplenishmentRule,
  ReplenishmentSuggestions,
  SetReplenishmentRulesBody,
  StockCount,
  StockTransfer,
  Supplier,
  UpdatePurchaseOrderBody,
  UpdateTransferBody,
} from './inventory-documents';
import type { SkuSearchResult, SkuSummary } from './products';

/** One page of a stock list; pass `nextCursor` back as `cursor` until it is null. */
export interface StockPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Paging of a stock list: at most `limit` (1–200, default 50) items after `cursor`. */
export interface StockPageParams {
  limit?: number;
  cursor?: string;
}

/** Query of `listLevels`; `countNeeded` lists only levels that went below zero. */
export interface StockLevelParams extends StockPageParams {
  locationId?: string;
  skuId?: string;
  countNeeded?: boolean;
}

/** Query of `listMovements`: the ledger, newest first. */
export interface StockMovementParams extends StockPageParams {
  locationId?: string;
  skuId?: string;
  kind?: MovementKind;
}

/** Query of `listTransfers`. */
export interface TransferListParams extends StockPageParams {
  status?: StockTransfer['status'];
  fromLocationId?: string;
  toLocationId?: string;
}

/** Query of `listCounts`. */
export interface StockCountListParams extends StockPageParams {
  status?: StockCount['status'];
  locationId?: string;
}

/** Query of `listPurchaseOrders`. */
export interface PurchaseOrderListParams extends StockPageParams {
  status?: PurchaseOrder['status'];
  supplierId?: string;
  locationId?: string;
}

/** Query of `replenishmentSuggestions`: days of sales history (default 28) and lead time (default 7). */
export interface ReplenishmentParams {
  days?: number;
  leadTimeDays?: number;
}

/** A body without `version`, which the methods below take as their own argument. */
type Versioned<T> = Omit<T, 'version'>;

const enc = encodeURIComponent;

/** Stock methods on top of the shared transport. */
export function createStockClient(t: Transport) {
  const get = <T>(path: string, query: Query = {}) => t.request<T>('GET', `${path}${queryString(query)}`);
  const post = <T>(path: string, body: unknown) => t.request<T>('POST', path, body);
  return {
    // Locations, levels, the ledger
    /** GET /api/locations: every place that holds stock (or a store's). */
    listLocations: (q: { storeId?: string } = {}) =>
      get<{ items: StockLocation[] }>('/api/locations', { ...q }),
    /** GET /api/stock/levels: on-hand, reserved and available per SKU and location. */
    listLevels: (q: StockLevelParams = {}) => get<StockPage<StockLevel>>('/api/stock/levels', { ...q }),
    /** GET /api/stock/movements: the ledger, newest first. */
    listMovements: (q: StockMovementParams = {}) =>
      get<StockPage<StockMovement>>('/api/stock/movements', { ...q }),
    /** GET /api/stock/skus/:skuId/locations: the SKU at every location; bundles from their components. */
    whereIs: (skuId: string) => get<SkuWhereabouts>(`/api/stock/skus/${enc(skuId)}/locations`),
    /** POST /api/stock/receipts: goods arrived outside a purchase order. */
    receive: (body: ReceiveStockBody) => post<StockChangeResult>('/api/stock/receipts', body),
    /** POST /api/stock/adjustments: a signed correction with its reason (managers). */
    adjust: (body: AdjustStockBody) => post<StockChangeResult>('/api/stock/adjustments', body),

    // SKUs for line entry (the catalog module's search and scan look-up)
    /** GET /api/skus: SKUs by name words, article-number or EAN prefix. */
    searchSkus: (q: string, limit = 10) => get<SkuSearchResult>('/api/skus', { q, limit }),
    /** GET /api/skus?ids=…: names up to 200 SKUs by id. */
    nameSkus: (ids: readonly string[]) => get<SkuSearchResult>('/api/skus', { ids: ids.join(',') }),
    /** GET /api/skus/lookup: the SKU with exactly this EAN or article number; 404 when none. */
    lookupSku: (code: string) => get<SkuSummary>('/api/skus/lookup', { code }),
    /** GET /api/catalog/products: a page of products with every SKU, to name the SKUs of stock rows. */
    listCatalogProducts: (q: StockPageParams = {}) =>
      get<StockPage<CatalogProduct>>('/api/catalog/products', { ...q }),

    // Transfers
    /** GET /api/stock/transfers: newest first. */
    listTransfers: (q: TransferListParams = {}) =>
      get<StockPage<StockTransfer>>('/api/stock/transfers', { ...q }),
    /** GET /api/stock/transfers/:id. */
    getTransfer: (id: string) => get<StockTransfer>(`/api/stock/transfers/${enc(id)}`),
    /** POST /api/stock/transfers: a draft; nothing moves until it is sent. */
    createTransfer: (body: CreateTransferBody) => post<StockTransfer>('/api/stock/transfers', body),
    /** PUT /api/stock/transfers/:id: a draft's note and lines; 409 `version_conflict` when stale. */
    updateTransfer: (id: string, version: number, body: Versioned<UpdateTransferBody>) =>
      t.request<StockTransfer>('PUT', `/api/stock/transfers/${enc(id)}`, { ...body, version }),
    /** POST /api/stock/transfers/:id/send: the goods leave the source. */
    sendTransfer: (id: string, version: number) =>
      post<StockTransfer>(`/api/stock/transfers/${enc(id)}/send`, { version }),
    /** POST /api/stock/transfers/:id/receive: without lines, everything arrived as sent. */
    receiveTransfer: (id: string, version: number, body: Versioned<ReceiveTransferBody> = {}) =>
      post<StockTransfer>(`/api/stock/transfers/${enc(id)}/receive`, { ...body, version }),
    /** POST /api/stock/transfers/:id/cancel: drops a draft. */
    cancelTransfer: (id: string, version: number) =>
      post<StockTransfer>(`/api/stock/transfers/${enc(id)}/cancel`, { version }),

    // Stock counts
    /** GET /api/stock/counts: count sheets, newest first. */
    listCounts: (q: StockCountListParams = {}) => get<StockPage<StockCount>>('/api/stock/counts', { ...q }),
    /** GET /api/stock/counts/:id. */
    getCount: (id: string) => get<StockCount>(`/api/stock/counts/${enc(id)}`),
    /** POST /api/stock/counts: a sheet of every stocked SKU at the location, or of the SKUs named. */
    openCount: (body: OpenStockCountBody) => post<StockCount>('/api/stock/counts', body),
    /** PUT /api/stock/counts/:id/lines: counted quantities; a SKU not on the sheet joins it. */
    enterCounts: (id: string, version: number, body: Versioned<EnterCountsBody>) =>
      t.request<StockCount>('PUT', `/api/stock/counts/${enc(id)}/lines`, { ...body, version }),
    /** POST /api/stock/counts/:id/complete: every difference becomes a count movement. */
    completeCount: (id: string, version: number) =>
      post<StockCount>(`/api/stock/counts/${enc(id)}/complete`, { version }),
    /** POST /api/stock/counts/:id/cancel: drops the sheet; nothing is booked. */
    cancelCount: (id: string, version: number) =>
      post<StockCount>(`/api/stock/counts/${enc(id)}/cancel`, { version }),

    // Suppliers and purchase orders
    /** GET /api/suppliers: by name. */
    listSuppliers: () => get<{ items: Supplier[] }>('/api/suppliers'),
    /** POST /api/suppliers. */
    createSupplier: (body: CreateSupplierBody) => post<Supplier>('/api/suppliers', body),
    /** GET /api/purchase-orders: newest first. */
    listPurchaseOrders: (q: PurchaseOrderListParams = {}) =>
      get<StockPage<PurchaseOrder>>('/api/purchase-orders', { ...q }),
    /** GET /api/purchase-orders/:id: with lines and deviations. */
    getPurchaseOrder: (id: string) => get<PurchaseOrder>(`/api/purchase-orders/${enc(id)}`),
    /** POST /api/purchase-orders. */
    createPurchaseOrder: (body: CreatePurchaseOrderBody) => post<PurchaseOrder>('/api/purchase-orders', body),
    /** PUT /api/purchase-orders/:id: expected date, note, or lines before anything arrived. */
    updatePurchaseOrder: (id: string, version: number, body: Versioned<UpdatePurchaseOrderBody>) =>
      t.request<PurchaseOrder>('PUT', `/api/purchase-orders/${enc(id)}`, { ...body, version }),
    /** POST /api/purchase-orders/:id/receipts: a delivery; `isFinal` closes the order. */
    receivePurchaseOrder: (id: string, version: number, body: Versioned<ReceivePurchaseOrderBody>) =>
      post<PurchaseOrder>(`/api/purchase-orders/${enc(id)}/receipts`, { ...body, version }),
    /** POST /api/purchase-orders/:id/close: what is still outstanding becomes under-delivery. */
    closePurchaseOrder: (id: string, version: number) =>
      post<PurchaseOrder>(`/api/purchase-orders/${enc(id)}/close`, { version }),

    // Replenishment
    /** GET /api/stock/locations/:locationId/replenishment-rules. */
    listReplenishmentRules: (locationId: string) =>
      get<{ items: ReplenishmentRule[] }>(`/api/stock/locations/${enc(locationId)}/replenishment-rules`),
    /** PUT /api/stock/locations/:locationId/replenishment-rules: replaces the location's whole set. */
    setReplenishmentRules: (locationId: string, body: SetReplenishmentRulesBody) =>
      t.request<{ items: ReplenishmentRule[] }>(
        'PUT',
        `/api/stock/locations/${enc(locationId)}/replenishment-rules`,
        body,
      ),
    /** GET /api/stock/stores/:storeId/replenishment-suggestions: rules that need stock first. */
    replenishmentSuggestions: (storeId: string, q: ReplenishmentParams = {}) =>
      get<ReplenishmentSuggestions>(`/api/stock/stores/${enc(storeId)}/replenishment-suggestions`, { ...q }),
  };
}
