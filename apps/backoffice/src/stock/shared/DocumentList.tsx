// The frame every stock document list shares (transfers, counts, purchase orders): a toolbar
// with its actions, a status filter beside the list's own filters, the paged table with a
// caption, an empty row, and the pager. Each list brings its columns and rows.
import { ErrorNotice, type Loaded, type MessageKey, useT } from '@handla/ui';
import { type ReactNode, useId } from 'react';
import { Pager } from './Pager';
import type { CursorPage, Paging } from './useCursorPages';

export function DocumentList<T, S extends string>({
  caption,
  actions,
  statuses,
  status,
  onStatus,
  filters,
  page,
  paging,
  columns,
  row,
  none,
}: {
  caption: string;
  actions: ReactNode;
  statuses: readonly S[];
  status: S | '';
  onStatus: (status: S | '') => void;
  /** The list's own filters, after the status. */
  filters: ReactNode;
  page: Loaded<CursorPage<T>>;
  paging: Paging;
  /** The column headings; numeric columns are right-aligned. */
  columns: readonly { label: string; number?: boolean }[];
  row: (item: T) => ReactNode;
  none: MessageKey;
}) {
  const t = useT();
  const id = useId();
  return (
    <>
      <div className="stock-toolbar">
        <h2>{caption}</h2>
        {actions}
      </div>
      <div className="stock-filters">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('stockAdmin.col.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => onStatus(e.target.value as S | '')}>
            <option value="">{t('stockAdmin.anyStatus')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`stockAdmin.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        {filters}
      </div>
      {page.error !== null && <ErrorNotice error={page.error} onRetry={page.reload} />}
      <div className="table-wrap">
        <table aria-busy={page.loading}>
          <caption>
            {caption} · {t('paging.page', { page: paging.pageNumber })}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.number ? 'number' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.data?.items.map(row)}
            {page.data?.items.length === 0 && (
              <tr>
                <td colSpan={columns.length}>{t(none)}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager paging={paging} label={caption} />
    </>
  );
}
