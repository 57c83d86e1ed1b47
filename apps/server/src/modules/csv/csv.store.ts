// SQL for import jobs.
import type { ImportJob, ImportKind, ImportRowError } from '@handla/api';
import type { Queryable } from '@handla/db';

const COLUMNS = `id, kind, is_dry_run as "isDryRun", status, file_name as "fileName", total_rows as "totalRows",
  processed_rows as "processedRows", error_count as "errorCount", errors, summary, failure,
  created_at as "createdAt", finished_at as "finishedAt"`;

type JobRow = Omit<ImportJob, 'createdAt' | 'finishedAt'> & { createdAt: Date; finishedAt: Date | null };

const toJob = (row: JobRow): ImportJob => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

export async function insertImportJob(
  q: Queryable,
  job: { id: string; kind: ImportKind; isDryRun: boolean; fileName: string | null; createdBy: string | null },
  at: Date,
): Promise<ImportJob> {
  const [row] = await q.query<JobRow>(
    `insert into import_jobs (id, kind, is_dry_run, status, file_name, created_by, created_at)
     values ($1, $2, $3, 'validating', $4, $5, $6) returning ${COLUMNS}`,
    [job.id, job.kind, job.isDryRun, job.fileName, job.createdBy, at],
  );
  return toJob(row!);
}

export async function updateImportProgress(q: Queryable, id: string, processed: number, total: number) {
  await q.query('update import_jobs set processed_rows = $2, total_rows = $3 where id = $1', [
    id,
    processed,
    total,
  ]);
}

export async function markImportWriting(q: Queryable, id: string) {
  await q.query(`update import_jobs set status = 'writing' where id = $1`, [id]);
}

export async function finishImportJob(
  q: Queryable,
  id: string,
  outcome: {
    status: 'succeeded' | 'failed';
    errors: ImportRowError[];
    errorCount: number;
    summary: Record<string, number> | null;
    failure: string | null;
  },
  at: Date,
) {
  await q.query(
    `update import_jobs set status = $2, errors = $3, error_count = $4, summary = $5, failure = $6,
            finished_at = $7, processed_rows = total_rows where id = $1`,
    [
      id,
      outcome.status,
      JSON.stringify(outcome.errors),
      outcome.errorCount,
      outcome.summary ? JSON.stringify(outcome.summary) : null,
      outcome.failure,
      at,
    ],
  );
}

export async function findImportJob(q: Queryable, id: string): Promise<ImportJob | undefined> {
  const [row] = await q.query<JobRow>(`select ${COLUMNS} from import_jobs where id = $1`, [id]);
  return row ? toJob(row) : undefined;
}

export async function listImportJobRows(q: Queryable, limit: number): Promise<ImportJob[]> {
  const rows = await q.query<JobRow>(
    `select ${COLUMNS} from import_jobs order by created_at desc, id desc limit $1`,
    [limit],
  );
  return rows.map(toJob);
}

// A job that was running when its process died would say "validating" forever. Jobs started
// before `startedBefore` (on the embedded database: everything, as only one process exists) are failed.
export async function failAbandonedJobs(q: Queryable, startedBefore: Date, at: Date) {
  await q.query(
    `update import_jobs set status = 'failed', failure = 'The server stopped while the import ran; nothing was written.',
            finished_at = $2 where status in ('validating', 'writing') and created_at < $1`,
    [startedBefore, at],
  );
}
