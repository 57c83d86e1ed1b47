// CSV import and export of products (with variants), prices and stock. An import is a job: every
// row is validated first (progress is recorded, every bad row reported with its line), then — unless
// it is a dry run or any row is bad — everything is written in ONE transaction: all or nothing.
import type { ImportJob, ImportKind, ImportRowError } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import * as store from './csv.store';
import { parseCsv } from './csv-format';
import { importPrices, importProducts, importStock, validateForImport } from './import-writers';

const MAX_REPORTED_ERRORS = 1000;

/** Starts an import of `csvText`; returns the job at once and works on in the background. */
export async function startImport(
  ctx: AppContext,
  input: {
    kind: ImportKind;
    isDryRun: boolean;
    csvText: string;
    fileName?: string;
    createdBy: string | null;
  },
): Promise<{ job: ImportJob; done: Promise<ImportJob> }> {
  if (input.csvText.trim() === '') {
    throw new DomainError('validation_failed', 'The file is empty.', [
      { field: 'file', message: 'Empty file' },
    ]);
  }
  const job = await store.insertImportJob(
    ctx.db,
    {
      id: ctx.newId('imp'),
      kind: input.kind,
      isDryRun: input.isDryRun,
      fileName: input.fileName ?? null,
      createdBy: input.createdBy,
    },
    ctx.clock(),
  );
  const done = runImport(ctx, job.id, input).catch(async (error: unknown) => {
    const failure = error instanceof DomainError ? error.message : 'The import failed; nothing was written.';
    const errors = error instanceof DomainError ? (error.fields ?? []).map((f) => ({ line: 1, ...f })) : [];
    await store.finishImportJob(
      ctx.db,
      job.id,
      { status: 'failed', errors, errorCount: errors.length, summary: null, failure },
      ctx.clock(),
    );
    return getImportJob(ctx, job.id);
  });
  return { job, done };
}

async function runImport(
  ctx: AppContext,
  jobId: string,
  input: { kind: ImportKind; isDryRun: boolean; csvText: string; createdBy: string | null },
): Promise<ImportJob> {
  const { rows } = parseCsv(input.csvText, requiredColumns(input.kind));
  await store.updateImportProgress(ctx.db, jobId, 0, rows.length);
  const onProgress = (processed: number) => store.updateImportProgress(ctx.db, jobId, processed, rows.length);
  const validated = await validateForImport(ctx.db, input.kind, rows, onProgress);
  if (validated.errors.length > 0 || input.isDryRun) {
    return finish(ctx, jobId, validated.errors, validated.errors.length > 0 ? null : validated.preview);
  }
  await store.markImportWriting(ctx.db, jobId);
  const actor = input.createdBy ?? 'system';
  const summary = await ctx.db.transaction(async (tx) => {
    const written = await writeImport(ctx, tx, validated, actor);
    await emitEvent(
      tx,
      {
        type: 'import.completed',
        aggregateType: 'import',
        aggregateId: jobId,
        data: { kind: input.kind, ...written },
      },
      ctx.clock(),
    );
    return written;
  });
  return finish(ctx, jobId, [], summary);
}

function writeImport(
  ctx: AppContext,
  tx: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0],
  validated: Awaited<ReturnType<typeof validateForImport>>,
  actor: string,
) {
  switch (validated.kind) {
    case 'products':
      return importProducts(ctx, tx, validated.products);
    case 'prices':
      return importPrices(ctx, tx, validated.prices);
    case 'stock':
      return importStock(ctx, tx, validated.counts, actor);
  }
}

async function finish(
  ctx: AppContext,
  jobId: string,
  errors: ImportRowError[],
  summary: Record<string, number> | null,
) {
  await store.finishImportJob(
    ctx.db,
    jobId,
    {
      status: errors.length > 0 ? 'failed' : 'succeeded',
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      errorCount: errors.length,
      summary,
      failure: errors.length > 0 ? `${errors.length} rows have errors; nothing was written.` : null,
    },
    ctx.clock(),
  );
  return getImportJob(ctx, jobId);
}

function requiredColumns(kind: ImportKind): readonly string[] {
  if (kind === 'products') return ['product', 'sku'];
  if (kind === 'prices') return ['price_list', 'sku', 'price'];
  return ['location', 'sku', 'on_hand'];
}

/** One import job with its progress and report. */
export async function getImportJob(ctx: AppContext, id: string): Promise<ImportJob> {
  const job = await store.findImportJob(ctx.db, id);
  if (!job) throw new DomainError('not_found', `No import ${id}.`);
  return job;
}

/** The latest import jobs, newest first. */
export async function listImportJobs(ctx: AppContext, limit = 50): Promise<ImportJob[]> {
  return store.listImportJobRows(ctx.db, limit);
}

/** Marks jobs that a dead process left running as failed (called at start-up). */
export async function failAbandonedImports(ctx: AppContext, isOnlyProcess: boolean): Promise<void> {
  const now = ctx.clock();
  await store.failAbandonedJobs(ctx.db, isOnlyProcess ? now : new Date(+now - 3_600_000), now);
}
