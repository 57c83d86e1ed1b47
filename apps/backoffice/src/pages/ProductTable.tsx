import type { Product } from '@handla/api';
import { ErrorNotice, formatPrice, useApi, useLoader, useLocale, useLocalized, useT } from '@handla/ui';
import { useCallback, useState } from 'react';

const PAGE_SIZE = 25;

/** One page of products matching `q`, with previous/next page by cursor. */
export function ProductTable({ q }: { q: string }) {
  const t = useT();
  const api = useApi();
  // The cursors of the pages walked so far; the last one is the page on screen.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const page = useLoader(
    useCallback(() => api.listProducts({ q: q || undefined, limit: PAGE_SIZE, cursor }), [api, q, cursor]),
  );
  const nextCursor = page.data?.nextCursor ?? null;

  return (
    <>
      {page.error !== null && <ErrorNotice error={page.error} onRetry={page.reload} />}
      <div className="table-wrap">
        <table aria-busy={page.loading}>
          <caption>
            {t('nav.products')} <span className="muted">· {t('paging.page', { page: cursors.length })}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('product.name')}</th>
              <th scope="col">{t('product.brand')}</th>
              <th scope="col">{t('product.category')}</th>
              <th scope="col" className="number">
                {t('product.variantCount')}
              </th>
              <th scope="col" className="number">
                {t('product.price')}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.data?.items.map((product) => (
              <ProductRow key={product.id} product={product} />
            ))}
            {page.data?.items.length === 0 && (
              <tr>
                <td colSpan={5}>{t('product.noResults')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <button
          type="button"
          className="button"
          disabled={cursors.length === 1 || page.loading}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('paging.previous')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!nextCursor || page.loading}
          onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
        >
          {t('paging.next')}
        </button>
      </div>
    </>
  );
}

function ProductRow({ product }: { product: Product }) {
  const { locale } = useLocale();
  const localized = useLocalized();
  return (
    <tr>
      <th scope="row">{localized(product.name)}</th>
      <td>{product.brand ?? '–'}</td>
      <td>{product.category ? localized(product.category.name) : '–'}</td>
      <td className="number">{product.skus.length}</td>
      <td className="number">{formatPrice(product.fromPriceInclVat, locale)}</td>
    </tr>
  );
}
