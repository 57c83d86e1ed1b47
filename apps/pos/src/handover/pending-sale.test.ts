import { describe, expect, it } from 'vitest';
import { emptyCart } from '../sale/cart';
import { pendingWebOrderSale } from './pending-sale';

const sale = (receiptNumber: number, draft: Record<string, unknown>) => ({
  command: { kind: 'sale.complete', receiptNumber, draft: { isTraining: false, ...draft } },
});

describe('a web order already rung up on this register', () => {
  it('is found in the offline queue by its order id, with the receipt number', () => {
    const queue = [sale(56, {}), sale(57, { webOrderId: 'ord_1' }), sale(58, { webOrderId: 'ord_2' })];
    expect(pendingWebOrderSale('ord_1', queue, [])).toEqual({ kind: 'queued', receiptNumber: 57 });
    expect(pendingWebOrderSale('ord_3', queue, [])).toBeNull();
  });

  it('does not count a practice receipt or a return, which never collect the order', () => {
    const queue = [
      sale(57, { webOrderId: 'ord_1', isTraining: true }),
      { command: { kind: 'return.complete', receiptNumber: 58, draft: { webOrderId: 'ord_1' } } },
    ];
    expect(pendingWebOrderSale('ord_1', queue, [])).toBeNull();
  });

  it('is found in a parked cart', () => {
    const parked = [
      { parkedAt: '2026-12-03T09:00:00.000Z', draft: emptyCart('c1') },
      {
        parkedAt: '2026-12-03T09:05:00.000Z',
        draft: { ...emptyCart('c2'), webOrder: { id: 'ord_1', number: '1001' } },
      },
    ];
    expect(pendingWebOrderSale('ord_1', [], parked)).toEqual({
      kind: 'parked',
      parkedAt: '2026-12-03T09:05:00.000Z',
    });
  });
});
