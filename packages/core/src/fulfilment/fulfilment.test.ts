import { describe, expect, it } from 'vitest';
import { groupPickLines, NO_SHELF } from './pick-list';
import { checkReleaseSettings, nextBatchAt, previousBatchAt, releaseDueAt } from './release-times';

const times = ['10:00', '14:00'];

describe('batch release times in Europe/Stockholm', () => {
  it('finds the next and previous batch on an ordinary winter day (UTC+1)', () => {
    const now = new Date('2026-12-01T10:30:00Z'); // 11:30 in Stockholm
    expect(nextBatchAt(now, times)?.toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(previousBatchAt(now, times)?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('rolls over to tomorrow after the last batch', () => {
    const now = new Date('2026-12-01T15:00:00Z'); // 16:00
    expect(nextBatchAt(now, times)?.toISOString()).toBe('2026-12-02T09:00:00.000Z');
  });

  it('moves the batch by an hour in UTC across the spring change (29 March 2026)', () => {
    // Saturday 28 March, 15:00 local (UTC+1): the next batch is Sunday 10:00, already summer time.
    const now = new Date('2026-03-28T14:00:00Z');
    expect(nextBatchAt(now, times)?.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(previousBatchAt(now, times)?.toISOString()).toBe('2026-03-28T13:00:00.000Z');
  });

  it('back to winter time across the autumn change (25 October 2026)', () => {
    const now = new Date('2026-10-24T15:00:00Z'); // Saturday 17:00 (UTC+2)
    expect(nextBatchAt(now, times)?.toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });

  it('a batch inside the repeated autumn hour happens the first time; inside the spring gap, after the jump', () => {
    expect(nextBatchAt(new Date('2026-10-24T23:00:00Z'), ['02:30'])?.toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(nextBatchAt(new Date('2026-03-28T23:00:00Z'), ['02:30'])?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('is due once per batch, always when immediate', () => {
    const settings = { mode: 'batches' as const, batchTimes: times };
    const now = new Date('2026-12-01T10:30:00Z');
    const due = releaseDueAt(settings, now, null);
    expect(due?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(releaseDueAt(settings, now, due)).toBeNull();
    expect(releaseDueAt(settings, new Date('2026-12-01T13:00:00Z'), due)?.toISOString()).toBe(
      '2026-12-01T13:00:00.000Z',
    );
    expect(releaseDueAt({ mode: 'immediate', batchTimes: [] }, now, due)).toEqual(now);
  });

  it('refuses batches without times and repeated times, naming batchTimes', () => {
    expect(() => checkReleaseSettings({ mode: 'batches', batchTimes: [] })).toThrow(/at least one/);
    try {
      checkReleaseSettings({ mode: 'batches', batchTimes: ['14:00', '10:00', '14:00'] });
      expect.unreachable();
    } catch (error) {
      expect((error as { fields: unknown }).fields).toEqual([
        { field: 'batchTimes', message: '14:00 repeats' },
      ]);
    }
    expect(checkReleaseSettings({ mode: 'batches', batchTimes: ['14:00', '10:00'] })).toEqual([
      '10:00',
      '14:00',
    ]);
  });
});

describe('groupPickLines', () => {
  const line = (skuId: string, quantity: number, orderNumber: number, shelf: string | null) => ({
    skuId,
    sku: skuId.toUpperCase(),
    name: `Item ${skuId}`,
    quantity,
    orderNumber,
    shelf,
  });

  it('groups by shelf in natural order with no shelf last, and sums each SKU', () => {
    const shelves = groupPickLines([
      line('b', 2, 1002, 'A10'),
      line('a', 1, 1001, null),
      line('b', 3, 1001, 'A10'),
      line('c', 1, 1003, 'A2'),
      line('b', 1, 1002, 'A10'),
    ]);
    expect(shelves.map((s) => s.shelf)).toEqual(['A2', 'A10', NO_SHELF]);
    expect(shelves[1]!.items).toEqual([
      { skuId: 'b', sku: 'B', name: 'Item b', quantity: 6, orderNumbers: [1001, 1002] },
    ]);
  });
});
