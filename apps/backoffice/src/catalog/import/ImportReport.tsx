import type { ImportJob } from '@handla/api';
import { type MessageKey, useT } from '@handla/ui';
import { useEffect, useRef } from 'react';

// The summary's counters the server reports, by dry run or real run and kind.
const SUMMARY_KEYS: Record<string, MessageKey> = {
  rows: 'catalogAdmin.import.summary.rows',
  productsToCreate: 'catalogAdmin.import.summary.productsToCreate',
  productsToUpdate: 'catalogAdmin.import.summary.productsToUpdate',
  pricesToSet: 'catalogAdmin.import.summary.pricesToSet',
  levelsToCount: 'catalogAdmin.import.summary.levelsToCount',
  productsCreated: 'catalogAdmin.import.summary.productsCreated',
  productsUpdated: 'catalogAdmin.import.summary.productsUpdated',
  skusWritten: 'catalogAdmin.import.summary.skusWritten',
  pricesSet: 'catalogAdmin.import.summary.pricesSet',
  pricesInFile: 'catalogAdmin.import.summary.pricesInFile',
  pricesChanged: 'catalogAdmin.import.summary.pricesChanged',
  levelsInFile: 'catalogAdmin.import.summary.levelsInFile',
  levelsChanged: 'catalogAdmin.import.summary.levelsChanged',
};

function outcomeKey(job: ImportJob): MessageKey {
  if (job.status === 'failed')
    return job.errorCount > 0 ? 'catalogAdmin.import.hasErrors' : 'catalogAdmin.import.failed';
  return job.isDryRun ? 'catalogAdmin.import.dryRunOk' : 'catalogAdmin.import.done';
}

/** A finished job's report: what it would do or did, and every bad row with its line and column. */
export function ImportReport({ job }: { job: ImportJob }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // The report replaces the progress bar; bring keyboard and screen-reader users to it.
  useEffect(() => heading.current?.focus(), []);
  const isOk = job.status === 'succeeded';
  return (
    <section
      className={`import-report stack notice ${isOk ? 'notice-ok' : 'notice-error'}`}
      aria-labelledby={`report-${job.id}`}
    >
      <h4 id={`report-${job.id}`} ref={heading} tabIndex={-1}>
        {t(outcomeKey(job), { count: job.errorCount, file: job.fileName ?? '' })}
      </h4>
      {job.status === 'failed' && job.errorCount === 0 && job.failure && <p>{job.failure}</p>}
      {job.summary && (
        <dl className="facts">
          {Object.entries(job.summary).map(([key, value]) => (
            <div className="fact" key={key}>
              <dt>{SUMMARY_KEYS[key] ? t(SUMMARY_KEYS[key]) : key}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {job.isDryRun && isOk && <p>{t('catalogAdmin.import.readyToImport')}</p>}
      {job.errors.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>
              {t('catalogAdmin.import.errorsCaption')}
              {job.errorCount > job.errors.length && (
                <span className="muted">
                  {' '}
                  ·{' '}
                  {t('catalogAdmin.import.errorsShown', { shown: job.errors.length, count: job.errorCount })}
                </span>
              )}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="number">
                  {t('catalogAdmin.import.line')}
                </th>
                <th scope="col">{t('catalogAdmin.import.column')}</th>
                <th scope="col">{t('catalogAdmin.import.error')}</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.map((e) => (
                <tr key={`${e.line}-${e.field}-${e.message}`}>
                  <th scope="row" className="number">
                    {e.line}
                  </th>
                  <td>
                    <code>{e.field}</code>
                  </td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
