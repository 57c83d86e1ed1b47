import { useT } from '@handla/ui';
import type { Paging } from './useCursorPages';

/** Previous and next page of a cursor-paged table; `label` names the list for screen readers. */
export function Pager({ paging, label }: { paging: Paging; label: string }) {
  const t = useT();
  if (!paging.hasPrevious && !paging.hasNext) return null;
  return (
    <nav className="pager" aria-label={t('stockAdmin.paging', { list: label })}>
      <button
        type="button"
        className="button"
        disabled={!paging.hasPrevious || paging.loading}
        onClick={paging.previous}
      >
        {t('paging.previous')}
      </button>
      <span className="stock-page-number">{t('paging.page', { page: paging.pageNumber })}</span>
      <button
        type="button"
        className="button"
        disabled={!paging.hasNext || paging.loading}
        onClick={paging.next}
      >
        {t('paging.next')}
      </button>
    </nav>
  );
}
