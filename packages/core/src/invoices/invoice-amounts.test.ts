import { describe, expect, it } from 'vitest';
import {
  fitsCreditLimit,
  invoiceBalance,
  invoiceDueDate,
  invoiceStateOf,
  invoiceTotals,
} from './invoice-amounts';
import { isReminderDue } from './reminders';

const line = (amountInclVat: number, vatRateBp: number) => ({
  description: 'x',
  quantity: 1,
  unitPriceInclVat: amountInclVat,
  amountInclVat,
  vatRateBp,
});

describe('invoice amounts', () => {
  it('computes VAT once per rate on the summed lines, highest rate first', () => {
    // 3 × 33,33 kr at 25 %: per-line VAT would be 3 × 6,67 = 20,01; on the sum it is 20,00.
    const totals = invoiceTotals([
      line(3_333, 2500),
      line(10_600, 600),
      line(3_333, 2500),
      line(3_333, 2500),
    ]);
    expect(totals.vat).toEqual([
      { vatRateBp: 2500, grossAmount: 9_999, netAmount: 7_999, vatAmount: 2_000 },
      { vatRateBp: 600, grossAmount: 10_600, netAmount: 10_000, vatAmount: 600 },
    ]);
    expect(totals).toMatchObject({ totalInclVat: 20_599, vatAmount: 2_600 });
  });

  it('is due the issue date plus the payment terms, across month and year ends', () => {
    expect(invoiceDueDate('2026-12-03', 30)).toBe('2027-01-02');
    expect(invoiceDueDate('2026-02-27', 2)).toBe('2026-03-01');
    expect(invoiceDueDate('2026-12-03', null)).toBe('2027-01-02');
    expect(invoiceDueDate('2026-12-03', 0)).toBe('2026-12-03');
  });

  it('derives the state from the money', () => {
    const m = { totalInclVat: 10_000, feesAmount: 0, paidAmount: 0, creditedAmount: 0 };
    expect(invoiceStateOf(m)).toBe('open');
    expect(invoiceStateOf({ ...m, paidAmount: 4_000 })).toBe('partially_paid');
    expect(invoiceStateOf({ ...m, paidAmount: 10_000 })).toBe('paid');
    expect(invoiceBalance({ ...m, paidAmount: 12_000 })).toBe(-2_000);
    expect(invoiceStateOf({ ...m, paidAmount: 12_000 })).toBe('paid');
    expect(invoiceStateOf({ ...m, creditedAmount: 10_000 })).toBe('credited');
    expect(invoiceStateOf({ ...m, feesAmount: 6_000, paidAmount: 10_000 })).toBe('partially_paid');
  });

  it('allows a sale up to the credit limit exactly, and none without a limit', () => {
    expect(fitsCreditLimit(40_000, 10_000, 50_000)).toBe(true);
    expect(fitsCreditLimit(40_000, 10_001, 50_000)).toBe(false);
    expect(fitsCreditLimit(0, 1, null)).toBe(false);
  });
});

describe('isReminderDue', () => {
  const policy = { daysAfterDue: 7, intervalDays: 14, maxReminders: 2 };
  const invoice = { dueDate: '2026-12-01', reminderCount: 0, lastRemindedOn: null };
  it('waits the days after due, then one per interval, up to the maximum', () => {
    expect(isReminderDue(policy, invoice, '2026-12-07')).toBe(false);
    expect(isReminderDue(policy, invoice, '2026-12-08')).toBe(true);
    const once = { ...invoice, reminderCount: 1, lastRemindedOn: '2026-12-08' };
    expect(isReminderDue(policy, once, '2026-12-21')).toBe(false);
    expect(isReminderDue(policy, once, '2026-12-22')).toBe(true);
    expect(isReminderDue(policy, { ...once, reminderCount: 2 }, '2027-06-01')).toBe(false);
  });
});
