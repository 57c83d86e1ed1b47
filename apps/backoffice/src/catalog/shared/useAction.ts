import { useCallback, useState } from 'react';

/** The state of a write the user started: pending while it runs, the error when it failed. */
export interface Action {
  pending: boolean;
  error: unknown;
  /** Runs `work`; resolves with its result, or undefined when it threw (the error is kept). */
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  clearError: () => void;
}

/** One write at a time with its pending and error state, for forms and buttons. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { pending, error, run, clearError };
}
