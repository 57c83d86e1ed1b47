import type { ReactNode } from 'react';

/** A page's title row: the heading and, optionally, what belongs beside it. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-heading">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
