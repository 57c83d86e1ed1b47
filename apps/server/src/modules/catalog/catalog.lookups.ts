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
