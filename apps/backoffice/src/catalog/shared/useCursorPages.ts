import { type Loaded, useLoader } from '@handla/ui';
import { useCallback, useState } from 'react';

/** One page of a cursor-paged list, as the API answers it. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** One page of a cursor-paged list, with the way back and forth. */
export interface CursorPages<T> {
  page: Loaded<CursorPage<T>>;
  /** 1 for the first page. */
  pageNumber: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previous: () => void;
  next: () => void;
}

/**
 * Pages through `load` (wrap it in useCallback); a new `load` — new filters — starts again at
 * page one. The cursors walked so far are kept, so "previous" needs no cursor of its own.
 */
export function useCursorPages<T>(
  load: (cursor: string | undefined) => Promise<CursorPage<T>>,
): CursorPages<T> {
  const [state, setState] = useState(() => ({ load, cursors: [undefined] as (string | undefined)[] }));
  const cursors = state.load === load ? state.cursors : [undefined];
  const cursor = cursors.at(-1);
  const page = useLoader(useCallback(() => load(cursor), [load, cursor]));
  const nextCursor = page.data?.nextCursor ?? null;
  return {
    page,
    pageNumber: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== null,
    previous: () => setState({ load, cursors: cursors.slice(0, -1) }),
    next: () => {
      if (nextCursor) setState({ load, cursors: [...cursors, nextCursor] });
    },
  };
}
