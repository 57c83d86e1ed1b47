import { ErrorNotice, SearchField, useDebouncedValue, useProductSearch, useT } from '@handla/ui';
import { useState } from 'react';
import { useShopPricedProducts } from './layout/ShopContext';
import { ProductGrid } from './ProductCard';

/** Searchable product grid with "Show more". */
export function ProductCatalog() {
  const t = useT();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query, 300);
  const { items, hasMore, loading, error, loadMore, retry } = useProductSearch(q, 24);
  const priced = useShopPricedProducts(items);

  return (
    <section className="stack" aria-labelledby="products-heading">
      <h2 id="products-heading">{t('shop.products')}</h2>
      <SearchField
        label={t('product.search')}
        hint={t('product.searchHint')}
        value={query}
        onChange={setQuery}
      />
      <p className="visually-hidden" role="status">
        {loading ? t('common.loading') : t('product.count', { count: items.length })}
      </p>
      {error !== null && <ErrorNotice error={error} onRetry={retry} />}
      {!loading && !error && items.length === 0 && <p>{t('product.noResults')}</p>}
      <ProductGrid products={priced} busy={loading} />
      {hasMore && (
        <button type="button" className="button button-large show-more" onClick={loadMore} disabled={loading}>
          {loading ? t('common.loading') : t('common.showMore')}
        </button>
      )}
    </section>
  );
}
