// Sends the queued commands to the server in journal order. The server applies each command once
// (idempotent on its id), so sending a batch again after a lost answer is safe; what matters here
// is order — a later command is never sent before an earlier one was accepted — and that a
// command leaves the queue only after the server has it.
import type { QueuedCommand } from './db';

/** Where the queue lives (IndexedDB in the app, an array in tests). */
export interface QueueStore {
  list(): Promise<QueuedCommand[]>;
  remove(sequence: number): Promise<void>;
  reject(sequence: number, rejection: { code: string; message: string }): Promise<void>;
}

/** The server's answer for one command of a batch. */
export type CommandOutcome =
  | { sequence: number; status: 'applied' | 'duplicate' }
  | { sequence: number; status: 'rejected'; code: string; message: string };

/** How far a run got: `sent` of `total`, and why it stopped early if it did. */
export interface SyncProgress {
  sent: number;
  total: number;
  stoppedBy?:
    | { kind: 'rejected'; sequence: number; code: string; message: string }
    | { kind: 'network'; error: unknown };
}

/**
 * Returns a function that sends everything queued, `batchSize` at a time, reporting progress.
 * Calls made while a run is going share that run, so two reconnect events never send twice at once.
 */
export function createQueueSender(
  store: QueueStore,
  send: (batch: QueuedCommand[]) => Promise<CommandOutcome[]>,
  batchSize = 25,
) {
  let running: Promise<SyncProgress> | null = null;

  async function run(onProgress: (progress: SyncProgress) => void): Promise<SyncProgress> {
    const queued = (await store.list()).sort((a, b) => a.sequence - b.sequence);
    const blocked = queued.find((q) => q.rejection);
    const pending = blocked ? queued.filter((q) => q.sequence < blocked.sequence) : queued;
    const progress: SyncProgress = { sent: 0, total: queued.length };
    if (blocked?.rejection) {
      progress.stoppedBy = { kind: 'rejected', sequence: blocked.sequence, ...blocked.rejection };
    }
    onProgress({ ...progress });
    for (let start = 0; start < pending.length; start += batchSize) {
      const batch = pending.slice(start, start + batchSize);
      let outcomes: CommandOutcome[];
      try {
        outcomes = await send(batch);
      } catch (error) {
        const result = { ...progress, stoppedBy: { kind: 'network' as const, error } };
        onProgress(result);
        return result;
      }
      for (const queuedCommand of batch) {
        const outcome = outcomes.find((o) => o.sequence === queuedCommand.sequence);
        if (!outcome) {
          // The server stopped before this one (it applies in order): send it again next run.
          onProgress({ ...progress });
          return progress;
        }
        if (outcome.status === 'rejected') {
          const rejection = { code: outcome.code, message: outcome.message };
          await store.reject(outcome.sequence, rejection);
          const result = {
            ...progress,
            stoppedBy: { kind: 'rejected' as const, sequence: outcome.sequence, ...rejection },
          };
          onProgress(result);
          return result;
        }
        await store.remove(queuedCommand.sequence);
        progress.sent += 1;
        onProgress({ ...progress });
      }
    }
    return progress;
  }

  return function sendQueued(onProgress: (progress: SyncProgress) => void = () => {}): Promise<SyncProgress> {
    running ??= run(onProgress).finally(() => {
      running = null;
    });
    return running;
  };
}
