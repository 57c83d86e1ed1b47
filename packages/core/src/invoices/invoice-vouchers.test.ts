import { describe, expect, it } from 'vitest';
import { resolveAccountMap } from '../accounting/bas-accounts';
import { voucherImbalance } from '../accounting/vouchers';
import { buildInvoiceDayVoucher } from './invoice-vouchers';

describe('buildInvoiceDayVoucher', () => {
  const accounts = resolveAccountMap();
  it('books sales on account per VAT rate and money in against receivables, balanced', () => {
    const v = buildInvoiceDayVoucher(
      'F',
      1,
      {
        date: '2026-12-03',
        invoicedByRate: [
          { vatRateBp: 2500, grossAmount: 12_500, vatAmount: 2_500 },
          { vatRateBp: 1200, grossAmount: 1_120, vatAmount: 120 },
        ],
        paid: 5_000,
      },
      accounts,
    );
    expect(voucherImbalance(v)).toBe(0);
    expect(v.transactions).toEqual([
      { account: '1510', amount: 13_620, text: 'Fakturerat' },
      { account: '3001', amount: -10_000, text: 'Försäljning på faktura' },
      { account: '2611', amount: -2_500, text: 'Utgående moms' },
      { account: '3002', amount: -1_000, text: 'Försäljning på faktura' },
      { account: '2621', amount: -120, text: 'Utgående moms' },
      { account: '1930', amount: 5_000, text: 'Inbetalt på faktura' },
      { account: '1510', amount: -5_000, text: 'Inbetalt på faktura' },
    ]);
  });

  it('refuses a VAT rate without accounts, naming it', () => {
    expect(() =>
      buildInvoiceDayVoucher(
        'F',
        1,
        {
          date: '2026-12-03',
          invoicedByRate: [{ vatRateBp: 1500, grossAmount: 115, vatAmount: 15 }],
          paid: 0,
        },
        accounts,
      ),
    ).toThrow(/no sales account/);
  });
});
