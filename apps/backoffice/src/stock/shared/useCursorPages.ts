import { type Loaded, useLoader } from '@handla/ui';
import { useCallback, useState } from 'react';

/** A page of a cursor-paged list. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Paging state for <Pager>: which page, and how to move. */
export interface Paging {
  pageNumber: number;
  hasPrevious: boolean;
  hasNext: boolean;
  loading: boolean;
  previous: () => void;
  next: () => void;
}

/**
 * Walks a cursor-paged list one page at a time. `load` (wrap it in useCallback) names the list:
 * when it changes, e.g. with a new filter, paging starts again at page one.
 */
export function useCursorPages<T>(load: (cursor: string | undefined) => Promise<CursorPage<T>>): {
  page: Loaded<CursorPage<T>>;
  paging: Paging;
} {
  // The cursors of the pages walked so far, for the list `load` names; the last is on screen.
  const [walk, setWalk] = useState<{ load: typeof load; cursors: (string | undefined)[] }>({
    load,
    cursors: [undefined],
  });
  const cursors = walk.load === load ? walk.cursors : [undefined];
  const cursor = cursors.at(-1);
  const page = useLoader(useCallback(() => load(cursor), [load, cursor]));
  const nextCursor = page.data?.nextCursor ?? null;
  return {
    page,
    paging: {
      pageNumber: cursors.length,
      hasPrevious: cursors.length > 1,
      hasNext: nextCursor !== null,
      loading: page.loading,
      previous: () => setWalk({ load, cursors: cursors.slice(0, -1) }),
      next: () => nextCursor && setWalk({ load, cursors: [...cursors, nextCursor] }),
    },
  };
}
