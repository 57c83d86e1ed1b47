import { SearchField, useDebouncedValue, useT } from '@handla/ui';
import { useState } from 'react';
import { PageHeading } from './PageHeading';
import { ProductTable } from './ProductTable';

/** Products: search, one page at a time. */
export function ProductsPage() {
  const t = useT();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 300);
  return (
    <>
      <PageHeading title={t('nav.products')} />
      <SearchField
        label={t('product.search')}
        hint={t('product.searchHint')}
        value={query}
        onChange={setQuery}
      />
      {/* A new search starts again at page one, so the table's paging state is reset with it. */}
      <ProductTable key={q} q={q} />
    </>
  );
}
