import type { Product } from '@handla/api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api';

/** A growing product list for a search: the first page, then more on demand. */
export interface ProductSearch {
  items: Product[];
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  retry: () => void;
}

/** Lists products matching `q` (empty = all), `limit` per page; a new `q` starts over. */
export function useProductSearch(q: string, limit = 24): ProductSearch {
  const api = useApi();
  const [items, setItems] = useState<Product[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  // Each request gets a number; an answer is used only if no newer request was made meanwhile.
  const latest = useRef(0);
  const lastCursor = useRef<string | undefined>(undefined);

  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const request = ++latest.current;
      lastCursor.current = cursor;
      setLoading(true);
      setError(null);
      try {
        const page = await api.listProducts({ q: q.trim() || undefined, limit, cursor });
        if (request !== latest.current) return;
        setItems((previous) => (cursor ? [...previous, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (e) {
        if (request === latest.current) setError(e);
      } finally {
        if (request === latest.current) setLoading(false);
      }
    },
    [api, q, limit],
  );

  useEffect(() => {
    void fetchPage(undefined);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (nextCursor) void fetchPage(nextCursor);
  }, [fetchPage, nextCursor]);

  const retry = useCallback(() => void fetchPage(lastCursor.current), [fetchPage]);

  return { items, hasMore: nextCursor !== null, loading, error, loadMore, retry };
}
