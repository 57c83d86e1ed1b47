import { ErrorNotice, formatPrice, useLocale, useLocalized, useT } from '@handla/ui';
import { useEffect, useState } from 'react';
import { useCart } from '../cart/CartProvider';
import { lineFor } from '../cart/cart';
import { hrefOf } from '../router';
import { useCatalog } from './catalog';
import { StockInStore } from './StockInStore';
import { VariantPicker } from './VariantPicker';
import { initialSelection, skuForSelection } from './variants';

/** One product: picture, text, variant picker, stock in the chosen store, "add to cart". */
export function ProductPage({ slug }: { slug: string }) {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const catalog = useCatalog();
  const cart = useCart();
  const product = catalog.data?.find((p) => p.slug === slug);
  const [selection, setSelection] = useState<Record<string, string>>({});
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState('');

  useEffect(() => {
    setSelection(initialSelection(product?.skus ?? []));
    setAdded('');
  }, [product]);

  if (catalog.error !== null) return <ErrorNotice error={catalog.error} onRetry={catalog.reload} />;
  if (catalog.loading) return <p role="status">{t('common.loading')}</p>;
  if (!product) {
    return (
      <section className="stack">
        <h1>{t('shop.product.notFound')}</h1>
        <p>
          <a href="#/">{t('shop.backHome')}</a>
        </p>
      </section>
    );
  }
  const name = localized(product.name);
  const sku = skuForSelection(product.skus, selection);

  const addToCart = () => {
    const line = sku && lineFor(product, sku.id, quantity);
    if (!line) return;
    cart.add(line);
    setAdded(t('shop.product.added', { name: line.variantName ? `${name} (${line.variantName})` : name }));
  };

  return (
    <article className="product-page stack">
      {product.category && (
        <p>
          <a href={hrefOf({ page: 'category', slug: product.category.slug })}>
            {localized(product.category.name)}
          </a>
        </p>
      )}
      {product.imageUrl ? (
        <img className="product-hero" src={product.imageUrl} alt={name} width={800} height={600} />
      ) : (
        <div className="product-hero product-image-placeholder" aria-hidden="true">
          {name.charAt(0)}
        </div>
      )}
      <div className="stack-tight">
        <h1>{name}</h1>
        {product.brand && <p className="muted">{product.brand}</p>}
        <p className="product-price product-price-large">
          {sku
            ? formatPrice(sku.priceInclVat, locale)
            : t('product.fromPrice', { price: formatPrice(product.fromPriceInclVat, locale) })}
        </p>
      </div>
      <VariantPicker skus={product.skus} selection={selection} onChange={setSelection} />
      {!sku && product.skus.length > 1 && (
        <p className="notice notice-warning">{t('shop.product.combinationMissing')}</p>
      )}
      <StockInStore skuId={sku?.id} />
      <div className="add-to-cart">
        <div className="field quantity-field">
          <label htmlFor="quantity">{t('shop.cart.quantity')}</label>
          <input
            id="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            value={quantity}
            onChange={(e) => setQuantity(Math.max(1, Math.min(99, Number(e.target.value) || 1)))}
          />
        </div>
        <button
          type="button"
          className="button button-primary button-large"
          disabled={!sku}
          onClick={addToCart}
        >
          {t('shop.product.addToCart')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {added && (
          <p className="notice">
            {added} <a href="#/cart">{t('shop.product.toCart')}</a>
          </p>
        )}
      </div>
      {localized(product.description) && (
        <p className="product-description">{localized(product.description)}</p>
      )}
    </article>
  );
}
