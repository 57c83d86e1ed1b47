import { useT } from '@handla/ui';
import type { CursorPages } from './useCursorPages';

/** Previous and next page buttons under a paged table. */
export function Pager<T>({ pages, label }: { pages: CursorPages<T>; label: string }) {
  const t = useT();
  const busy = pages.page.loading;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button" disabled={!pages.hasPrevious || busy} onClick={pages.previous}>
        {t('paging.previous')}
      </button>
      <span className="pager-page">{t('paging.page', { page: pages.pageNumber })}</span>
      <button type="button" className="button" disabled={!pages.hasNext || busy} onClick={pages.next}>
        {t('paging.next')}
      </button>
    </nav>
  );
}
