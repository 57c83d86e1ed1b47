import { useCallback, useState } from 'react';

// Kept for the page's lifetime, so a list's filters are still there after a visit to one of its rows.
const memory = new Map<string, unknown>();

/** Like useState, but the value outlives the component under `key` until the page reloads. */
export function useRemembered<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (next: T) => {
      memory.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}
