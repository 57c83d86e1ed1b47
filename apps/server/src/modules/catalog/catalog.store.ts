// SQL for reading the catalog as the shop and the register do: products, SKUs, retail prices.
import type { Queryable } from '@handla/db';

/** The first company: Handla runs one company per database for now. */
export const COMPANY_SQL = 'select id from companies order by created_at, id limit 1';

/**
 * The retail price of SKU alias `s` as columns "unitPriceInclVat" and "currency" (a lateral join).
 * Prices belong to the pricing module; the catalog shows the retail one beside the article.
 */
export const RETAIL_PRICE_JOIN = `left join lateral (
    select pr.unit_price_incl_vat as "unitPriceInclVat", pl.currency
      from price_lists pl join prices pr on pr.price_list_id = pl.id and pr.sku_id = s.id
     where pl.is_retail order by pl.id limit 1) price on true`;

export interface ProductRow {
  id: string;
  slug: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  brand: string | null;
  isBundle: boolean;
  categoryId: string | null;
  categorySlug: string | null;
  categoryNameSv: string | null;
  categoryNameEn: string | null;
}

export interface SkuRow {
  id: string;
  productId: string;
  sku: string;
  ean: string | null;
  options: Record<string, string>;
  imageUrls: string[];
  unitPriceInclVat: number | null;
  currency: string | null;
}

/** Active products ordered by slug, after `afterSlug`, matching text `q` or a category slug. */
export async function listProductRows(
  q: Queryable,
  filter: { q?: string; category?: string; afterSlug?: string; limit: number },
): Promise<ProductRow[]> {
  return q.query<ProductRow>(
    `select p.id, p.slug, p.name_sv as "nameSv", p.name_en as "nameEn",
            p.description_sv as "descriptionSv", p.description_en as "descriptionEn", p.brand,
            p.is_bundle as "isBundle", c.id as "categoryId", c.slug as "categorySlug",
            c.name_sv as "categoryNameSv", c.name_en as "categoryNameEn"
       from products p left join categories c on c.id = p.category_id
      where p.status = 'active'
        and ($1::text is null or p.slug > $1)
        and ($2::text is null or c.slug = $2)
        and ($3::text is null
             or p.name_sv ilike '%' || $3 || '%' or p.name_en ilike '%' || $3 || '%'
             or p.brand ilike $3 || '%'
             or exists (select 1 from skus s where s.product_id = p.id and (s.sku = $3 or s.ean = $3)))
      order by p.slug
      limit $4`,
    [filter.afterSlug ?? null, filter.category ?? null, filter.q ?? null, filter.limit],
  );
}

/** The active SKUs of the given products with their retail price. */
export async function listSkuRows(q: Queryable, productIds: string[]): Promise<SkuRow[]> {
  if (productIds.length === 0) return [];
  return q.query<SkuRow>(
    `select s.id, s.product_id as "productId", s.sku, s.ean, s.options, s.image_urls as "imageUrls",
            pr.unit_price_incl_vat as "unitPriceInclVat", pl.currency
       from skus s
       left join price_lists pl on pl.is_retail
       left join prices pr on pr.sku_id = s.id and pr.price_list_id = pl.id
      where s.product_id = any($1) and s.status = 'active'
      order by s.product_id, s.sort_order, s.sku`,
    [productIds],
  );
}

/** A SKU row as the register shows it. */
export interface SkuSummaryRow {
  id: string;
  sku: string;
  ean: string | null;
  productId: string;
  nameSv: string;
  nameEn: string;
  options: Record<string, string>;
  unitPriceInclVat: number | null;
  currency: string | null;
  taxClass: string;
  warrantyText: string | null;
  isBundle: boolean;
  skuStatus: 'active' | 'hidden' | 'discontinued';
  productStatus: 'active' | 'hidden' | 'discontinued';
  imageUrls: string[];
}

const SUMMARY_COLUMNS = `s.id, s.sku, s.ean, s.product_id as "productId", p.name_sv as "nameSv",
  p.name_en as "nameEn", s.options, price."unitPriceInclVat", price.currency, p.tax_class as "taxClass",
  p.warranty_text as "warrantyText", p.is_bundle as "isBundle", s.status as "skuStatus",
  p.status as "productStatus", s.image_urls as "imageUrls"`;

