import { describe, expect, it } from 'vitest';
import type { QueuedCommand } from './db';
import { type CommandOutcome, createQueueSender, type QueueStore, type SyncProgress } from './sync';

function memoryQueue(count: number) {
  const items: QueuedCommand[] = Array.from({ length: count }, (_, i) => ({
    sequence: i + 1,
    commandId: `cmd_${i + 1}`,
    command: { n: i + 1 },
    queuedAt: '2026-11-23T10:00:00.000Z',
  })).reverse();
  const store: QueueStore = {
    list: async () => items.map((i) => ({ ...i })),
    remove: async (sequence) => {
      items.splice(
        items.findIndex((i) => i.sequence === sequence),
        1,
      );
    },
    reject: async (sequence, rejection) => {
      const item = items.find((i) => i.sequence === sequence);
      if (item) item.rejection = rejection;
    },
  };
  return { items, store };
}

const applied = (batch: QueuedCommand[]): CommandOutcome[] =>
  batch.map((q) => ({ sequence: q.sequence, status: 'applied' }));

describe('sending the offline queue', () => {
  it('sends every command once, in journal order, in batches, and counts "n of total"', async () => {
    const { items, store } = memoryQueue(12);
    const seen: number[][] = [];
    const progress: string[] = [];
    const sendQueued = createQueueSender(
      store,
      async (batch) => {
        seen.push(batch.map((q) => q.sequence));
        return applied(batch);
      },
      5,
    );
    const result = await sendQueued((p) => progress.push(`${p.sent}/${p.total}`));
    expect(seen).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11, 12],
    ]);
    expect(result).toEqual({ sent: 12, total: 12 });
    expect(progress.at(0)).toBe('0/12');
    expect(progress.at(3)).toBe('3/12');
    expect(items).toHaveLength(0);
  });

  it('keeps everything not yet accepted when the network fails, and sends it on the next run', async () => {
    const { items, store } = memoryQueue(6);
    let calls = 0;
    const sent: number[] = [];
    const sendQueued = createQueueSender(
      store,
      async (batch) => {
        calls += 1;
        if (calls === 2) throw new TypeError('Failed to fetch');
        sent.push(...batch.map((q) => q.sequence));
        return applied(batch);
      },
      3,
    );
    const first = await sendQueued();
    expect(first.sent).toBe(3);
    expect(first.stoppedBy?.kind).toBe('network');
    expect(items.map((i) => i.sequence).sort()).toEqual([4, 5, 6]);
    expect((await sendQueued()).sent).toBe(3);
    expect(sent).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('stops at a refused command and sends nothing after it until it is dealt with', async () => {
    const { items, store } = memoryQueue(4);
    const sendQueued = createQueueSender(
      store,
      async (batch) =>
        batch
          .map((q) =>
            q.sequence === 2
              ? { sequence: 2, status: 'rejected', code: 'journal_gap', message: 'gap' }
              : { sequence: q.sequence, status: 'applied' },
          )
          .filter((o) => o.sequence <= 2) as CommandOutcome[],
    );
    const result = await sendQueued();
    expect(result.sent).toBe(1);
    expect(result.stoppedBy).toMatchObject({ kind: 'rejected', sequence: 2, code: 'journal_gap' });
    const again: SyncProgress = await sendQueued();
    expect(again.sent).toBe(0);
    expect(items.map((i) => i.sequence).sort()).toEqual([2, 3, 4]);
  });

  it('shares one run between overlapping calls, so nothing is sent twice at once', async () => {
    const { store } = memoryQueue(3);
    let sends = 0;
    const sendQueued = createQueueSender(store, async (batch) => {
      sends += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return applied(batch);
    });
    const [a, b] = await Promise.all([sendQueued(), sendQueued()]);
    expect(a).toBe(b);
    expect(sends).toBe(1);
  });
});
