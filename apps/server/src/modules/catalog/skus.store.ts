// SQL for SKUs, bundle components and the retail prices a new SKU starts with.
import type { BundleComponentDto, CatalogSku } from '@handla/api';
import type { Queryable } from '@handla/db';
import { RETAIL_PRICE_JOIN } from './catalog.store';

type Status = 'active' | 'hidden' | 'discontinued';

export interface CatalogSkuRow {
  id: string;
  productId: string;
  sku: string;
  ean: string | null;
  options: Record<string, string>;
  weightGrams: number | null;
  imageUrls: string[];
  status: Status;
  sortOrder: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  unitPriceInclVat: number | null;
  currency: string | null;
}

const COLUMNS = `s.id, s.product_id as "productId", s.sku, s.ean, s.options, s.weight_grams as "weightGrams",
  s.image_urls as "imageUrls", s.status, s.sort_order as "sortOrder", s.version,
  s.created_at as "createdAt", s.updated_at as "updatedAt", price."unitPriceInclVat", price.currency`;

/** Every SKU of the given products, whatever its status, with its retail price. */
export async function listSkusOfProducts(
  q: Queryable,
  productIds: readonly string[],
): Promise<CatalogSkuRow[]> {
  if (productIds.length === 0) return [];
  return q.query<CatalogSkuRow>(
    `select ${COLUMNS} from skus s ${RETAIL_PRICE_JOIN}
      where s.product_id = any($1) order by s.product_id, s.sort_order, s.sku`,
    [productIds],
  );
}

/** One SKU; `forUpdate` locks its row until the transaction ends. */
export async function findSkuRow(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CatalogSkuRow | undefined> {
  const lock = options.forUpdate ? 'for update of s' : '';
  const [row] = await q.query<CatalogSkuRow>(
    `select ${COLUMNS} from skus s ${RETAIL_PRICE_JOIN} where s.id = $1 ${lock}`,
    [id],
  );
  return row;
}

/** SKUs other than `exceptId` that already have one of the article numbers or EANs (any GTIN spelling). */
export async function findTakenCodes(
  q: Queryable,
  codes: { articles: readonly string[]; gtin14s: readonly string[] },
  exceptId = '',
): Promise<{ sku: string; ean: string | null; gtin14: string | null }[]> {
  return q.query(
    `select sku, ean, lpad(ean, 14, '0') as gtin14 from skus
      where (sku = any($1) or lpad(ean, 14, '0') = any($2)) and id <> $3`,
    [codes.articles, codes.gtin14s, exceptId],
  );
}

export interface NewSku {
  id: string;
  productId: string;
  sku: string;
  ean: string | null;
  options: Record<string, string>;
  weightGrams: number | null;
  imageUrls: string[];
  status: Status;
  sortOrder: number;
}

/** Inserts the SKUs in one statement (a product may come with hundreds of variants). */
export async function insertSkus(q: Queryable, skus: readonly NewSku[], now: Date): Promise<void> {
  await q.query(
    `insert into skus (id, product_id, sku, ean, options, weight_grams, image_urls, status, sort_order,
       created_at, updated_at)
     select r."id", r."productId", r."sku", r."ean", r."options", r."weightGrams",
            array(select jsonb_array_elements_text(r."imageUrls")), r."status", r."sortOrder", $2, $2
       from jsonb_to_recordset($1::jsonb) as r("id" text, "productId" text, "sku" text, "ean" text,
            "options" jsonb, "weightGrams" integer, "imageUrls" jsonb, "status" text, "sortOrder" integer)`,
    [JSON.stringify(skus), now],
  );
}

/** The sort order after the product's last SKU. */
export async function nextSortOrder(q: Queryable, productId: string): Promise<number> {
  const [row] = await q.query<{ next: number }>(
    'select coalesce(max(sort_order) + 1, 0)::integer as next from skus where product_id = $1',
    [productId],
  );
  return row?.next ?? 0;
}

/** The SKU columns an edit may change. */
export type SkuChanges = Partial<Pick<NewSku, 'sku' | 'ean' | 'weightGrams' | 'imageUrls' | 'status'>>;

const CHANGE_COLUMNS: Record<keyof SkuChanges, string> = {
  sku: 'sku',
  ean: 'ean',
  weightGrams: 'weight_grams',
  imageUrls: 'image_urls',
  status: 'status',
};

/** Changes the given columns (none: only the version) if the SKU is still at `version`; false when it is not. */
export async function updateSku(
  q: Queryable,
  id: string,
  version: number,
  changes: SkuChanges,
  now: Date,
): Promise<boolean> {
  const params: unknown[] = [id, version, now];
  const sets = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      params.push(value);
      return `${CHANGE_COLUMNS[key as keyof SkuChanges]} = $${params.length}`;
    });
  const rows = await q.query(
    `update skus set ${[...sets, 'version = version + 1', 'updated_at = $3'].join(', ')}
      where id = $1 and version = $2 returning id`,
    params,
  );
  return rows.length === 1;
}

