import { describe, expect, it } from 'vitest';
import {
  compareReference,
  dailySalesDocument,
  dailySalesDueThrough,
  daysToCheck,
  entitiesOf,
  erpNumberOf,
} from './erp.rules';

describe('dailySalesDueThrough', () => {
  it('is the day before once the send time has passed on the Stockholm wall clock', () => {
    // 01:59 and 02:00 in Stockholm (winter, UTC+1) on 3 December.
    expect(dailySalesDueThrough(new Date('2026-12-03T00:59:00Z'), '02:00')).toBe('2026-12-01');
    expect(dailySalesDueThrough(new Date('2026-12-03T01:00:00Z'), '02:00')).toBe('2026-12-02');
  });

  it('follows summer time', () => {
    // 02:00 in Stockholm in June is 00:00 UTC.
    expect(dailySalesDueThrough(new Date('2026-06-10T00:00:00Z'), '02:00')).toBe('2026-06-09');
    expect(dailySalesDueThrough(new Date('2026-06-09T23:59:00Z'), '02:00')).toBe('2026-06-08');
  });
});

describe('daysToCheck', () => {
  it('looks a week back when a new day is due, and at nothing when none is', () => {
    const days = daysToCheck('2026-12-01', '2026-12-02');
    expect(days).toHaveLength(7);
    expect(days[0]).toBe('2026-11-26');
    expect(days.at(-1)).toBe('2026-12-02');
    expect(daysToCheck('2026-12-02', '2026-12-02')).toEqual([]);
    expect(daysToCheck(null, '2026-12-02').at(-1)).toBe('2026-12-02');
  });
});

describe('dailySalesDocument', () => {
  it('adds payments per method and gives net and VAT per rate, to the öre', () => {
    const doc = dailySalesDocument(
      {
        date: '2026-12-01',
        text: 'Kassa',
        salesByRate: [
          { vatRateBp: 1200, grossAmount: 11_200, vatAmount: 1_200 },
          { vatRateBp: 2500, grossAmount: 12_500, vatAmount: 2_500 },
        ],
        payments: [
          { key: 'card', amount: 10_000 },
          { key: 'cash', amount: 13_700 },
          { key: 'card', amount: 50_000 },
        ],
        rounding: 0,
        giftCardsSold: 50_000,
      },
      { channel: 'register', storeId: 'sto_1', storeName: 'Stockholm', currency: 'SEK' },
    );
    expect(doc.salesByRate).toEqual([
      { vatRateBp: 2500, grossAmount: 12_500, vatAmount: 2_500, netAmount: 10_000 },
      { vatRateBp: 1200, grossAmount: 11_200, vatAmount: 1_200, netAmount: 10_000 },
    ]);
    expect(doc.payments).toEqual([
      { method: 'card', amount: 60_000 },
      { method: 'cash', amount: 13_700 },
    ]);
    expect(doc.totalSalesInclVat).toBe(23_700);
    expect(doc.totalPayments).toBe(doc.totalSalesInclVat + doc.giftCardsSold + doc.rounding);
  });
});

describe('the ERP answer and the reference', () => {
  it('reads the number, and refuses answers without one', () => {
    expect(erpNumberOf('{"number":"SO-1001"}')).toBe('SO-1001');
    expect(erpNumberOf('{"number":1001}')).toBe('1001');
    expect(erpNumberOf('{"number":""}')).toBeNull();
    expect(erpNumberOf('ok')).toBeNull();
    expect(erpNumberOf(null)).toBeNull();
  });

  it('keeps the first number; a different one later is a conflict', () => {
    expect(compareReference(null, 'A')).toBe('new');
    expect(compareReference('A', 'A')).toBe('same');
    expect(compareReference('A', 'B')).toBe('conflict');
  });
});

describe('entitiesOf', () => {
  it('finds orders (also through payments) and both customers of a merge, once each', () => {
    const touched = entitiesOf([
      { type: 'order.placed', aggregateType: 'order', aggregateId: 'ord_1', data: {} },
      {
        type: 'payment.captured',
        aggregateType: 'payment',
        aggregateId: 'pay_1',
        data: { orderId: 'ord_2' },
      },
      { type: 'order.updated', aggregateType: 'order', aggregateId: 'ord_1', data: {} },
      {
        type: 'customer.merged',
        aggregateType: 'customer',
        aggregateId: 'cus_1',
        data: { mergedId: 'cus_2' },
      },
      { type: 'stock.changed', aggregateType: 'sku', aggregateId: 'sku_1', data: {} },
      { type: 'return.requested', aggregateType: 'return', aggregateId: 'ret_1', data: { orderId: 'ord_3' } },
    ]);
    expect(touched).toEqual({ orderIds: ['ord_1', 'ord_2'], customerIds: ['cus_1', 'cus_2'] });
  });
});
