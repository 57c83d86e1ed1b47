import { ErrorNotice, type Loaded, useT } from '@handla/ui';
import { type ReactNode, useId } from 'react';

/** A report's frame: heading, CSV link, loading and error states, then its content. */
export function ReportPanel({
  title,
  csvHref,
  loaded,
  children,
}: {
  title: string;
  csvHref: string;
  loaded: Loaded<unknown>;
  children: ReactNode;
}) {
  const t = useT();
  const id = useId();
  return (
    <section className="reports-panel stack" aria-labelledby={`${id}-h`} aria-busy={loaded.loading}>
      <div className="reports-panel-head">
        <h3 id={`${id}-h`}>{title}</h3>
        <a className="button" href={csvHref} download>
          {t('reportsAdmin.exportCsv')}
        </a>
      </div>
      {loaded.loading && <p className="muted">{t('reportsAdmin.loading')}</p>}
      {loaded.error !== null && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {children}
    </section>
  );
}

/** A chart hidden from screen readers, and the table with the same figures under "Show as a table". */
export function ChartAndTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  const t = useT();
  return (
    <>
      <div className="reports-chart" aria-hidden="true">
        {chart}
      </div>
      <details>
        <summary>{t('reportsAdmin.showTable')}</summary>
        <div className="table-wrap">{table}</div>
      </details>
    </>
  );
}
