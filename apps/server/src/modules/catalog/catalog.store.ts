// SQL for reading the catalog: products, their SKUs and retail prices.
import type { Queryable } from '@handla/db';

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
