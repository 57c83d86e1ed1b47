// The catalog area of the typed client: products, categories, prices, VAT, CSV import/export.
// Types only from the contract files, so browser bundles stay free of zod.
import type {
  AddSkuBody,
  CatalogProduct,
  CatalogSku,
  CatalogStatus,
  Category,
  CategoryTree,
  CreateCategoryBody,
  CreateProductBody,
  SetBundleComponentsBody,
  SetProductStatusBody,
  UpdateCategoryBody,
  UpdateProductBody,
  UpdateSkuBody,
} from './catalog-admin';
import { type Query, queryString, type Transport } from './client';
import type { ImportJob, ImportKind } from './csv';
import type { StockLocation } from './inventory';
import type {
  Campaign,
  CampaignSummary,
  CreateCampaignBody,
  CreatePriceListBody,
  CreateVatRateBody,
  Customer,
  PriceList,
  ResolvedPrice,
  SetPriceBody,
  SkuPrice,
  TaxClass,
  UpdateCampaignBody,
  UpdatePriceListBody,
  UpdateVatRateBody,
  VatRate,
} from './pricing';
import type { SkuSearchResult, SkuSummary } from './products';

/** One page of a cursor-paged list; pass `nextCursor` back as `cursor` until it is null. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Paging of a list: at most `limit` items after `cursor`. */
export interface PageParams {
  limit?: number;
  cursor?: string;
}

/** Query of `listProducts`: text, status and category (with its sub-categories). */
export interface CatalogProductParams extends PageParams {
  q?: string;
  status?: CatalogStatus;
  categoryId?: string;
}

/** Query of `listCampaigns`; `current` is active and upcoming. */
export interface CampaignParams extends PageParams {
  status?: 'current' | 'active' | 'upcoming' | 'ended' | 'all';
  storeId?: string;
}

/** Query of `resolvePrice`; `at` (an ISO instant) defaults to now. */
export interface ResolvePriceParams {
  skuId: string;
  storeId?: string;
  customerId?: string;
  at?: string;
}

/** Which VAT rate period `updateVatRate` changes. */
export interface VatRateKey {
  country: string;
  taxClass: string;
  validFrom: string;
}

const enc = encodeURIComponent;

