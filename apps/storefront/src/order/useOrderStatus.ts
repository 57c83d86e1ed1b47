import type { Order } from '@handla/api';
import { useApi } from '@handla/ui';
import { useCallback, useEffect, useState } from 'react';

// While a payment waits for the shopper (Swish in the app) the answer comes within seconds;
// afterwards the status changes over hours (accepted, ready), so asking seldom is enough.
const WAITING_MS = 2_000;
const SETTLED_MS = 30_000;

/** The order behind a status token, asked again on a timer so the page shows the live status. */
export function useOrderStatus(token: string) {
  const api = useApi();
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation restarts polling after an error
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.shop.orderStatus(token);
        if (stopped) return;
        setOrder(next);
        setError(null);
        const finished =
          next.status === 'collected' || next.status === 'cancelled' || next.status === 'shipped';
        if (!finished) timer = setTimeout(poll, next.status === 'awaiting_payment' ? WAITING_MS : SETTLED_MS);
      } catch (e) {
        if (!stopped) setError(e);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, token, generation]);

  const retry = useCallback(() => setGeneration((g) => g + 1), []);
  return { order, error, retry };
}
