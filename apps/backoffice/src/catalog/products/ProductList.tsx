import type { CatalogProduct } from '@handla/api';
import { formatPrice, useDebouncedValue, useLocale, useLocalized, useT } from '@handla/ui';
import { useCallback } from 'react';
import { PageHeading } from '../../pages/PageHeading';
import { catalogHref } from '../paths';
import { CatalogError } from '../shared/CatalogError';
import { useCategoryTree } from '../shared/lookups';
import { Pager } from '../shared/Pager';
import { StatusBadge } from '../shared/StatusBadge';
import { useCatalogApi } from '../shared/useCatalogApi';
import { useCursorPages } from '../shared/useCursorPages';
import { ProductFilterBar, type ProductFilters } from './ProductFilters';

const PAGE_SIZE = 25;

/** Products of every status: search, filter by status and category, one page at a time. */
export function ProductList({
  filters,
  onFiltersChange,
}: {
  filters: ProductFilters;
  onFiltersChange: (filters: ProductFilters) => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const categories = useCategoryTree();
  const q = useDebouncedValue(filters.q.trim(), 300);
  const { status, categoryId } = filters;
  const load = useCallback(
    (cursor: string | undefined) =>
      catalog.listProducts({
        q: q || undefined,
        status: status || undefined,
        categoryId: categoryId || undefined,
        limit: PAGE_SIZE,
        cursor,
      }),
    [catalog, q, status, categoryId],
  );
  const pages = useCursorPages(load);
  const { page } = pages;
  return (
    <>
      <PageHeading title={t('catalogAdmin.products.heading')}>
        <a className="button button-primary" href={catalogHref('products', 'new')}>
          {t('catalogAdmin.products.new')}
        </a>
      </PageHeading>
      <ProductFilterBar
        filters={filters}
        onChange={onFiltersChange}
        categories={categories.data?.items ?? []}
      />
      <CatalogError error={page.error} onRetry={page.reload} />
      <div className="table-wrap">
        <table aria-busy={page.loading}>
          <caption>
            {t('catalogAdmin.products.caption')}{' '}
            <span className="muted">· {t('paging.page', { page: pages.pageNumber })}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogAdmin.product.name')}</th>
              <th scope="col">{t('catalogAdmin.product.brand')}</th>
              <th scope="col">{t('catalogAdmin.product.category')}</th>
              <th scope="col">{t('catalogAdmin.product.status')}</th>
              <th scope="col" className="number">
                {t('catalogAdmin.product.variantCount')}
              </th>
              <th scope="col" className="number">
                {t('catalogAdmin.product.fromPrice')}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.data?.items.map((product) => (
              <ProductRow key={product.id} product={product} />
            ))}
            {page.data?.items.length === 0 && (
              <tr>
                <td colSpan={6}>{t('product.noResults')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager pages={pages} label={t('catalogAdmin.products.paging')} />
    </>
  );
}

function ProductRow({ product }: { product: CatalogProduct }) {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const prices = product.skus.flatMap((s) => (s.priceInclVat ? [s.priceInclVat] : []));
  const from = prices.reduce<(typeof prices)[number] | undefined>(
    (low, p) => (low === undefined || p.amount < low.amount ? p : low),
    undefined,
  );
  return (
    <tr>
      <th scope="row">
        <a href={catalogHref('products', product.id)}>{localized(product.name)}</a>
        {product.isBundle && <span className="badge">{t('catalogAdmin.product.bundle')}</span>}
      </th>
      <td>{product.brand ?? '–'}</td>
      <td>{product.category ? localized(product.category.name) : '–'}</td>
      <td>
        <StatusBadge status={product.status} />
      </td>
      <td className="number">{product.skus.length}</td>
      <td className="number">{from ? formatPrice(from, locale) : '–'}</td>
    </tr>
  );
}
