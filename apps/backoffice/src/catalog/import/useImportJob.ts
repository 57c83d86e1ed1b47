import type { ImportJob, ImportKind } from '@handla/api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useCatalogApi } from '../shared/useCatalogApi';

/** How often a running import is asked for its progress. */
const POLL_MS = 500;

/** What to import: the kind, dry run or not, and the file. */
export interface ImportRequest {
  kind: ImportKind;
  dryRun: boolean;
  fileName: string;
  text: string;
}

const isFinished = (job: ImportJob) => job.status === 'succeeded' || job.status === 'failed';

/** Starts an import and follows it every 500 ms until it has succeeded or failed. */
export function useImportJob(onFinished: (job: ImportJob) => void) {
  const catalog = useCatalogApi();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isStarting, setStarting] = useState(false);
  // Each start gets a number; polls of an earlier start (or after unmount) stop themselves.
  const run = useRef(0);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(
    () => () => {
      run.current++;
    },
    [],
  );

  const start = useCallback(
    async (request: ImportRequest) => {
      const mine = ++run.current;
      setStarting(true);
      setError(null);
      setJob(null);
      try {
        let current = await catalog.startImport(
          { kind: request.kind, dryRun: request.dryRun, fileName: request.fileName },
          request.text,
        );
        setStarting(false);
        while (run.current === mine) {
          setJob(current);
          if (isFinished(current)) {
            finished.current(current);
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          if (run.current !== mine) return;
          current = await catalog.getImport(current.id);
        }
      } catch (e) {
        if (run.current === mine) setError(e);
      } finally {
        if (run.current === mine) setStarting(false);
      }
    },
    [catalog],
  );

  const reset = useCallback(() => {
    run.current++;
    setJob(null);
    setError(null);
    setStarting(false);
  }, []);

  const isRunning = isStarting || (job !== null && !isFinished(job));
  return { job, error, isRunning, start, reset };
}
