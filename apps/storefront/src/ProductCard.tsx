import type { Product } from '@handla/api';
import { formatPrice, useLocale, useLocalized, useT, variantsText } from '@handla/ui';
import { hrefOf } from './router';

/** One product in a grid, linking to its page: picture, name, brand, from-price and variants. */
export function ProductCard({ product }: { product: Product }) {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const name = localized(product.name);
  return (
    <article className="card product-card">
      {product.imageUrl ? (
        <img src={product.imageUrl} alt="" loading="lazy" decoding="async" width={400} height={400} />
      ) : (
        <div className="product-image-placeholder" aria-hidden="true">
          {name.charAt(0)}
        </div>
      )}
      <div className="product-card-body">
        <h3>
          <a className="product-card-link" href={hrefOf({ page: 'product', slug: product.slug })}>
            {name}
          </a>
        </h3>
        {product.brand && <p className="muted">{product.brand}</p>}
        <p className="product-price">
          {t('product.fromPrice', { price: formatPrice(product.fromPriceInclVat, locale) })}
        </p>
        <p className="muted">{variantsText(t, product.skus.length)}</p>
      </div>
    </article>
  );
}

/** A list of product cards. */
export function ProductGrid({ products, busy = false }: { products: readonly Product[]; busy?: boolean }) {
  return (
    <ul className="product-grid" aria-busy={busy}>
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} />
        </li>
      ))}
    </ul>
  );
}
