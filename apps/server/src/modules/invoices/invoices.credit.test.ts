import { describe, expect, it } from 'vitest';
import { creditShareOf } from './invoices.credit';

const invoice = { totalInclVat: 10_000, feesAmount: 0, paidAmount: 0, creditedAmount: 0 };

describe('creditShareOf', () => {
  it('credits what is asked while the invoice is unpaid', () => {
    expect(creditShareOf(invoice, 4_000)).toEqual({ credit: 4_000, overpaid: 0 });
  });

  it('never credits more than is left to credit', () => {
    expect(creditShareOf({ ...invoice, creditedAmount: 7_000 }, 4_000)).toEqual({
      credit: 3_000,
      overpaid: 0,
    });
    expect(creditShareOf({ ...invoice, creditedAmount: 10_000 }, 1)).toEqual({ credit: 0, overpaid: 0 });
  });

  it('leaves an over-payment when the invoice was paid', () => {
    expect(creditShareOf({ ...invoice, paidAmount: 10_000 }, 2_500)).toEqual({
      credit: 2_500,
      overpaid: 2_500,
    });
    // Paid 6 000 of 10 000: a credit of 5 000 leaves 1 000 paid too much.
    expect(creditShareOf({ ...invoice, paidAmount: 6_000 }, 5_000)).toEqual({
      credit: 5_000,
      overpaid: 1_000,
    });
  });
});
