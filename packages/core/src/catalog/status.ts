// What a product's or SKU's status means where it is sold.

/** Active: sold everywhere. Hidden: not listed in the web shop, still sold in stores. Discontinued: not sold. */
export const CATALOG_STATUSES = ['active', 'hidden', 'discontinued'] as const;
/** One of the catalog statuses. */
export type CatalogStatus = (typeof CATALOG_STATUSES)[number];

/** The status a SKU is sold under: the more restrictive of its product's and its own. */
export function effectiveStatus(productStatus: CatalogStatus, skuStatus: CatalogStatus): CatalogStatus {
  return CATALOG_STATUSES[
    Math.max(CATALOG_STATUSES.indexOf(productStatus), CATALOG_STATUSES.indexOf(skuStatus))
  ]!;
}