/** Catalog methods on top of the shared transport. */
export function createCatalogClient(t: Transport) {
  const get = <T>(path: string, query: Query = {}) => t.request<T>('GET', `${path}${queryString(query)}`);
  return {
    // Categories
    /** GET /api/catalog/categories: the whole tree. */
    listCategories: () => get<CategoryTree>('/api/catalog/categories'),
    /** POST /api/catalog/categories. */
    createCategory: (body: CreateCategoryBody) =>
      t.request<Category>('POST', '/api/catalog/categories', body),
    /** PATCH /api/catalog/categories/:id: rename, move or reorder at the version read. */
    updateCategory: (id: string, body: UpdateCategoryBody) =>
      t.request<Category>('PATCH', `/api/catalog/categories/${enc(id)}`, body),

    // Products and SKUs
    /** GET /api/catalog/products: one page of products of any status. */
    listProducts: (q: CatalogProductParams = {}) =>
      get<CursorPage<CatalogProduct>>('/api/catalog/products', { ...q }),
    /** GET /api/catalog/products/:id: one product with every SKU. */
    getProduct: (id: string) => get<CatalogProduct>(`/api/catalog/products/${enc(id)}`),
    /** POST /api/catalog/products: the option templates generate the SKUs. */
    createProduct: (body: CreateProductBody) =>
      t.request<CatalogProduct>('POST', '/api/catalog/products', body),
    /** PATCH /api/catalog/products/:id; 409 `version_conflict` on a stale version. */
    updateProduct: (id: string, body: UpdateProductBody) =>
      t.request<CatalogProduct>('PATCH', `/api/catalog/products/${enc(id)}`, body),
    /** PUT /api/catalog/products/:id/status. */
    setProductStatus: (id: string, body: SetProductStatusBody) =>
      t.request<CatalogProduct>('PUT', `/api/catalog/products/${enc(id)}/status`, body),
    /** POST /api/catalog/products/:id/skus: one more variant. */
    addSku: (productId: string, body: AddSkuBody) =>
      t.request<CatalogSku>('POST', `/api/catalog/products/${enc(productId)}/skus`, body),
    /** PATCH /api/catalog/skus/:id: article number, EAN, weight, status. */
    updateSku: (id: string, body: UpdateSkuBody) =>
      t.request<CatalogSku>('PATCH', `/api/catalog/skus/${enc(id)}`, body),
    /** PUT /api/catalog/skus/:id/components: a bundle's whole component list. */
    setBundleComponents: (skuId: string, body: SetBundleComponentsBody) =>
      t.request<CatalogSku>('PUT', `/api/catalog/skus/${enc(skuId)}/components`, body),
    /** GET /api/skus: SKUs by name words, article-number or EAN prefix. */
    searchSkus: (q: string, limit = 10) => get<SkuSearchResult>('/api/skus', { q, limit }),
    /** GET /api/skus/lookup: the SKU with exactly this EAN or article number. */
    lookupSku: (code: string) => get<SkuSummary>('/api/skus/lookup', { code }),

    // Tax classes and VAT
    /** GET /api/tax-classes. */
    listTaxClasses: () => get<{ items: TaxClass[] }>('/api/tax-classes'),
    /** GET /api/vat-rates: periods per country × tax class. */
    listVatRates: (q: { country?: string; taxClass?: string } = {}) =>
      get<{ items: VatRate[] }>('/api/vat-rates', { ...q }),
    /** POST /api/vat-rates: a new period (owners only); 409 when it overlaps. */
    addVatRate: (body: CreateVatRateBody) => t.request<VatRate>('POST', '/api/vat-rates', body),
    /** PATCH /api/vat-rates/:country/:taxClass/:validFrom: moves the period's last day. */
    updateVatRate: (key: VatRateKey, body: UpdateVatRateBody) =>
      t.request<VatRate>(
        'PATCH',
        `/api/vat-rates/${enc(key.country)}/${enc(key.taxClass)}/${enc(key.validFrom)}`,
        body,
      ),

    // Price lists, store prices, campaigns, resolution
    /** GET /api/price-lists. */
    listPriceLists: (q: PageParams = {}) => get<CursorPage<PriceList>>('/api/price-lists', { ...q }),
    /** GET /api/price-lists/:id. */
    getPriceList: (id: string) => get<PriceList>(`/api/price-lists/${enc(id)}`),
    /** POST /api/price-lists. */
    createPriceList: (body: CreatePriceListBody) => t.request<PriceList>('POST', '/api/price-lists', body),
    /** PATCH /api/price-lists/:id: rename or recode. */
    updatePriceList: (id: string, body: UpdatePriceListBody) =>
      t.request<PriceList>('PATCH', `/api/price-lists/${enc(id)}`, body),
    /** GET /api/price-lists/:id/prices: one page of a list's prices by SKU. */
    listPrices: (listId: string, q: PageParams & { skuId?: string } = {}) =>
      get<CursorPage<SkuPrice>>(`/api/price-lists/${enc(listId)}/prices`, { ...q }),
    /** PUT /api/price-lists/:id/prices/:skuId: an existing price needs its version. */
    setPrice: (listId: string, skuId: string, body: SetPriceBody) =>
      t.request<SkuPrice>('PUT', `/api/price-lists/${enc(listId)}/prices/${enc(skuId)}`, body),
    /** DELETE /api/price-lists/:id/prices/:skuId at the version read. */
    removePrice: (listId: string, skuId: string, version: number) =>
      t.request<void>(
        'DELETE',
        `/api/price-lists/${enc(listId)}/prices/${enc(skuId)}${queryString({ version })}`,
      ),
    /** GET /api/stores/:storeId/price-overrides: a store's own prices. */
    listStorePrices: (storeId: string, q: PageParams & { skuId?: string } = {}) =>
      get<CursorPage<SkuPrice>>(`/api/stores/${enc(storeId)}/price-overrides`, { ...q }),
    /** PUT /api/stores/:storeId/price-overrides/:skuId. */
    setStorePrice: (storeId: string, skuId: string, body: SetPriceBody) =>
      t.request<SkuPrice>('PUT', `/api/stores/${enc(storeId)}/price-overrides/${enc(skuId)}`, body),
    /** DELETE /api/stores/:storeId/price-overrides/:skuId: back to the retail price. */
    removeStorePrice: (storeId: string, skuId: string, version: number) =>
      t.request<void>(
        'DELETE',
        `/api/stores/${enc(storeId)}/price-overrides/${enc(skuId)}${queryString({ version })}`,
      ),
    /** GET /api/campaigns. */
    listCampaigns: (q: CampaignParams = {}) => get<CursorPage<CampaignSummary>>('/api/campaigns', { ...q }),
    /** GET /api/campaigns/:id: with its prices. */
    getCampaign: (id: string) => get<Campaign>(`/api/campaigns/${enc(id)}`),
    /** POST /api/campaigns. */
    createCampaign: (body: CreateCampaignBody) => t.request<Campaign>('POST', '/api/campaigns', body),
    /** PATCH /api/campaigns/:id: prices replace the whole set. */
    updateCampaign: (id: string, body: UpdateCampaignBody) =>
      t.request<Campaign>('PATCH', `/api/campaigns/${enc(id)}`, body),
    /** POST /api/campaigns/:id/end: ends it now. */
    endCampaign: (id: string, version: number) =>
      t.request<Campaign>('POST', `/api/campaigns/${enc(id)}/end`, { version }),
    /** GET /api/prices/resolve: what a SKU costs for a store, customer and instant. */
    resolvePrice: (q: ResolvePriceParams) => get<ResolvedPrice>('/api/prices/resolve', { ...q }),
    /** GET /api/customers: for choosing whose price to resolve. */
    listCustomers: (q: PageParams = {}) => get<CursorPage<Customer>>('/api/customers', { ...q }),
    /** GET /api/locations: the stock locations, for the stock export. */
    listStockLocations: () => get<{ items: StockLocation[] }>('/api/locations'),

    // CSV
    /** POST /api/imports: starts a (dry) run with the file as the body; 202 with the job. */
    startImport: (q: { kind: ImportKind; dryRun: boolean; fileName?: string }, csvText: string) =>
      t.upload<ImportJob>(`/api/imports${queryString({ ...q })}`, csvText, 'text/csv; charset=utf-8'),
    /** GET /api/imports/:id: progress while it runs, then the report. */
    getImport: (id: string) => get<ImportJob>(`/api/imports/${enc(id)}`),
    /** GET /api/imports: the latest imports. */
    listImports: () => get<{ items: ImportJob[] }>('/api/imports'),
    /** Download links of the exports, in the import formats. */
    exportUrls: {
      products: () => t.url('/api/exports/products.csv'),
      prices: (priceList: string) => t.url(`/api/exports/prices.csv${queryString({ priceList })}`),
      stock: (location?: string) => t.url(`/api/exports/stock.csv${queryString({ location })}`),
    },
  };
}
