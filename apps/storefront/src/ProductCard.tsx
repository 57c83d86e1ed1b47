import type { Product } from '@handla/api';
import { formatPrice, useLocale, useLocalized, useT, variantsText } from '@handla/ui';
import { useMemberPrices } from './catalog/useMemberPrices';
import { hrefOf } from './router';

/**
 * One product in a grid, linking to its page: picture, name, brand, from-price, the member price
 * when a members-only promotion lowers it (an offer to everyone, the price a member pays), variants.
 */
export function ProductCard({
  product,
  memberPrice,
}: {
  product: Product;
  memberPrice?: number | undefined;
}) {
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
        {memberPrice !== undefined && (
          <p className="product-member-price">
            <strong>{t('shop.memberPrice.label')}</strong>{' '}
            {formatPrice({ amount: memberPrice, currency: product.fromPriceInclVat.currency }, locale)}
          </p>
        )}
        <p className="muted">{variantsText(t, product.skus.length)}</p>
      </div>
    </article>
  );
}

/** A list of product cards. */
export function ProductGrid({ products, busy = false }: { products: readonly Product[]; busy?: boolean }) {
  const memberPrices = useMemberPrices(products);
  return (
    <ul className="product-grid" aria-busy={busy}>
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} memberPrice={memberPrices.get(product.id)} />
        </li>
      ))}
    </ul>
  );
}
