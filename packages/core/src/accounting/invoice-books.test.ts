import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAccountMap } from './bas-accounts';
import { buildInvoiceBooksVoucher, overpaymentChanges } from './invoice-books';
import { voucherImbalance } from './vouchers';

const accounts = resolveAccountMap();
const day = {
  date: '2026-12-03',
  invoicedByRate: [],
  paid: 0,
  feesCharged: 0,
  refunded: 0,
  overpaidChange: 0,
};

describe('overpaymentChanges', () => {
  it('grows when more is paid than is due and shrinks by a fee, a refund or the rest paid back', () => {
    const changes = overpaymentChanges([
      { date: '2026-11-01', kind: 'due', amount: 10_000 },
      { date: '2026-11-20', kind: 'settled', amount: 6_000 },
      { date: '2026-11-25', kind: 'settled', amount: 6_000 }, // 2 000 over
      { date: '2026-11-28', kind: 'due', amount: 500 }, // a fee eats 500 of it
      { date: '2026-12-03', kind: 'settled', amount: -1_500 }, // the rest refunded
    ]);
    expect([...changes]).toEqual([
      ['2026-11-25', 2_000],
      ['2026-11-28', -500],
      ['2026-12-03', -1_500],
    ]);
  });

  it('never leaves a liability once the history nets out', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            date: fc.integer({ min: 1, max: 28 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`),
            kind: fc.constantFrom('due' as const, 'settled' as const),
            amount: fc.integer({ min: 1, max: 100_000 }),
          }),
        ),
        (events) => {
          const balance = events.reduce((s, e) => s + (e.kind === 'due' ? e.amount : -e.amount), 0);
          const total = [...overpaymentChanges(events).values()].reduce((s, x) => s + x, 0);
          expect(total).toBe(Math.max(0, -balance));
        },
      ),
    );
  });
});

describe('buildInvoiceBooksVoucher', () => {
  it('books a reminder fee as income on receivables, without VAT', () => {
    const v = buildInvoiceBooksVoucher('F', 1, { ...day, feesCharged: 6_000 }, accounts);
    expect(v.transactions).toEqual([
      { account: '1510', amount: 6_000, text: 'Påminnelseavgift' },
      { account: '3930', amount: -6_000, text: 'Påminnelseavgift' },
    ]);
    expect(voucherImbalance(v)).toBe(0);
  });

  it('moves an over-payment to the customer liability and clears it with the refund', () => {
    const paidTooMuch = buildInvoiceBooksVoucher(
      'F',
      1,
      { ...day, paid: 12_000, overpaidChange: 2_000 },
      accounts,
    );
    expect(voucherImbalance(paidTooMuch)).toBe(0);
    const sum = (v: typeof paidTooMuch, account: string) =>
      v.transactions.filter((t) => t.account === account).reduce((s, t) => s + t.amount, 0);
    expect(sum(paidTooMuch, '1930')).toBe(12_000);
    expect(sum(paidTooMuch, '1510')).toBe(-10_000);
    expect(sum(paidTooMuch, '2420')).toBe(-2_000);
    const refund = buildInvoiceBooksVoucher(
      'F',
      2,
      { ...day, refunded: 2_000, overpaidChange: -2_000 },
      accounts,
    );
    expect(voucherImbalance(refund)).toBe(0);
    expect(sum(refund, '2420')).toBe(2_000);
    expect(sum(refund, '1930')).toBe(-2_000);
    expect(sum(refund, '1510')).toBe(0);
  });
});