/** What the bundle rules need to know about candidate components; unknown ids are absent. */
export async function findComponentFacts(
  q: Queryable,
  skuIds: readonly string[],
): Promise<{ skuId: string; isBundle: boolean; skuStatus: Status; productStatus: Status }[]> {
  return q.query(
    `select s.id as "skuId", p.is_bundle as "isBundle", s.status as "skuStatus", p.status as "productStatus"
       from skus s join products p on p.id = s.product_id where s.id = any($1)`,
    [skuIds],
  );
}

/** The components of the given bundle SKUs, with the components' article numbers. */
export async function listComponents(
  q: Queryable,
  bundleSkuIds: readonly string[],
): Promise<(BundleComponentDto & { bundleSkuId: string })[]> {
  if (bundleSkuIds.length === 0) return [];
  return q.query(
    `select bc.bundle_sku_id as "bundleSkuId", bc.component_sku_id as "skuId", s.sku, bc.quantity
       from bundle_components bc join skus s on s.id = bc.component_sku_id
      where bc.bundle_sku_id = any($1) order by bc.bundle_sku_id, s.sku`,
    [bundleSkuIds],
  );
}

/** Replaces a bundle SKU's components with `components`. */
export async function replaceComponents(
  q: Queryable,
  bundleSkuId: string,
  components: readonly { skuId: string; quantity: number }[],
): Promise<void> {
  await q.query('delete from bundle_components where bundle_sku_id = $1', [bundleSkuId]);
  await q.query(
    `insert into bundle_components (bundle_sku_id, component_sku_id, quantity)
     select $1, c.sku_id, c.quantity from unnest($2::text[], $3::integer[]) as c(sku_id, quantity)`,
    [bundleSkuId, components.map((c) => c.skuId), components.map((c) => c.quantity)],
  );
}

/** Article numbers of the bundles, not discontinued, that contain any of the given SKUs. */
export async function listLiveBundlesContaining(q: Queryable, skuIds: readonly string[]): Promise<string[]> {
  const rows = await q.query<{ sku: string }>(
    `select distinct b.sku from bundle_components bc
       join skus b on b.id = bc.bundle_sku_id join products bp on bp.id = b.product_id
      where bc.component_sku_id = any($1) and b.status <> 'discontinued' and bp.status <> 'discontinued'
      order by b.sku`,
    [skuIds],
  );
  return rows.map((r) => r.sku);
}

/** The retail price list: the one a SKU's own price goes into. */
export async function findRetailPriceList(
  q: Queryable,
): Promise<{ id: string; currency: string } | undefined> {
  const [row] = await q.query<{ id: string; currency: string }>(
    'select id, currency from price_lists where is_retail order by id limit 1',
  );
  return row;
}

/**
 * Writes SKUs' prices into the retail price list. The pricing module owns prices; this is the
 * catalog's stand-in until pricing exposes a function for it.
 */
export async function setRetailPrices(
  q: Queryable,
  priceListId: string,
  prices: readonly { skuId: string; unitPriceInclVat: number }[],
): Promise<void> {
  if (prices.length === 0) return;
  await q.query(
    `insert into prices (price_list_id, sku_id, unit_price_incl_vat)
     select $1, p.sku_id, p.amount from unnest($2::text[], $3::integer[]) as p(sku_id, amount)
     on conflict (price_list_id, sku_id) do update set unit_price_incl_vat = excluded.unit_price_incl_vat`,
    [priceListId, prices.map((p) => p.skuId), prices.map((p) => p.unitPriceInclVat)],
  );
}

/** The back office's view of a SKU row. */
export function toCatalogSku(row: CatalogSkuRow, components: readonly BundleComponentDto[]): CatalogSku {
  return {
    id: row.id,
    productId: row.productId,
    sku: row.sku,
    ean: row.ean,
    options: row.options,
    weightGrams: row.weightGrams,
    imageUrls: row.imageUrls,
    status: row.status,
    sortOrder: row.sortOrder,
    version: row.version,
    priceInclVat:
      row.unitPriceInclVat === null || row.currency === null
        ? null
        : { amount: row.unitPriceInclVat, currency: row.currency },
    components: components.map((c) => ({ skuId: c.skuId, sku: c.sku, quantity: c.quantity })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
