// The catalog area of the typed client: products, categories, prices, VAT, CSV import/export.
import type { Transport } from './client';

/** Catalog methods on top of the shared transport. */
export function createCatalogClient(_t: Transport) {
  return {};
}
