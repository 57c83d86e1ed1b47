import type { ReactNode } from 'react';

/**
 * A list's table: it scrolls sideways on a narrow screen rather than squeeze, a caption names it for
 * screen readers, `head` holds the column headers and `children` the rows.
 */
export function ListTable({
  caption,
  head,
  children,
}: {
  caption: ReactNode;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
