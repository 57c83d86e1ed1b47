import type { PickupQueue } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { fixtureDeliveryOrder, fixtureOrder, orderEvent } from './order.fixture';
import { emptyCounts, initialQueue, isOrderOverdue, type QueueState, queueReducer } from './queue';

const MORNING = new Date('2026-12-03T08:30:00.000Z');

function loadedNewTab(queue: Partial<PickupQueue> = {}): QueueState {
  const state = queueReducer(initialQueue('new'), { type: 'loadStarted' });
  return queueReducer(state, {
    type: 'loaded',
    filter: 'new',
    queue: {
      items: [{ order: fixtureOrder('1001'), isOverdue: false, collectBy: '2026-12-06T13:00:00.000Z' }],
      counts: { ...emptyCounts(), new: 1, ready: 2 },
      ...queue,
    },
  });
}

const numbers = (state: QueueState) => state.items.map((i) => i.order.number);

describe('the pickup queue', () => {
  it('adds a new order from order.placed, sorted by pickup time, and counts it', () => {
    const early = fixtureOrder('1002', {}, '2026-12-03T12:00:00.000Z');
    const state = queueReducer(loadedNewTab(), {
      type: 'event',
      event: orderEvent(10, 'order.placed', early),
      now: MORNING,
    });
    expect(numbers(state)).toEqual(['1002', '1001']);
    expect(state.counts.new).toBe(2);
  });

  it('applies the same event twice, or an older one after a newer one, only once', () => {
    const order = fixtureOrder('1002');
    let state = loadedNewTab();
    state = queueReducer(state, {
      type: 'event',
      event: orderEvent(10, 'order.placed', order),
      now: MORNING,
    });
    state = queueReducer(state, {
      type: 'event',
      event: orderEvent(10, 'order.placed', order),
      now: MORNING,
    });
    expect(numbers(state)).toEqual(['1001', '1002']);
    expect(state.counts.new).toBe(2);
    const accepted = { ...order, status: 'accepted' as const };
    state = queueReducer(state, {
      type: 'event',
      event: orderEvent(11, 'order.accepted', accepted),
      now: MORNING,
    });
    state = queueReducer(state, {
      type: 'event',
      event: orderEvent(10, 'order.placed', order),
      now: MORNING,
    });
    expect(numbers(state)).toEqual(['1001']);
    expect(state.counts).toMatchObject({ new: 1, accepted: 1 });
  });

  it('moves an accepted order out of the new tab and into the accepted count', () => {
    const accepted = { ...fixtureOrder('1001'), status: 'accepted' as const };
    const state = queueReducer(loadedNewTab(), {
      type: 'event',
      event: orderEvent(12, 'order.accepted', accepted),
      now: MORNING,
    });
    expect(state.items).toEqual([]);
    expect(state.counts).toMatchObject({ new: 0, accepted: 1, ready: 2 });
  });

  it('updates an order in place (a line picked) keeping when it must be collected', () => {
    const base = fixtureOrder('1001');
    const changed = { ...base, lines: [{ ...base.lines[0]!, pickedQuantity: 1 }] };
    const state = queueReducer(loadedNewTab(), {
      type: 'event',
      event: orderEvent(13, 'order.updated', changed),
      now: MORNING,
    });
    expect(state.items).toHaveLength(1);
    expect(state.items[0]!.order.lines[0]!.pickedQuantity).toBe(1);
    expect(state.items[0]!.collectBy).toBe('2026-12-06T13:00:00.000Z');
    expect(state.counts.new).toBe(1);
  });

  it('removes a cancelled order from the list and the counts', () => {
    const cancelled = { ...fixtureOrder('1001'), status: 'cancelled' as const };
    const state = queueReducer(loadedNewTab(), {
      type: 'event',
      event: orderEvent(14, 'order.cancelled', cancelled),
      now: MORNING,
    });
    expect(state.items).toEqual([]);
    expect(state.counts.new).toBe(0);
  });

  it('lists a late order under overdue as well as its status, and counts both', () => {
    const late = fixtureOrder('1003', {}, '2026-12-03T07:00:00.000Z');
    expect(isOrderOverdue(late, MORNING)).toBe(true);
    expect(isOrderOverdue({ ...late, status: 'collected' }, MORNING)).toBe(false);
    let state = queueReducer(loadedNewTab(), {
      type: 'event',
      event: orderEvent(15, 'order.placed', late),
      now: MORNING,
    });
    expect(state.items.find((i) => i.order.number === '1003')?.isOverdue).toBe(true);
    expect(state.counts).toMatchObject({ new: 2, overdue: 1 });
    state = queueReducer(state, {
      type: 'event',
      event: orderEvent(16, 'order.collected', { ...late, status: 'collected' }),
      now: MORNING,
    });
    expect(state.counts).toMatchObject({ new: 1, overdue: 0, collected: 1 });
  });

  it('ignores events that carry no order, and delivery orders', () => {
    const start = loadedNewTab();
    const noOrder = {
      ...orderEvent(17, 'order.placed', fixtureOrder('1004')),
      data: { orderId: 'ord_1004' },
    };
    expect(queueReducer(start, { type: 'event', event: noOrder, now: MORNING })).toBe(start);
    const stock = { ...orderEvent(18, 'stock.changed', fixtureOrder('1005')) };
    expect(queueReducer(start, { type: 'event', event: stock, now: MORNING })).toBe(start);
    const delivery = fixtureDeliveryOrder('1006');
    const after = queueReducer(start, {
      type: 'event',
      event: orderEvent(19, 'order.placed', delivery),
      now: MORNING,
    });
    expect(numbers(after)).toEqual(['1001']);
    expect(after.counts.new).toBe(1);
  });

  it('keeps an event that arrived while the tab was loading over the older snapshot', () => {
    let state = queueReducer(initialQueue('new'), { type: 'loadStarted' });
    const placed = fixtureOrder('1007');
    state = queueReducer(state, {
      type: 'event',
      event: orderEvent(20, 'order.placed', placed),
      now: MORNING,
    });
    state = queueReducer(state, {
      type: 'event',
      event: orderEvent(21, 'order.accepted', { ...placed, status: 'accepted' }),
      now: MORNING,
    });
    // The snapshot was read between the two events: it still lists the order as new.
    state = queueReducer(state, {
      type: 'loaded',
      filter: 'new',
      queue: {
        items: [{ order: placed, isOverdue: false, collectBy: null }],
        counts: { ...emptyCounts(), new: 1 },
      },
    });
    expect(state.items).toEqual([]);
    expect(state.isLoaded).toBe(true);
  });

  it('drops the answer of a tab no longer shown and empties the list when the tab changes', () => {
    let state = loadedNewTab();
    state = queueReducer(state, { type: 'filter', filter: 'ready' });
    expect(state.items).toEqual([]);
    expect(state.isLoaded).toBe(false);
    const stale = queueReducer(state, {
      type: 'loaded',
      filter: 'new',
      queue: {
        items: [{ order: fixtureOrder('1001'), isOverdue: false, collectBy: null }],
        counts: emptyCounts(),
      },
    });
    expect(stale).toBe(state);
  });

  it("applies the register's own action answer to the list", () => {
    const picking = { ...fixtureOrder('1001'), status: 'picking' as const };
    let state = queueReducer(loadedNewTab(), { type: 'filter', filter: 'picking' });
    state = queueReducer(state, { type: 'order', order: picking, now: MORNING });
    expect(numbers(state)).toEqual(['1001']);
    expect(state.counts).toMatchObject({ new: 0, picking: 1 });
  });

  it('keeps the order open for work current from events, whichever tab it moves to', () => {
    const order = fixtureOrder('1001');
    let state = queueReducer(loadedNewTab(), { type: 'select', order });
    const ready = { ...order, status: 'ready' as const, readyAt: '2026-12-03T09:00:00.000Z' };
    state = queueReducer(state, { type: 'event', event: orderEvent(30, 'order.ready', ready), now: MORNING });
    expect(state.selected).toEqual(ready);
    expect(state.items).toEqual([]);
    const other = { ...fixtureOrder('1009'), status: 'accepted' as const };
    state = queueReducer(state, {
      type: 'event',
      event: orderEvent(31, 'order.accepted', other),
      now: MORNING,
    });
    expect(state.selected?.number).toBe('1001');
  });
});
