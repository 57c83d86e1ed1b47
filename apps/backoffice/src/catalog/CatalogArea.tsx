// The catalog area of the back office: products and variants, categories, prices, VAT, CSV.
import { ProductsPage } from '../pages/ProductsPage';

/** The catalog area; its sections are addressed by the sub-path (#/catalog/…). */
export function CatalogArea() {
  return <ProductsPage />;
}
