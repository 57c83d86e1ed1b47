import type { ImportJob } from '@handla/api';
import { useT } from '@handla/ui';
import { useId } from 'react';

/** The running job's phase and rows done of all, as a progress bar and a status line. */
export function ImportProgress({ job, isStarting }: { job: ImportJob | null; isStarting: boolean }) {
  const t = useT();
  const id = useId();
  const isRunning = isStarting || (job !== null && (job.status === 'validating' || job.status === 'writing'));
  const phase =
    isStarting || !job ? t('catalogAdmin.import.uploading') : t(`catalogAdmin.import.status.${job.status}`);
  const hasRows = job !== null && job.totalRows > 0;
  return (
    <div className={isRunning ? 'import-progress stack' : 'visually-hidden'}>
      <p role="status" id={`${id}-label`}>
        {isRunning
          ? hasRows
            ? t('catalogAdmin.import.progress', { phase, done: job.processedRows, total: job.totalRows })
            : phase
          : ''}
      </p>
      {isRunning && (
        <progress
          aria-labelledby={`${id}-label`}
          max={hasRows ? job.totalRows : undefined}
          value={hasRows ? job.processedRows : undefined}
        />
      )}
    </div>
  );
}
