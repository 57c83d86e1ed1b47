import { ErrorNotice, useLocalized, useT } from '@handla/ui';
import { ProductGrid } from '../ProductCard';
import { categoriesOf, useCatalog } from './catalog';

/** The products of one category. */
export function CategoryPage({ slug }: { slug: string }) {
  const t = useT();
  const localized = useLocalized();
  const catalog = useCatalog();
  // Links use the slug; an id (as the API names categories) finds the same page.
  const products = (catalog.data ?? []).filter((p) => p.category?.slug === slug || p.category?.id === slug);
  const category = categoriesOf(products)[0];
  if (catalog.error !== null) return <ErrorNotice error={catalog.error} onRetry={catalog.reload} />;
  if (catalog.loading) return <p role="status">{t('common.loading')}</p>;
  return (
    <section className="stack" aria-labelledby="category-heading">
      <p>
        <a href="#/">{t('shop.backHome')}</a>
      </p>
      <h1 id="category-heading">{category ? localized(category.name) : t('shop.category.empty')}</h1>
      <p className="muted">{t('product.count', { count: products.length })}</p>
      <ProductGrid products={products} />
    </section>
  );
}
