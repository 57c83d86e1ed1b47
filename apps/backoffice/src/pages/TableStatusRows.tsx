import { useT } from '@handla/ui';
import type { ReactNode } from 'react';

/**
 * The one row a list table shows instead of data: "loading" while its rows are not fetched yet, the
 * area's own empty text when there are none. The cell spans every column so the table keeps its shape.
 */
export function TableStatusRows({
  rows,
  columns,
  empty,
}: {
  rows: readonly unknown[] | undefined;
  columns: number;
  empty: ReactNode;
}) {
  const t = useT();
  if (rows !== undefined && rows.length > 0) return null;
  return (
    <tr>
      <td colSpan={columns}>{rows === undefined ? t('common.loading') : empty}</td>
    </tr>
  );
}
