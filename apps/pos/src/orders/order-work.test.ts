import { describe, expect, it } from 'vitest';
import { fixtureLine, fixtureOrder } from './order.fixture';
import { canWorkLines, isFullyResolved, nextStep, pickForScan, pickProgress } from './order-work';

const picking = (lines = [fixtureLine()]) => fixtureOrder('1001', { status: 'picking', lines });

describe('working an order at the register', () => {
  it('offers accept, then start picking, then ready, and nothing after', () => {
    expect(nextStep(fixtureOrder('1001'))).toBe('accept');
    expect(nextStep(fixtureOrder('1001', { status: 'accepted' }))).toBe('startPicking');
    expect(nextStep(picking())).toBe('markReady');
    expect(nextStep(fixtureOrder('1001', { status: 'ready' }))).toBeNull();
    expect(canWorkLines(fixtureOrder('1001', { status: 'accepted' }))).toBe(false);
    expect(canWorkLines(picking())).toBe(true);
  });

  it('counts a scan as one more unit of the first open line of that SKU', () => {
    const order = picking([
      fixtureLine({ id: 'orl_1', skuId: 'sku_tee', quantity: 2, pickedQuantity: 2, state: 'picked' }),
      fixtureLine({ id: 'orl_2', skuId: 'sku_tee', quantity: 3, pickedQuantity: 1 }),
      fixtureLine({ id: 'orl_3', skuId: 'sku_cap', quantity: 1, state: 'removed' }),
    ]);
    expect(pickForScan(order, 'sku_tee')).toMatchObject({ line: { id: 'orl_2' }, quantity: 2 });
    expect(pickForScan(order, 'sku_cap')).toBeNull();
    expect(pickForScan(order, 'sku_unknown')).toBeNull();
  });

  it('is ready to hand over only when no line is left open, and counts progress without removed lines', () => {
    const order = picking([
      fixtureLine({ id: 'orl_1', quantity: 2, pickedQuantity: 1 }),
      fixtureLine({ id: 'orl_2', quantity: 1, state: 'removed', note: 'Slut' }),
      fixtureLine({ id: 'orl_3', quantity: 1, pickedQuantity: 1, state: 'picked' }),
    ]);
    expect(isFullyResolved(order)).toBe(false);
    expect(pickProgress(order)).toEqual({ picked: 2, total: 3 });
    const done = {
      ...order,
      lines: order.lines.map((l) => (l.state === 'open' ? { ...l, state: 'picked' as const } : l)),
    };
    expect(isFullyResolved(done)).toBe(true);
    expect(pickProgress(done)).toEqual({ picked: 3, total: 3 });
  });
});
