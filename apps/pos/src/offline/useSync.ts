// Sends the queue when the register comes online, after each sale, and every 30 s while online,
// and tells the screen how far it got ("3 av 12 skickade").
import { ApiError, type RegisterCommandDto } from '@handla/api';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DeviceApi } from '../device-api';
import { listQueue, markRejected, type PosDb, type QueuedCommand, removeQueued } from './db';
import { type CommandOutcome, createQueueSender, type SyncProgress } from './sync';

const RETRY_MS = 30_000;

/** One batch through the commands endpoint, as per-command outcomes. */
export async function sendBatch(api: DeviceApi, batch: QueuedCommand[]): Promise<CommandOutcome[]> {
  try {
    await api.sendCommands(batch.map((q) => q.command as RegisterCommandDto));
    return batch.map((q) => ({ sequence: q.sequence, status: 'applied' }));
  } catch (error) {
    // Unreachable, a server error or a lost pairing: keep everything and try again later.
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 401) throw error;
    // The server applies in order and names the refused command (`commands.3.…`); those before it are in.
    const field = error.problem.errors.map((e) => /^commands\.(\d+)/.exec(e.field)).find(Boolean);
    const refused = field ? Number(field[1]) : 0;
    const message = error.problem.detail ?? error.problem.title;
    return batch
      .slice(0, refused + 1)
      .map((q, i) =>
        i < refused
          ? { sequence: q.sequence, status: 'applied' }
          : { sequence: q.sequence, status: 'rejected', code: error.problem.code, message },
      );
  }
}

export function useSync(db: PosDb, api: DeviceApi, isOnline: boolean) {
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [pending, setPending] = useState(0);

  const sendQueued = useMemo(
    () =>
      createQueueSender(
        {
          list: () => listQueue(db),
          remove: (sequence) => removeQueued(db, sequence),
          reject: (sequence, rejection) => markRejected(db, sequence, rejection),
        },
        (batch) => sendBatch(api, batch),
      ),
    [db, api],
  );

  const refreshPending = useCallback(async () => setPending((await listQueue(db)).length), [db]);
  const isOnlineRef = useRef(isOnline);
  isOnlineRef.current = isOnline;

  const syncNow = useCallback(async (): Promise<void> => {
    await refreshPending();
    if (!isOnlineRef.current) return;
    await sendQueued(setProgress).finally(() => void refreshPending());
  }, [sendQueued, refreshPending]);

  useEffect(() => {
    void refreshPending();
  }, [refreshPending]);

  useEffect(() => {
    if (!isOnline) return;
    void syncNow();
    const timer = window.setInterval(() => void syncNow(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [isOnline, syncNow]);

  /** Clears refusals so the next run tries them again (after the cause is fixed on the server). */
  const retryRejected = useCallback(async () => {
    for (const queued of await listQueue(db))
      if (queued.rejection) await markRejected(db, queued.sequence, undefined);
    await syncNow();
  }, [db, syncNow]);

  return { progress, pending, syncNow, retryRejected };
}
