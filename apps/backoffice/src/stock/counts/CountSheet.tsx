import type { SkuSummary } from '@handla/api';
import { ErrorNotice, formatDateTime, useLocale, useT } from '@handla/ui';
import { useRef, useState } from 'react';
import { stockHref } from '../paths';
import { Fact } from '../shared/Fact';
import { StatusBadge } from '../shared/StatusBadge';
import { useStockData } from '../shared/StockData';
import { StockError } from '../shared/StockError';
import { CountActions } from './CountActions';
import { CountLinesTable, SHEET_PAGE_SIZE } from './CountLinesTable';
import { CountScan } from './CountScan';
import { isShown, type SheetFilter } from './countLines';
import { SheetFilterChoice } from './SheetFilterChoice';
import { useCountSheet } from './useCountSheet';

/** A count sheet: scan or type what is on the shelf, see the differences, then complete or cancel. */
export function CountSheet({ id }: { id: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { locationName, actorName } = useStockData();
  const sheet = useCountSheet(id);
  const { count, lines } = sheet;
  const scan = useRef<HTMLInputElement>(null);
  const [filter, setFilter] = useState<SheetFilter>('all');
  const [pageIndex, setPageIndex] = useState(0);
  const [current, setCurrent] = useState<string | null>(null);
  const [isOnePerScan, setOnePerScan] = useState(false);
  const [done, setDone] = useState('');
  const shown = lines.filter((l) => isShown(l, filter));
  const pages = Math.max(1, Math.ceil(shown.length / SHEET_PAGE_SIZE));
  const page = Math.min(pageIndex, pages - 1);
  const isOpen = count?.status === 'open';

  function onScan(sku: SkuSummary) {
    const line = lines.find((l) => l.skuId === sku.id);
    if (!line) sheet.add(sku.id);
    setCurrent(sku.id);
    setDone('');
    if (isOnePerScan) {
      sheet.enter(sku.id, String((line?.counted ?? 0) + 1));
      return;
    }
    // Show the line wherever it is, then put the cursor in its field.
    const isVisible = line ? isShown(line, filter) : filter === 'all' || filter === 'uncounted';
    const list = isVisible ? shown : lines;
    if (!isVisible) setFilter('all');
    const at = line ? list.findIndex((l) => l.skuId === sku.id) : list.length;
    setPageIndex(Math.floor(Math.max(0, at) / SHEET_PAGE_SIZE));
    requestAnimationFrame(() => {
      const field = document.querySelector<HTMLInputElement>(`input[data-sku="${CSS.escape(sku.id)}"]`);
      field?.focus();
      field?.select();
    });
  }

  return (
    <>
      <a className="stock-back" href={stockHref('counts')}>
        ← {t('stockAdmin.counts.back')}
      </a>
      {sheet.loaded.error !== null && (
        <ErrorNotice error={sheet.loaded.error} onRetry={sheet.loaded.reload} />
      )}
      {count && (
        <>
          <div className="stock-toolbar">
            <h2>{t('stockAdmin.counts.title', { location: locationName(count.locationId) })}</h2>
            <StatusBadge status={count.status} />
          </div>
          <dl className="facts">
            <Fact label={t('stockAdmin.col.created')}>
              {formatDateTime(count.createdAt, locale)} · {actorName(count.createdBy)}
            </Fact>
            {count.completedAt && (
              <Fact label={t('stockAdmin.counts.completedAt')}>
                {formatDateTime(count.completedAt, locale)}
              </Fact>
            )}
            {count.note && <Fact label={t('stockAdmin.col.note')}>{count.note}</Fact>}
          </dl>
          <div role="status">{done && <p className="notice stock-done">{done}</p>}</div>
          {sheet.action.error !== null && <StockError error={sheet.action.error} onReload={sheet.reload} />}
          {isOpen && (
            <CountScan
              inputRef={scan}
              isOnePerScan={isOnePerScan}
              onOnePerScanChange={setOnePerScan}
              onScan={onScan}
            />
          )}
          <SheetFilterChoice
            value={filter}
            onChange={(f) => {
              setFilter(f);
              setPageIndex(0);
            }}
          />
          <CountLinesTable
            lines={shown.slice(page * SHEET_PAGE_SIZE, (page + 1) * SHEET_PAGE_SIZE)}
            caption={t('stockAdmin.counts.linesCaption', { shown: shown.length, total: lines.length })}
            isOpen={isOpen}
            current={current}
            onEnter={sheet.enter}
            onNext={() => scan.current?.focus()}
          />
          {pages > 1 && (
            <nav
              className="pager"
              aria-label={t('stockAdmin.paging', { list: t('stockAdmin.counts.sheet') })}
            >
              <button
                type="button"
                className="button"
                disabled={page === 0}
                onClick={() => setPageIndex(page - 1)}
              >
                {t('paging.previous')}
              </button>
              <span className="stock-page-number">
                {t('stockAdmin.counts.pageOf', { page: page + 1, pages })}
              </span>
              <button
                type="button"
                className="button"
                disabled={page >= pages - 1}
                onClick={() => setPageIndex(page + 1)}
              >
                {t('paging.next')}
              </button>
            </nav>
          )}
          {isOpen && <CountActions sheet={sheet} onDone={setDone} />}
        </>
      )}
    </>
  );
}
