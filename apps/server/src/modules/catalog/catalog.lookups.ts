// What other modules may read from the catalog (they never query its tables themselves):
// the facts about SKUs that pricing and inventory need.
import type { Queryable } from '@handla/db';

/** The facts about one SKU that pricing and stock rules depend on. */
export interface SkuFacts {
  skuId: string;
  productId: string;
  sku: string;
  taxClass: string;
  isBundle: boolean;
  status: 'active' | 'hidden' | 'discontinued';
}

/** Facts for the given SKU ids; unknown ids are simply absent from the result. */
export async function findSkuFacts(q: Queryable, skuIds: readonly string[]): Promise<SkuFacts[]> {
  if (skuIds.length === 0) return [];
  return q.query<SkuFacts>(
    `select s.id as "skuId", s.product_id as "productId", s.sku, p.tax_class as "taxClass",
            p.is_bundle as "isBundle", s.status
       from skus s join products p on p.id = s.product_id
      where s.id = any($1)`,
    [skuIds],
  );
}

/** A bundle SKU's component SKUs and how many of each one bundle takes. */
export interface BundleComponent {
  bundleSkuId: string;
  componentSkuId: string;
  quantity: number;
}

/** The components of the given bundle SKUs (nothing for SKUs that are not bundles). */
export async function listBundleComponents(
  q: Queryable,
  bundleSkuIds: readonly string[],
): Promise<BundleComponent[]> {
  if (bundleSkuIds.length === 0) return [];
  return q.query<BundleComponent>(
    `select bundle_sku_id as "bundleSkuId", component_sku_id as "componentSkuId", quantity
       from bundle_components where bundle_sku_id = any($1) order by bundle_sku_id, component_sku_id`,
    [bundleSkuIds],
  );
}

/** For each of the given component SKUs, the bundle SKUs that contain it (a bundle's availability follows them). */
export async function listBundlesContaining(
  q: Queryable,
  componentSkuIds: readonly string[],
): Promise<BundleComponent[]> {
  if (componentSkuIds.length === 0) return [];
  return q.query<BundleComponent>(
    `select bundle_sku_id as "bundleSkuId", component_sku_id as "componentSkuId", quantity
       from bundle_components where component_sku_id = any($1) order by component_sku_id, bundle_sku_id`,
    [componentSkuIds],
  );
}

/** What promotion rules match a SKU on: its product, brand, and its category with every ancestor. */
export interface SkuPromotionFacts {
  skuId: string;
  productId: string;
  brand: string | null;
  categoryIds: string[];
}

/** Promotion facts for the given SKU ids; unknown ids are absent. */
export async function findSkuPromotionFacts(
  q: Queryable,
  skuIds: readonly string[],
): Promise<SkuPromotionFacts[]> {
  if (skuIds.length === 0) return [];
  return q.query<SkuPromotionFacts>(
    `with recursive chain (sku_id, category_id) as (
       select s.id, p.category_id from skus s join products p on p.id = s.product_id
        where s.id = any($1) and p.category_id is not null
       union
       select chain.sku_id, c.parent_id from chain join categories c on c.id = chain.category_id
        where c.parent_id is not null)
     select s.id as "skuId", s.product_id as "productId", p.brand,
            coalesce((select array_agg(chain.category_id order by chain.category_id) from chain
                       where chain.sku_id = s.id), '{}') as "categoryIds"
       from skus s join products p on p.id = s.product_id
      where s.id = any($1)`,
    [skuIds],
  );
}

/** Which of the given product ids, category ids and brand names exist. */
export async function findKnownCatalogRefs(
  q: Queryable,
  refs: { productIds: readonly string[]; categoryIds: readonly string[]; brands: readonly string[] },
): Promise<{ productIds: Set<string>; categoryIds: Set<string>; brands: Set<string> }> {
  const products = await q.query<{ id: string }>('select id from products where id = any($1)', [
    refs.productIds,
  ]);
  const categories = await q.query<{ id: string }>('select id from categories where id = any($1)', [
    refs.categoryIds,
  ]);
  const brands = await q.query<{ brand: string }>(
    'select distinct brand from products where brand = any($1)',
    [refs.brands],
  );
  return {
    productIds: new Set(products.map((r) => r.id)),
    categoryIds: new Set(categories.map((r) => r.id)),
    brands: new Set(brands.map((r) => r.brand)),
  };
}
