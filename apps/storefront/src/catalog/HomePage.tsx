import { useLocalized, useT } from '@handla/ui';
import { ProductCatalog } from '../ProductCatalog';
import { hrefOf } from '../router';
import { StoreList } from '../StoreList';
import { categoriesOf, useCatalog } from './catalog';

/** The front page: a welcome, the categories, searchable products and the stores. */
export function HomePage() {
  const t = useT();
  const localized = useLocalized();
  const catalog = useCatalog();
  const categories = categoriesOf(catalog.data ?? []);
  return (
    <>
      <section className="shop-hero">
        <h1>{t('shop.home.heading')}</h1>
        <p>{t('shop.home.intro')}</p>
      </section>
      {categories.length > 0 && (
        <nav aria-labelledby="categories-heading" className="stack">
          <h2 id="categories-heading">{t('shop.categories')}</h2>
          <ul className="category-chips">
            {categories.map((c) => (
              <li key={c.slug}>
                <a className="chip" href={hrefOf({ page: 'category', slug: c.slug })}>
                  {localized(c.name)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ProductCatalog />
      <StoreList />
    </>
  );
}