/** The words of `text` as a tsquery in which each word is a prefix ('trö mer' → 'trö':* & 'mer':*). */
export function wordPrefixQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[&|!():*<>'\\]/g, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length ? words.map((w) => `'${w}':*`).join(' & ') : null;
}

/** `text` as a LIKE pattern matching everything that starts with it. */
export const startsWith = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The text the name search runs on; the same expression as the products_search_idx index. */
export const PRODUCT_SEARCH_VECTOR = `to_tsvector('simple'::regconfig, p.name_sv || ' ' || p.name_en || ' ' || coalesce(p.brand, ''))`;

/** The SKU whose EAN (any GTIN spelling) is `gtin14`, or whose article number is `article`; EAN first. */
export async function findSkuSummaryByCode(
  q: Queryable,
  code: { gtin14: string | null; article: string },
): Promise<SkuSummaryRow | undefined> {
  const [row] = await q.query<SkuSummaryRow>(
    `select ${SUMMARY_COLUMNS}
       from skus s join products p on p.id = s.product_id ${RETAIL_PRICE_JOIN}
      where lpad(s.ean, 14, '0') = $1 or s.sku = $2
      order by (lpad(s.ean, 14, '0') = $1) desc nulls last
      limit 1`,
    [code.gtin14, code.article],
  );
  return row;
}

/** The SKUs with these ids, in article-number order (for naming SKUs that other answers carry by id). */
export async function findSkuSummariesByIds(q: Queryable, ids: readonly string[]): Promise<SkuSummaryRow[]> {
  return q.query<SkuSummaryRow>(
    `select ${SUMMARY_COLUMNS}
       from skus s join products p on p.id = s.product_id ${RETAIL_PRICE_JOIN}
      where s.id = any($1) order by s.sku`,
    [ids],
  );
}

/**
 * SKUs for the register's search field, not discontinued, best first: an exact EAN or article
 * number, then article numbers and EANs starting with the text, then names whose words start with
 * its words (names that start with the text before the rest). Each branch reads at most `limit`
 * rows through its own index; the name branch picks the best 2 × `limit` products before it
 * touches SKUs, since a short prefix can match thousands of them (only products whose SKUs are
 * nearly all discontinued could leave a page short).
 */
export async function searchSkuSummaries(
  q: Queryable,
  search: { text: string; limit: number },
): Promise<SkuSummaryRow[]> {
  const article = search.text.replace(/\s+/g, '').toUpperCase();
  const digits = /^\d+$/.test(article) ? article : null;
  const sellable = `s.status <> 'discontinued' and p.status <> 'discontinued'`;
  return q.query<SkuSummaryRow>(
    `with hits as (
       select s.id, 0 as rank from skus s join products p on p.id = s.product_id
        where (s.sku = $1 or lpad(s.ean, 14, '0') = lpad($2, 14, '0')) and ${sellable}
       union all
       (select s.id, 1 from skus s join products p on p.id = s.product_id
         where s.sku like $3 and ${sellable} order by s.sku limit $6)
       union all
       (select s.id, 1 from skus s join products p on p.id = s.product_id
         where $2::text is not null and s.ean like $4 and ${sellable} order by s.ean limit $6)
       union all
       (select s.id, 2
          from (select p.id, p.name_sv, lower(p.name_sv) like $7 as starts from products p
                 where $5::text is not null and ${PRODUCT_SEARCH_VECTOR} @@ to_tsquery('simple'::regconfig, $5)
                   and p.status <> 'discontinued'
                 order by starts desc, p.name_sv, p.id limit 2 * $6) p
          join skus s on s.product_id = p.id and s.status <> 'discontinued'
         order by p.starts desc, p.name_sv, p.id, s.sort_order, s.sku limit $6)
     ), best as (select id, min(rank) as rank from hits group by id)
     select ${SUMMARY_COLUMNS}
       from best b join skus s on s.id = b.id join products p on p.id = s.product_id ${RETAIL_PRICE_JOIN}
      order by b.rank, lower(p.name_sv) like $7 desc, p.name_sv, p.id, s.sort_order, s.sku
      limit $6`,
    [
      article,
      digits,
      startsWith(article),
      digits ? startsWith(digits) : null,
      wordPrefixQuery(search.text),
      search.limit,
      startsWith(search.text.toLowerCase()),
    ],
  );
}
