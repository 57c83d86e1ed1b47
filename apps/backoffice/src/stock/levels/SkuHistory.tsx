import { ErrorNotice, useT } from '@handla/ui';
import { useCallback } from 'react';
import { MovementTable } from '../movements/MovementTable';
import { Pager } from '../shared/Pager';
import { useCursorPages } from '../shared/useCursorPages';
import { useStockApi } from '../shared/useStockApi';

const PAGE_SIZE = 20;

/** The SKU's ledger at the location, newest first, a page at a time; `changes` reads it again. */
export function SkuHistory({
  skuId,
  locationId,
  changes,
}: {
  skuId: string;
  locationId: string;
  changes: number;
}) {
  const t = useT();
  const stock = useStockApi();
  const { page, paging } = useCursorPages(
    // biome-ignore lint/correctness/useExhaustiveDependencies: a new booking starts again at the newest page
    useCallback(
      (cursor: string | undefined) => stock.listMovements({ skuId, locationId, limit: PAGE_SIZE, cursor }),
      [stock, skuId, locationId, changes],
    ),
  );
  const caption = t('stockAdmin.sku.history');
  return (
    <section className="stack" aria-labelledby="stock-history-heading">
      <h3 id="stock-history-heading">{caption}</h3>
      {page.error !== null && <ErrorNotice error={page.error} onRetry={page.reload} />}
      <MovementTable
        movements={page.data?.items}
        loading={page.loading}
        caption={`${caption} · ${t('paging.page', { page: paging.pageNumber })}`}
        showSku={false}
        showLocation={false}
      />
      <Pager paging={paging} label={caption} />
    </section>
  );
}
