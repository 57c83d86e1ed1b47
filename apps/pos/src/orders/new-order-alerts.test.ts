import { describe, expect, it } from 'vitest';
import { newOrderOf, standingAlerts } from './new-order-alerts';
import { fixtureDeliveryOrder, fixtureOrder, orderEvent } from './order.fixture';
import { initialQueue, queueReducer } from './queue';

const NOW = new Date('2026-12-03T08:30:00.000Z');

describe('new-order alerts', () => {
  it('alerts for a placed pickup order once, not for its replay nor for other events', () => {
    const order = fixtureOrder('1001');
    const placed = orderEvent(10, 'order.placed', order);
    let state = initialQueue('new');
    expect(newOrderOf(state, placed)?.number).toBe('1001');
    state = queueReducer(state, { type: 'event', event: placed, now: NOW });
    expect(newOrderOf(state, placed)).toBeNull();
    expect(newOrderOf(state, orderEvent(11, 'order.updated', order))).toBeNull();
  });

  it('does not alert for a delivery order or an event without the order', () => {
    const delivery = fixtureDeliveryOrder('1002');
    expect(newOrderOf(initialQueue(), orderEvent(12, 'order.placed', delivery))).toBeNull();
    const bare = { ...orderEvent(13, 'order.placed', fixtureOrder('1003')), data: {} };
    expect(newOrderOf(initialQueue(), bare)).toBeNull();
  });

  it('drops the alert once the order is accepted (here or at another register) or cancelled', () => {
    const a = fixtureOrder('1004');
    const b = fixtureOrder('1005');
    let state = initialQueue('new');
    state = queueReducer(state, { type: 'event', event: orderEvent(20, 'order.placed', a), now: NOW });
    state = queueReducer(state, { type: 'event', event: orderEvent(21, 'order.placed', b), now: NOW });
    const alerts = [{ order: a }, { order: b }];
    expect(standingAlerts(alerts, state)).toHaveLength(2);
    state = queueReducer(state, {
      type: 'event',
      event: orderEvent(22, 'order.accepted', { ...a, status: 'accepted' }),
      now: NOW,
    });
    expect(standingAlerts(alerts, state).map((x) => x.order.number)).toEqual(['1005']);
    state = queueReducer(state, {
      type: 'event',
      event: orderEvent(23, 'order.cancelled', { ...b, status: 'cancelled' }),
      now: NOW,
    });
    expect(standingAlerts(alerts, state)).toEqual([]);
  });
});
