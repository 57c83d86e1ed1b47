import type { Product, Sku } from '@handla/api';
import {
  ErrorNotice,
  formatPrice,
  SearchField,
  useDebouncedValue,
  useLocale,
  useLocalized,
  useProductSearch,
  useT,
} from '@handla/ui';
import { useState } from 'react';

/** "Produkter": search by name, brand or scanned code and read each variant's price. */
export function PriceLookup() {
  const t = useT();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query, 250);
  const { items, hasMore, loading, error, loadMore, retry } = useProductSearch(q, 20);
  return (
    <section className="card stack register-products" aria-labelledby="pos-products-heading">
      <h2 id="pos-products-heading">{t('pos.products')}</h2>
      <SearchField
        label={t('product.search')}
        hint={t('product.searchHint')}
        value={query}
        onChange={setQuery}
        autoFocus
      />
      <p className="visually-hidden" role="status">
        {loading ? t('common.loading') : t('product.count', { count: items.length })}
      </p>
      {error !== null && <ErrorNotice error={error} onRetry={retry} />}
      {!loading && !error && items.length === 0 && <p>{t('product.noResults')}</p>}
      <ul className="price-list">
        {items.map((product) => (
          <PriceListItem key={product.id} product={product} />
        ))}
      </ul>
      {hasMore && (
        <button type="button" className="button button-large" onClick={loadMore} disabled={loading}>
          {loading ? t('common.loading') : t('common.showMore')}
        </button>
      )}
    </section>
  );
}

// "Röd / M" for a variant; empty for a product that comes in one variant only.
function optionsText(sku: Sku): string {
  return Object.values(sku.options).join(' / ');
}

function PriceListItem({ product }: { product: Product }) {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  return (
    <li className="price-list-item">
      <div className="price-list-product">
        <strong>{localized(product.name)}</strong>
        {product.brand && <span className="muted"> · {product.brand}</span>}
      </div>
      <dl className="price-list-skus">
        {product.skus.map((sku) => (
          <div key={sku.id}>
            <dt>
              {optionsText(sku) && <span>{optionsText(sku)} </span>}
              <span className="muted">
                <span className="visually-hidden">{t('product.sku')} </span>
                {sku.sku}
              </span>
            </dt>
            <dd>{formatPrice(sku.priceInclVat, locale)}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
