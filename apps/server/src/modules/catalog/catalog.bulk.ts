// Bulk reads and writes of the catalog for CSV import and export: set-based SQL (unnest), so a
// 100,000-row file is a handful of statements rather than 100,000 round trips.
import type { Queryable } from '@handla/db';

/** Category slugs that exist. */
export async function listCategorySlugs(q: Queryable): Promise<Set<string>> {
  return new Set((await q.query<{ slug: string }>('select slug from categories')).map((r) => r.slug));
}

/**
 * For the given article numbers and GTIN-14 forms of EANs: the product slug of each existing SKU,
 * and the SKU holding each EAN — keyed by GTIN-14, as the catalog treats 0-padded spellings as one code.
 */
export async function findSkuOwners(q: Queryable, skus: readonly string[], gtin14s: readonly string[]) {
  const rows = await q.query<{ sku: string; gtin14: string | null; slug: string }>(
    `select s.sku, lpad(s.ean, 14, '0') as gtin14, p.slug from skus s join products p on p.id = s.product_id
      where s.sku = any($1) or lpad(s.ean, 14, '0') = any($2)`,
    [skus, gtin14s],
  );
  const wanted = new Set(skus);
  return {
    productSlugOfSku: new Map(rows.filter((r) => wanted.has(r.sku)).map((r) => [r.sku, r.slug])),
    skuOfGtin14: new Map(rows.filter((r) => r.gtin14 !== null).map((r) => [r.gtin14!, r.sku])),
  };
}

/** A product row to insert or update by slug. */
export interface ProductUpsert {
  id: string;
  companyId: string;
  slug: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  brand: string | null;
  categorySlug: string | null;
  taxClass: string;
  warrantyText: string | null;
  options: string;
  status: string;
}

/** Inserts or updates products by slug; returns each slug's id and whether it was new. */
export async function upsertProducts(q: Queryable, rows: readonly ProductUpsert[], at: Date) {
  const col = <K extends keyof ProductUpsert>(key: K) => rows.map((r) => r[key]);
  const existing = new Set(
    (await q.query<{ slug: string }>('select slug from products where slug = any($1)', [col('slug')])).map(
      (r) => r.slug,
    ),
  );
  const written = await q.query<{ id: string; slug: string }>(
    `insert into products as p (id, company_id, slug, name_sv, name_en, description_sv, description_en, brand,
                                category_id, tax_class, warranty_text, options, status, created_at, updated_at)
     select u.id, u.company_id, u.slug, u.name_sv, u.name_en, u.description_sv, u.description_en, u.brand,
            c.id, u.tax_class, u.warranty_text, u.options::jsonb, u.status, $14, $14
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
            as u(id, company_id, slug, name_sv, name_en, description_sv, description_en, brand,
                 category_slug, tax_class, warranty_text, options, status)
       left join categories c on c.slug = u.category_slug
     on conflict (slug) do update set
       name_sv = excluded.name_sv, name_en = excluded.name_en, description_sv = excluded.description_sv,
       description_en = excluded.description_en, brand = excluded.brand, category_id = excluded.category_id,
       tax_class = excluded.tax_class, warranty_text = excluded.warranty_text, options = excluded.options,
       status = excluded.status, version = p.version + 1, updated_at = excluded.updated_at
     returning p.id, p.slug`,
    [
      col('id'),
      col('companyId'),
      col('slug'),
      col('nameSv'),
      col('nameEn'),
      col('descriptionSv'),
      col('descriptionEn'),
      col('brand'),
      col('categorySlug'),
      col('taxClass'),
      col('warrantyText'),
      col('options'),
      col('status'),
      at,
    ],
  );
  return written.map((row) => ({ ...row, isNew: !existing.has(row.slug) }));
}

/** A SKU row to insert or update by article number. */
export interface SkuUpsert {
  id: string;
  productId: string;
  sku: string;
  ean: string | null;
  options: string;
  weightGrams: number | null;
  imageUrls: string;
  status: string;
  sortOrder: number;
}

/** Inserts or updates SKUs by article number; returns each article number's id. */
export async function upsertSkus(q: Queryable, rows: readonly SkuUpsert[], at: Date) {
  const col = <K extends keyof SkuUpsert>(key: K) => rows.map((r) => r[key]);
  return q.query<{ id: string; sku: string }>(
    `insert into skus as s (id, product_id, sku, ean, options, weight_grams, image_urls, status, sort_order,
                            created_at, updated_at)
     select u.id, u.product_id, u.sku, u.ean, u.options::jsonb, u.weight_grams,
            array(select jsonb_array_elements_text(u.image_urls::jsonb)), u.status, u.sort_order, $10, $10
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[],
                   $9::int[]) as u(id, product_id, sku, ean, options, weight_grams, image_urls, status, sort_order)
     on conflict (sku) do update set
       ean = excluded.ean, options = excluded.options, weight_grams = excluded.weight_grams,
       image_urls = excluded.image_urls, status = excluded.status, sort_order = excluded.sort_order,
       version = s.version + 1, updated_at = excluded.updated_at
     returning s.id, s.sku`,
    [
      col('id'),
      col('productId'),
      col('sku'),
      col('ean'),
      col('options'),
      col('weightGrams'),
      col('imageUrls'),
      col('status'),
      col('sortOrder'),
      at,
    ],
  );
}

/** Every SKU for the products export, in product and display order, with the retail price. */
export async function listSkusForExport(q: Queryable) {
  return q.query<{
    slug: string;
    nameSv: string;
    nameEn: string;
    descriptionSv: string;
    descriptionEn: string;
    brand: string | null;
    category: string | null;
    taxClass: string;
    warranty: string | null;
    productStatus: string;
    sku: string;
    ean: string | null;
    options: Record<string, string>;
    optionNames: string[];
    price: number | null;
    weightGrams: number | null;
    imageUrls: string[];
    status: string;
  }>(
    `select p.slug, p.name_sv as "nameSv", p.name_en as "nameEn", p.description_sv as "descriptionSv",
            p.description_en as "descriptionEn", p.brand, c.slug as category, p.tax_class as "taxClass",
            p.warranty_text as warranty, p.status as "productStatus", s.sku, s.ean, s.options,
            array(select o->'name'->>'sv' from jsonb_array_elements(p.options) o) as "optionNames",
            pr.unit_price_incl_vat as price, s.weight_grams as "weightGrams", s.image_urls as "imageUrls", s.status
       from skus s
       join products p on p.id = s.product_id
       left join categories c on c.id = p.category_id
       left join price_lists pl on pl.is_retail
       left join prices pr on pr.price_list_id = pl.id and pr.sku_id = s.id
      where not p.is_bundle
      order by p.slug, s.sort_order, s.sku`,
  );
}

/** SKU ids by article number, and which of them are bundles. */
export async function mapSkuIds(q: Queryable, skus: readonly string[]) {
  const rows = await q.query<{ id: string; sku: string; isBundle: boolean }>(
    `select s.id, s.sku, p.is_bundle as "isBundle" from skus s join products p on p.id = s.product_id
      where s.sku = any($1)`,
    [skus],
  );
  return {
    skuIdOf: new Map(rows.filter((r) => !r.isBundle).map((r) => [r.sku, r.id])),
    allSkuIdOf: new Map(rows.map((r) => [r.sku, r.id])),
    bundleSkus: new Set(rows.filter((r) => r.isBundle).map((r) => r.sku)),
  };
}
