// The catalog area of the back office: products and variants, categories, prices, VAT, CSV.
import './catalog.css';
import { useEffect, useRef, useState } from 'react';
import { useSubPath } from '../routes';
import { CatalogTabs } from './CatalogTabs';
import { CampaignsSection } from './campaigns/CampaignsSection';
import { CategoriesSection } from './categories/CategoriesSection';
import { ImportSection } from './import/ImportSection';
import { type CatalogLocation, parseCatalogPath } from './paths';
import { PricesSection } from './prices/PricesSection';
import { EMPTY_FILTERS, type ProductFilters } from './products/ProductFilters';
import { ProductsSection } from './products/ProductsSection';
import { VatSection } from './vat/VatSection';

/** The catalog area; its sections are addressed by the sub-path (#/catalog/…). */
export function CatalogArea() {
  const subPath = useSubPath();
  const location = parseCatalogPath(subPath);
  // The product list's filters outlive a visit to a product, so "back" finds the same list.
  const [filters, setFilters] = useState<ProductFilters>(EMPTY_FILTERS);
  const content = useRef<HTMLDivElement>(null);
  const shown = useRef(subPath);
  useEffect(() => {
    if (shown.current === subPath) return;
    shown.current = subPath;
    // A new screen inside the area: take focus there, as the main menu does for areas.
    content.current?.focus();
  }, [subPath]);
  return (
    <div className="catalog-area stack">
      <CatalogTabs current={location.tab} />
      <div className="catalog-content stack" ref={content} tabIndex={-1}>
        <Section location={location} filters={filters} onFiltersChange={setFilters} />
      </div>
    </div>
  );
}

function Section({
  location,
  filters,
  onFiltersChange,
}: {
  location: CatalogLocation;
  filters: ProductFilters;
  onFiltersChange: (filters: ProductFilters) => void;
}) {
  const { tab, rest } = location;
  switch (tab) {
    case 'products':
      return <ProductsSection rest={rest} filters={filters} onFiltersChange={onFiltersChange} />;
    case 'categories':
      return <CategoriesSection />;
    case 'prices':
      return <PricesSection rest={rest} />;
    case 'campaigns':
      return <CampaignsSection rest={rest} />;
    case 'vat':
      return <VatSection />;
    case 'import':
      return <ImportSection />;
  }
}
