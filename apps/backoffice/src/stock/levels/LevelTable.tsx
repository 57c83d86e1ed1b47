import { ErrorNotice, useT } from '@handla/ui';
import { useCallback } from 'react';
import { Pager } from '../shared/Pager';
import { useCursorPages } from '../shared/useCursorPages';
import { useStockApi } from '../shared/useStockApi';
import { LevelRows } from './LevelRows';

const PAGE_SIZE = 50;

/** Every level at the location, a page at a time. */
export function LevelTable({
  locationId,
  isCountNeededOnly,
  caption,
}: {
  locationId: string;
  isCountNeededOnly: boolean;
  caption: string;
}) {
  const t = useT();
  const stock = useStockApi();
  const { page, paging } = useCursorPages(
    useCallback(
      (cursor: string | undefined) =>
        stock.listLevels({
          locationId,
          countNeeded: isCountNeededOnly || undefined,
          limit: PAGE_SIZE,
          cursor,
        }),
      [stock, locationId, isCountNeededOnly],
    ),
  );
  return (
    <>
      {page.error !== null && <ErrorNotice error={page.error} onRetry={page.reload} />}
      <LevelRows
        locationId={locationId}
        rows={page.data?.items}
        loading={page.loading}
        caption={`${caption} · ${t('paging.page', { page: paging.pageNumber })}`}
        empty={isCountNeededOnly ? t('stockAdmin.levels.noneNeedCount') : t('stockAdmin.levels.none')}
      />
      <Pager paging={paging} label={caption} />
    </>
  );
}
