// SQL for products as the back office edits them.
import type { CatalogProduct, CatalogSku } from '@handla/api';
import type { OptionTemplate } from '@handla/core';
import type { Queryable } from '@handla/db';
import { COMPANY_SQL, PRODUCT_SEARCH_VECTOR, startsWith, wordPrefixQuery } from './catalog.store';

type Status = 'active' | 'hidden' | 'discontinued';

export interface CatalogProductRow {
  id: string;
  slug: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  brand: string | null;
  categoryId: string | null;
  categorySlug: string | null;
  categoryNameSv: string | null;
  categoryNameEn: string | null;
  taxClass: string;
  warrantyText: string | null;
  options: OptionTemplate[];
  isBundle: boolean;
  status: Status;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `p.id, p.slug, p.name_sv as "nameSv", p.name_en as "nameEn",
  p.description_sv as "descriptionSv", p.description_en as "descriptionEn", p.brand,
  c.id as "categoryId", c.slug as "categorySlug", c.name_sv as "categoryNameSv", c.name_en as "categoryNameEn",
  p.tax_class as "taxClass", p.warranty_text as "warrantyText", p.options, p.is_bundle as "isBundle",
  p.status, p.version, p.created_at as "createdAt", p.updated_at as "updatedAt"`;
const FROM = 'from products p left join categories c on c.id = p.category_id';

/** One product; `forUpdate` locks its row until the transaction ends. */
export async function findProductRow(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CatalogProductRow | undefined> {
  const lock = options.forUpdate ? 'for update of p' : '';
  return (await q.query<CatalogProductRow>(`select ${COLUMNS} ${FROM} where p.id = $1 ${lock}`, [id]))[0];
}

/**
 * Products by slug after `afterSlug`: any status or one, in a category or below it, matching `text`
 * by name words (as prefixes), article-number prefix or EAN prefix.
 */
export async function listCatalogProductRows(
  q: Queryable,
  filter: { text?: string; status?: Status; categoryId?: string; afterSlug?: string; limit: number },
): Promise<CatalogProductRow[]> {
  const article = filter.text?.replace(/\s+/g, '').toUpperCase() || null;
  return q.query<CatalogProductRow>(
    `select ${COLUMNS} ${FROM}
      where ($1::text is null or p.slug > $1)
        and ($2::text is null or p.status = $2)
        and ($3::text is null or p.category_id in (
              with recursive below(id) as (
                select $3::text union select c2.id from categories c2 join below b on c2.parent_id = b.id)
              select id from below))
        and ($4::text is null
             or ($5::text is not null and ${PRODUCT_SEARCH_VECTOR} @@ to_tsquery('simple'::regconfig, $5))
             or exists (select 1 from skus s where s.product_id = p.id and (s.sku like $6 or s.ean like $6)))
      order by p.slug
      limit $7`,
    [
      filter.afterSlug ?? null,
      filter.status ?? null,
      filter.categoryId ?? null,
      article,
      filter.text ? wordPrefixQuery(filter.text) : null,
      article ? startsWith(article) : null,
      filter.limit,
    ],
  );
}

/** Which of `slugs` products already use. */
export async function takenProductSlugs(q: Queryable, slugs: readonly string[]): Promise<Set<string>> {
  const rows = await q.query<{ slug: string }>('select slug from products where slug = any($1)', [slugs]);
  return new Set(rows.map((r) => r.slug));
}

export interface NewProduct {
  id: string;
  slug: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  brand: string | null;
  categoryId: string | null;
  taxClass: string;
  warrantyText: string | null;
  options: OptionTemplate[];
  isBundle: boolean;
  status: Status;
}

export async function insertProduct(q: Queryable, p: NewProduct, now: Date): Promise<void> {
  await q.query(
    `insert into products (id, company_id, category_id, slug, name_sv, name_en, description_sv, description_en,
       brand, tax_class, warranty_text, options, is_bundle, status, created_at, updated_at)
     values ($1, (${COMPANY_SQL}), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
    [
      p.id,
      p.categoryId,
      p.slug,
      p.nameSv,
      p.nameEn,
      p.descriptionSv,
      p.descriptionEn,
      p.brand,
      p.taxClass,
      p.warrantyText,
      JSON.stringify(p.options),
      p.isBundle,
      p.status,
      now,
    ],
  );
}

/** The product columns an edit may change. */
export type ProductChanges = Partial<
  Pick<
    NewProduct,
    'slug' | 'nameSv' | 'nameEn' | 'descriptionSv' | 'descriptionEn' | 'brand' | 'categoryId' | 'taxClass'
  > &
    Pick<NewProduct, 'warrantyText' | 'status'>
>;

const CHANGE_COLUMNS: Record<keyof ProductChanges, string> = {
  slug: 'slug',
  nameSv: 'name_sv',
  nameEn: 'name_en',
  descriptionSv: 'description_sv',
  descriptionEn: 'description_en',
  brand: 'brand',
  categoryId: 'category_id',
  taxClass: 'tax_class',
  warrantyText: 'warranty_text',
  status: 'status',
};

/** Changes the given columns if the product is still at `version`; false when it is not. */
export async function updateProduct(
  q: Queryable,
  id: string,
  version: number,
  changes: ProductChanges,
  now: Date,
): Promise<boolean> {
  const params: unknown[] = [id, version, now];
  const sets = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      params.push(value);
      return `${CHANGE_COLUMNS[key as keyof ProductChanges]} = $${params.length}`;
    });
  const rows = await q.query(
    `update products set ${[...sets, 'version = version + 1', 'updated_at = $3'].join(', ')}
      where id = $1 and version = $2 returning id`,
    params,
  );
  return rows.length === 1;
}

// Adding a value to a template is additive and does not change what an editor sees of the
// product's own fields, so it neither needs nor bumps the version (the row is locked meanwhile).
export async function setProductOptions(q: Queryable, id: string, options: OptionTemplate[]): Promise<void> {
  await q.query('update products set options = $2 where id = $1', [id, JSON.stringify(options)]);
}

/** The back office's view of a product row with its SKUs. */
export function toCatalogProduct(row: CatalogProductRow, skus: CatalogSku[]): CatalogProduct {
  return {
    id: row.id,
    slug: row.slug,
    name: { sv: row.nameSv, en: row.nameEn },
    description: { sv: row.descriptionSv, en: row.descriptionEn },
    brand: row.brand,
    category:
      row.categoryId && row.categorySlug
        ? {
            id: row.categoryId,
            slug: row.categorySlug,
            name: { sv: row.categoryNameSv!, en: row.categoryNameEn! },
          }
        : null,
    taxClass: row.taxClass,
    warrantyText: row.warrantyText,
    options: row.options,
    isBundle: row.isBundle,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    skus,
  };
}
