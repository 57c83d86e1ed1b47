// Seed builders for the catalog: products, SKUs, bundles, price lists and prices.
// Re-exported by ./builders; the `…s` variants write many rows in one statement.
import type { Queryable } from '../database';
import { insertRows, type Row } from './rows';

/** A product's option template, e.g. `{ name: { sv: 'Färg', en: 'Colour' }, values: ['Blå', 'Röd'] }`. */
export interface ProductOptionSeed {
  name: { sv: string; en: string };
  values: string[];
}

export type SeedCatalogStatus = 'active' | 'hidden' | 'discontinued';

export interface ProductSeed {
  id: string;
  companyId: string;
  categoryId?: string | null;
  slug?: string;
  nameSv?: string;
  nameEn?: string;
  descriptionSv?: string;
  descriptionEn?: string;
  brand?: string | null;
  /** Defaults to 'standard', which must exist (insertTaxClass or insertSwedishVat first). */
  taxClass?: string;
  warrantyText?: string | null;
  options?: ProductOptionSeed[];
  isBundle?: boolean;
  status?: SeedCatalogStatus;
  createdAt?: Date;
}

const productRow = (f: ProductSeed): Row => ({
  id: f.id,
  company_id: f.companyId,
  category_id: f.categoryId,
  slug: f.slug ?? f.id,
  name_sv: f.nameSv ?? `Produkt ${f.id}`,
  name_en: f.nameEn ?? `Product ${f.id}`,
  description_sv: f.descriptionSv,
  description_en: f.descriptionEn,
  brand: f.brand,
  tax_class: f.taxClass ?? 'standard',
  warranty_text: f.warrantyText,
  options: f.options && JSON.stringify(f.options),
  is_bundle: f.isBundle,
  status: f.status,
  created_at: f.createdAt,
  updated_at: f.createdAt,
});

export async function insertProduct(q: Queryable, f: ProductSeed): Promise<string> {
  await insertRows(q, 'products', [productRow(f)]);
  return f.id;
}

export async function insertProducts(q: Queryable, fs: readonly ProductSeed[]): Promise<string[]> {
  await insertRows(q, 'products', fs.map(productRow));
  return fs.map((f) => f.id);
}

export interface SkuSeed {
  id: string;
  productId: string;
  /** The article number; defaults to the id in capitals. */
  sku?: string;
  ean?: string | null;
  /** The chosen value per option name, e.g. `{ Färg: 'Blå', Storlek: 'M' }`. */
  options?: Record<string, string>;
  weightGrams?: number | null;
  imageUrls?: string[];
  status?: SeedCatalogStatus;
  sortOrder?: number;
  createdAt?: Date;
}

const skuRow = (f: SkuSeed): Row => ({
  id: f.id,
  product_id: f.productId,
  sku: f.sku ?? f.id.toUpperCase(),
  ean: f.ean,
  options: f.options && JSON.stringify(f.options),
  weight_grams: f.weightGrams,
  image_urls: f.imageUrls,
  status: f.status,
  sort_order: f.sortOrder,
  created_at: f.createdAt,
});

export async function insertSku(q: Queryable, f: SkuSeed): Promise<string> {
  await insertRows(q, 'skus', [skuRow(f)]);
  return f.id;
}

export async function insertSkus(q: Queryable, fs: readonly SkuSeed[]): Promise<string[]> {
  await insertRows(q, 'skus', fs.map(skuRow));
  return fs.map((f) => f.id);
}

export interface BundleComponentSeed {
  bundleSkuId: string;
  componentSkuId: string;
  quantity?: number;
}

const bundleComponentRow = (f: BundleComponentSeed): Row => ({
  bundle_sku_id: f.bundleSkuId,
  component_sku_id: f.componentSkuId,
  quantity: f.quantity ?? 1,
});

export async function insertBundleComponent(q: Queryable, f: BundleComponentSeed): Promise<void> {
  await insertRows(q, 'bundle_components', [bundleComponentRow(f)]);
}

export async function insertBundleComponents(
  q: Queryable,
  fs: readonly BundleComponentSeed[],
): Promise<void> {
  await insertRows(q, 'bundle_components', fs.map(bundleComponentRow));
}

export interface PriceListSeed {
  id: string;
  companyId: string;
  code?: string;
  name?: string;
  currency?: string;
  isRetail?: boolean;
}

export async function insertPriceList(q: Queryable, f: PriceListSeed): Promise<string> {
  const code = f.code ?? f.id.toUpperCase();
  await insertRows(q, 'price_lists', [
    {
      id: f.id,
      company_id: f.companyId,
      code,
      name: f.name ?? `Prislista ${code}`,
      currency: f.currency ?? 'SEK',
      is_retail: f.isRetail,
    },
  ]);
  return f.id;
}

export interface PriceSeed {
  priceListId: string;
  skuId: string;
  /** Minor units (öre) including VAT. */
  unitPriceInclVat: number;
}

const priceRow = (f: PriceSeed): Row => ({
  price_list_id: f.priceListId,
  sku_id: f.skuId,
  unit_price_incl_vat: f.unitPriceInclVat,
});

export async function insertPrice(q: Queryable, f: PriceSeed): Promise<void> {
  await insertRows(q, 'prices', [priceRow(f)]);
}

export async function insertPrices(q: Queryable, fs: readonly PriceSeed[]): Promise<void> {
  await insertRows(q, 'prices', fs.map(priceRow));
}
