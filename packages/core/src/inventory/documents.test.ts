import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countAdjustments } from './counts';
import { outstandingAsUnder, type PurchaseOrderLineState, receivePurchaseOrder } from './purchase-orders';
import { transferDifferences } from './transfers';

describe('transferDifferences', () => {
  it('lists only the lines that arrived short or over', () => {
    expect(
      transferDifferences([
        { skuId: 'a', quantity: 10, receivedQuantity: 8 },
        { skuId: 'b', quantity: 5, receivedQuantity: 5 },
        { skuId: 'c', quantity: 2, receivedQuantity: 3 },
        { skuId: 'd', quantity: 2, receivedQuantity: null },
      ]),
    ).toEqual([
      { skuId: 'a', sentQuantity: 10, receivedQuantity: 8, difference: -2 },
      { skuId: 'c', sentQuantity: 2, receivedQuantity: 3, difference: 1 },
    ]);
  });
});

describe('countAdjustments', () => {
  it('books counted − expected for counted lines that differ, and nothing for uncounted ones', () => {
    expect(
      countAdjustments([
        { skuId: 'a', expectedOnHand: 10, countedQuantity: 7 },
        { skuId: 'b', expectedOnHand: 4, countedQuantity: 4 },
        { skuId: 'c', expectedOnHand: -3, countedQuantity: 2 },
        { skuId: 'd', expectedOnHand: 9, countedQuantity: null },
      ]),
    ).toEqual([
      { skuId: 'a', quantity: -3 },
      { skuId: 'c', quantity: 5 },
    ]);
  });

  it('brings every counted line exactly to what was counted', () => {
    const line = fc.record({
      skuId: fc.string({ minLength: 1, maxLength: 4 }),
      expectedOnHand: fc.integer({ min: -50, max: 500 }),
      countedQuantity: fc.option(fc.integer({ min: 0, max: 500 })),
    });
    fc.assert(
      fc.property(fc.uniqueArray(line, { selector: (l) => l.skuId, maxLength: 20 }), (lines) => {
        const adjustments = new Map(countAdjustments(lines).map((a) => [a.skuId, a.quantity]));
        for (const l of lines) {
          const after = l.expectedOnHand + (adjustments.get(l.skuId) ?? 0);
          expect(after).toBe(l.countedQuantity ?? l.expectedOnHand);
          expect(adjustments.get(l.skuId)).not.toBe(0);
        }
      }),
    );
  });
});

describe('receivePurchaseOrder', () => {
  const order: PurchaseOrderLineState[] = [
    { skuId: 'mug', orderedQuantity: 10, receivedQuantity: 0 },
    { skuId: 'bun', orderedQuantity: 5, receivedQuantity: 0 },
  ];

  it('makes a partial delivery partially_received with no deviation yet', () => {
    const outcome = receivePurchaseOrder(order, [{ skuId: 'mug', quantity: 4 }], false);
    expect(outcome.status).toBe('partially_received');
    expect(outcome.deviations).toEqual([]);
    expect(outcome.lines).toContainEqual({ skuId: 'mug', orderedQuantity: 10, receivedQuantity: 4 });
  });

  it('records an over-delivery when it arrives and an unordered SKU as over in full', () => {
    const outcome = receivePurchaseOrder(
      order,
      [
        { skuId: 'mug', quantity: 12 },
        { skuId: 'bun', quantity: 5 },
        { skuId: 'tea', quantity: 2 },
      ],
      false,
    );
    expect(outcome.status).toBe('received');
    expect(outcome.deviations).toEqual([
      { skuId: 'mug', kind: 'over', quantity: 2 },
      { skuId: 'tea', kind: 'over', quantity: 2 },
    ]);
    expect(outcome.lines).toContainEqual({ skuId: 'tea', orderedQuantity: 0, receivedQuantity: 2 });
  });

  it('records the shortfall as under-delivery when the delivery is the last one', () => {
    const outcome = receivePurchaseOrder(order, [{ skuId: 'mug', quantity: 9 }], true);
    expect(outcome.status).toBe('received');
    expect(outcome.deviations).toEqual([
      { skuId: 'mug', kind: 'under', quantity: 1 },
      { skuId: 'bun', kind: 'under', quantity: 5 },
    ]);
  });

  it('counts the over-delivery once across several deliveries', () => {
    const first = receivePurchaseOrder(order, [{ skuId: 'bun', quantity: 6 }], false);
    const second = receivePurchaseOrder(first.lines, [{ skuId: 'bun', quantity: 2 }], false);
    expect(first.deviations).toEqual([{ skuId: 'bun', kind: 'over', quantity: 1 }]);
    expect(second.deviations).toEqual([{ skuId: 'bun', kind: 'over', quantity: 2 }]);
  });

  it('always balances: received − ordered = over − under once the last delivery is in', () => {
    const skuIds = ['a', 'b', 'c', 'd'];
    const lines = fc.uniqueArray(
      fc.record({ skuId: fc.constantFrom(...skuIds), orderedQuantity: fc.integer({ min: 1, max: 50 }) }),
      { selector: (l) => l.skuId, minLength: 1 },
    );
    const delivery = fc.array(
      fc.record({ skuId: fc.constantFrom(...skuIds), quantity: fc.integer({ min: 1, max: 30 }) }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(lines, fc.array(delivery, { minLength: 1, maxLength: 4 }), (ordered, deliveries) => {
        let state: PurchaseOrderLineState[] = ordered.map((l) => ({ ...l, receivedQuantity: 0 }));
        const deviations = [];
        for (const [i, d] of deliveries.entries()) {
          const outcome = receivePurchaseOrder(state, d, i === deliveries.length - 1);
          state = outcome.lines;
          deviations.push(...outcome.deviations);
          if (i === deliveries.length - 1) expect(outcome.status).toBe('received');
        }
        for (const line of state) {
          const mine = deviations.filter((x) => x.skuId === line.skuId);
          const over = mine.filter((x) => x.kind === 'over').reduce((s, x) => s + x.quantity, 0);
          const under = mine.filter((x) => x.kind === 'under').reduce((s, x) => s + x.quantity, 0);
          expect(line.receivedQuantity - line.orderedQuantity).toBe(over - under);
          expect(mine.every((x) => x.quantity > 0)).toBe(true);
        }
      }),
    );
  });

  it('closing records what is still missing as under-delivery', () => {
    expect(
      outstandingAsUnder([
        { skuId: 'mug', orderedQuantity: 10, receivedQuantity: 4 },
        { skuId: 'bun', orderedQuantity: 5, receivedQuantity: 7 },
      ]),
    ).toEqual([{ skuId: 'mug', kind: 'under', quantity: 6 }]);
  });
});
