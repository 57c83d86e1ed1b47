import type { ImportJob } from '@handla/api';
import { formatDateTime, type Loaded, useLocale, useT } from '@handla/ui';
import { CatalogError } from '../shared/CatalogError';

/** The latest imports, dry runs included, newest first. */
export function RecentImports({ recent }: { recent: Loaded<{ items: ImportJob[] }> }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section className="stack" aria-labelledby="recent-imports-heading">
      <h3 id="recent-imports-heading">{t('catalogAdmin.import.recent')}</h3>
      <CatalogError error={recent.error} onRetry={recent.reload} />
      <div className="table-wrap">
        <table aria-busy={recent.loading}>
          <caption>{t('catalogAdmin.import.recentCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogAdmin.import.started')}</th>
              <th scope="col">{t('catalogAdmin.import.kindColumn')}</th>
              <th scope="col">{t('catalogAdmin.import.fileName')}</th>
              <th scope="col">{t('catalogAdmin.import.mode')}</th>
              <th scope="col">{t('catalogAdmin.import.result')}</th>
              <th scope="col" className="number">
                {t('catalogAdmin.import.rows')}
              </th>
              <th scope="col" className="number">
                {t('catalogAdmin.import.errorCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {recent.data?.items.map((job) => (
              <tr key={job.id}>
                <th scope="row">
                  <time dateTime={job.createdAt}>{formatDateTime(job.createdAt, locale)}</time>
                </th>
                <td>{t(`catalogAdmin.import.kind.${job.kind}`)}</td>
                <td>{job.fileName ?? '–'}</td>
                <td>{job.isDryRun ? t('catalogAdmin.import.dryRun') : t('catalogAdmin.import.realRun')}</td>
                <td>
                  {job.status === 'failed' && job.errorCount > 0
                    ? t('catalogAdmin.import.status.invalid')
                    : t(`catalogAdmin.import.status.${job.status}`)}
                </td>
                <td className="number">{job.totalRows}</td>
                <td className="number">{job.errorCount}</td>
              </tr>
            ))}
            {recent.data?.items.length === 0 && (
              <tr>
                <td colSpan={7}>{t('catalogAdmin.import.noneYet')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
