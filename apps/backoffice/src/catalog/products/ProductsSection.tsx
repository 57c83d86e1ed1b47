import { NewProductPage } from './NewProductPage';
import type { ProductFilters } from './ProductFilters';
import { ProductList } from './ProductList';
import { ProductPage } from './ProductPage';

/** Products: the list (#/catalog/products), a new one (…/new) or one product (…/:id). */
export function ProductsSection({
  rest,
  filters,
  onFiltersChange,
}: {
  rest: string[];
  filters: ProductFilters;
  onFiltersChange: (filters: ProductFilters) => void;
}) {
  const [first] = rest;
  if (first === 'new') return <NewProductPage />;
  if (first) return <ProductPage key={first} productId={first} />;
  return <ProductList filters={filters} onFiltersChange={onFiltersChange} />;
}
