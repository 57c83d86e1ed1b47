import type { StockCount } from '@handla/api';
import { useLoader } from '@handla/ui';
import { useCallback, useMemo, useState } from 'react';
import { useAction } from '../shared/useAction';
import { useStockApi } from '../shared/useStockApi';
import { sheetLines } from './countLines';

// The server takes at most this many lines per call.
const LINES_PER_CALL = 500;

/** A count sheet being worked on: the server's copy, what was typed since, and the calls that change it. */
export function useCountSheet(id: string) {
  const stock = useStockApi();
  const loaded = useLoader(useCallback(() => stock.getCount(id), [stock, id]));
  const [changed, setChanged] = useState<StockCount>();
  const count = changed && changed.version >= (loaded.data?.version ?? 0) ? changed : loaded.data;
  const [entered, setEntered] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string[]>([]);
  const action = useAction();
  const lines = useMemo(() => (count ? sheetLines(count, entered, added) : []), [count, entered, added]);
  const dirty = lines.filter((l) => l.isDirty);
  const invalid = lines.filter((l) => l.isInvalid);

  const enter = useCallback((skuId: string, text: string) => {
    setEntered((current) => ({ ...current, [skuId]: text }));
  }, []);

  const add = useCallback((skuId: string) => {
    setAdded((current) => (current.includes(skuId) ? current : [...current, skuId]));
  }, []);

  // Sends the typed counts in calls of at most LINES_PER_CALL, each at the version the last answered.
  async function saveLines(from: StockCount): Promise<StockCount> {
    let latest = from;
    for (let i = 0; i < dirty.length; i += LINES_PER_CALL) {
      const chunk = dirty.slice(i, i + LINES_PER_CALL);
      latest = await stock.enterCounts(latest.id, latest.version, {
        lines: chunk.map((l) => ({ skuId: l.skuId, countedQuantity: l.counted ?? 0 })),
      });
    }
    return latest;
  }

  function settled(result: StockCount | undefined) {
    if (!result) return false;
    setChanged(result);
    setEntered({});
    setAdded([]);
    return true;
  }

  return {
    loaded,
    count,
    lines,
    dirty,
    invalid,
    action,
    enter,
    add,
    save: async () => count && settled(await action.run(() => saveLines(count))),
    complete: async () =>
      count &&
      settled(
        await action.run(async () => {
          const saved = await saveLines(count);
          return stock.completeCount(saved.id, saved.version);
        }),
      ),
    cancel: async () => count && settled(await action.run(() => stock.cancelCount(count.id, count.version))),
    /** Reads the sheet again after someone else changed it; what was typed here stays, to be saved again. */
    reload: () => {
      action.clearError();
      setChanged(undefined);
      loaded.reload();
    },
  };
}
