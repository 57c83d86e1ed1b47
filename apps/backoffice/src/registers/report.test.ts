import type { DayReport } from '@handla/core';
import { describe, expect, it } from 'vitest';
import { asDayReport, dayReportRows, methodLabel } from './report';

const counted = (count: number, amount: number) => ({ count, amount });

const report: DayReport = {
  kind: 'x',
  registerId: 'reg_1',
  currency: 'SEK',
  fromSequence: 11,
  toSequence: 40,
  createdAt: '2026-11-23T12:00:00.000Z',
  sales: counted(3, 59_700),
  returns: counted(1, -19_900),
  net: 39_800,
  vatByRate: [{ vatRateBp: 2500, grossAmount: 39_800, netAmount: 31_840, vatAmount: 7_960 }],
  payments: [
    { method: 'cash', ...counted(1, 19_900) },
    { method: 'swish', ...counted(2, 19_900) },
  ],
  discounts: counted(1, 1_000),
  rounding: 0,
  change: 100,
  receiptCount: 4,
  copies: counted(0, 0),
  training: counted(0, 0),
  proForma: counted(0, 0),
  drawerOpenings: { withSale: 1, withoutSale: 0 },
  cashMovements: [],
  expectedCash: 69_900,
  grandTotals: { sales: 159_700, returns: -19_900, net: 139_800 },
};

describe('asDayReport', () => {
  it('accepts a day report', () => {
    expect(asDayReport({ ...report })).toEqual(report);
  });

  it('refuses other shapes instead of showing zeros', () => {
    expect(asDayReport({})).toBeNull();
    expect(asDayReport({ ...report, kind: 'y' })).toBeNull();
    expect(asDayReport({ ...report, sales: 59_700 })).toBeNull();
    expect(asDayReport({ ...report, grandTotals: undefined })).toBeNull();
  });
});

describe('dayReportRows', () => {
  it('lists sales, returns, net, VAT per rate, payments per method and the totals', () => {
    const rows = dayReportRows(report, (bp) => `${bp / 100} %`);
    expect(rows.map((r) => [r.label, r.vars, r.count, r.amount])).toEqual([
      ['registersAdmin.reports.sales', undefined, 3, 59_700],
      ['registersAdmin.reports.returns', undefined, 1, -19_900],
      ['registersAdmin.reports.net', undefined, undefined, 39_800],
      ['registersAdmin.reports.vat', { rate: '25 %' }, undefined, 7_960],
      ['registersAdmin.method.cash', { method: 'cash' }, 1, 19_900],
      ['registersAdmin.method.swish', { method: 'swish' }, 2, 19_900],
      ['registersAdmin.reports.discounts', undefined, 1, 1_000],
      ['registersAdmin.reports.rounding', undefined, undefined, 0],
      ['registersAdmin.reports.copies', undefined, 0, 0],
      ['registersAdmin.reports.training', undefined, 0, 0],
      ['registersAdmin.reports.expectedCash', undefined, undefined, 69_900],
      ['registersAdmin.reports.grandNet', undefined, undefined, 139_800],
    ]);
  });

  it('names an unknown method by its code', () => {
    expect(methodLabel('crypto')).toBeNull();
    const rows = dayReportRows(
      { ...report, payments: [{ method: 'crypto' as 'cash', ...counted(1, 5) }] },
      String,
    );
    expect(rows.find((r) => r.amount === 5)).toMatchObject({
      label: 'registersAdmin.reports.paymentOther',
      vars: { method: 'crypto' },
    });
  });
});
