import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { accountKeyForWebPayment, resolveAccountMap } from './bas-accounts';
import { buildDayVoucher, type DayFigures, splitByVatRate } from './day-vouchers';
import { assertVouchersBalance, voucherImbalance } from './vouchers';

const accounts = resolveAccountMap();

const day: DayFigures = {
  date: '2026-12-03',
  text: 'Kassa Stockholm 2026-12-03',
  salesByRate: [
    { vatRateBp: 2500, grossAmount: 12_500, vatAmount: 2_500 },
    { vatRateBp: 1200, grossAmount: 5_600, vatAmount: 600 },
    { vatRateBp: 600, grossAmount: 1_060, vatAmount: 60 },
  ],
  payments: [
    { key: 'cash', amount: 10_000 },
    { key: 'card', amount: 8_000 },
    { key: 'gift_card', amount: 1_000 },
    { key: 'swish', amount: 2_000 },
  ],
  rounding: -40,
  giftCardsSold: 1_880,
};

describe('buildDayVoucher', () => {
  it('books payments on the debit side and sales, VAT, rounding and gift cards sold on the credit side', () => {
    const voucher = buildDayVoucher('K', 1, day, accounts);
    const byAccount: Record<string, number> = {};
    for (const t of voucher.transactions) byAccount[t.account] = (byAccount[t.account] ?? 0) + t.amount;
    expect(byAccount).toEqual({
      '1910': 10_000,
      '1580': 8_000,
      '2421': 1_000 - 1_880,
      '1930': 2_000,
      '3001': -10_000,
      '2611': -2_500,
      '3002': -5_000,
      '2621': -600,
      '3003': -1_000,
      '2631': -60,
      '3740': 40,
    });
    expect(voucherImbalance(voucher)).toBe(0);
    // Redeemed and sold gift cards stay two lines on the liability account.
    expect(voucher.transactions.filter((t) => t.account === '2421').map((t) => t.amount)).toEqual([
      1_000, -1_880,
    ]);
  });

  it('uses the company’s accounts where it overrides a default', () => {
    const voucher = buildDayVoucher('K', 1, day, resolveAccountMap({ card: '1581', sales_25: '3010' }));
    const accountsUsed = voucher.transactions.map((t) => t.account);
    expect(accountsUsed).toContain('1581');
    expect(accountsUsed).toContain('3010');
    expect(accountsUsed).not.toContain('3001');
  });

  it('reverses the same accounts for a day of returns', () => {
    const returns: DayFigures = {
      ...day,
      salesByRate: [{ vatRateBp: 2500, grossAmount: -1_250, vatAmount: -250 }],
      payments: [{ key: 'card', amount: -1_250 }],
      rounding: 0,
      giftCardsSold: 0,
    };
    const voucher = buildDayVoucher('K', 2, returns, accounts);
    expect(voucher.transactions.map((t) => [t.account, t.amount])).toEqual([
      ['1580', -1_250],
      ['3001', 1_000],
      ['2611', 250],
    ]);
  });

  it('refuses a VAT rate without accounts, naming the field', () => {
    const norwegian = { ...day, salesByRate: [{ vatRateBp: 1111, grossAmount: 1_111, vatAmount: 111 }] };
    expect(() => buildDayVoucher('K', 1, norwegian, accounts)).toThrow(DomainError);
  });
});

describe('assertVouchersBalance', () => {
  it('names every voucher that does not balance', () => {
    const good = buildDayVoucher('K', 1, day, accounts);
    const bad = buildDayVoucher('K', 2, { ...day, rounding: 0 }, accounts);
    expect(() => assertVouchersBalance([good])).not.toThrow();
    try {
      assertVouchersBalance([good, bad]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('unbalanced_voucher');
      expect((error as DomainError).fields).toEqual([
        { field: 'vouchers.K 2', message: expect.stringContaining('off by -40 öre') },
      ]);
    }
  });
});

describe('splitByVatRate', () => {
  it('splits a partial capture in proportion to the order’s rates and keeps every öre', () => {
    const parts = splitByVatRate(10_001, [
      { vatRateBp: 2500, grossAmount: 20_000 },
      { vatRateBp: 1200, grossAmount: 10_000 },
    ]);
    expect(parts.map((p) => p.grossAmount)).toEqual([6_667, 3_334]);
    expect(parts.reduce((s, p) => s + p.grossAmount, 0)).toBe(10_001);
    expect(parts[0]!.vatAmount).toBe(1_333);
  });

  it('gives a refund negative parts', () => {
    expect(splitByVatRate(-12_500, [{ vatRateBp: 2500, grossAmount: 50_000 }])).toEqual([
      { vatRateBp: 2500, grossAmount: -12_500, vatAmount: -2_500 },
    ]);
  });
});

describe('OSS sales', () => {
  const finnish: DayFigures = {
    date: '2026-12-03',
    text: 'Webbshop 2026-12-03',
    salesByRate: [
      { vatRateBp: 2550, grossAmount: 12_550, vatAmount: 2_550, ossCountry: 'FI' },
      { vatRateBp: 1350, grossAmount: 1_135, vatAmount: 135, ossCountry: 'FI' },
      { vatRateBp: 2500, grossAmount: 1_250, vatAmount: 250 },
    ],
    payments: [{ key: 'card', amount: 14_935 }],
    rounding: 0,
    giftCardsSold: 0,
  };

  it('books each country and rate on the OSS accounts with its own rows, naming both', () => {
    const voucher = buildDayVoucher('W', 1, finnish, accounts);
    expect(voucherImbalance(voucher)).toBe(0);
    expect(voucher.transactions).toEqual([
      { account: '1580', amount: 14_935, text: 'Kort' },
      { account: '3106', amount: -10_000, text: 'Försäljning OSS FI 25,5 %' },
      { account: '2619', amount: -2_550, text: 'Utgående moms OSS FI 25,5 %' },
      { account: '3106', amount: -1_000, text: 'Försäljning OSS FI 13,5 %' },
      { account: '2619', amount: -135, text: 'Utgående moms OSS FI 13,5 %' },
      { account: '3001', amount: -1_000, text: 'Försäljning 25 %' },
      { account: '2611', amount: -250, text: 'Utgående moms 25 %' },
    ]);
  });

  it('uses the company’s OSS accounts', () => {
    const voucher = buildDayVoucher(
      'W',
      1,
      finnish,
      resolveAccountMap({ oss_sales: '3108', oss_vat: '2618' }),
    );
    expect(voucher.transactions.map((t) => t.account)).toEqual(expect.arrayContaining(['3108', '2618']));
    expect(voucher.transactions.map((t) => t.account)).not.toContain('3106');
  });

  it('uses a country’s own OSS accounts where the company set them, the shared ones elsewhere', () => {
    const perCountry = resolveAccountMap({
      'oss_sales:FI': '3107',
      'oss_vat:FI': '2617',
      'oss_sales:XX': '3999',
    });
    expect(perCountry.ossByCountry).toEqual({ 'oss_sales:FI': '3107', 'oss_vat:FI': '2617' });
    const withDanish = {
      ...finnish,
      salesByRate: [
        ...finnish.salesByRate,
        { vatRateBp: 2500, grossAmount: 1_250, vatAmount: 250, ossCountry: 'DK' },
      ],
      payments: [{ key: 'card' as const, amount: 16_185 }],
    };
    const voucher = buildDayVoucher('W', 1, withDanish, perCountry);
    expect(voucherImbalance(voucher)).toBe(0);
    const accountOf = (text: string) => voucher.transactions.find((t) => t.text === text)?.account;
    expect(accountOf('Försäljning OSS FI 25,5 %')).toBe('3107');
    expect(accountOf('Utgående moms OSS FI 13,5 %')).toBe('2617');
    expect(accountOf('Försäljning OSS DK 25 %')).toBe('3106');
    expect(accountOf('Utgående moms OSS DK 25 %')).toBe('2619');
  });

  it('keeps a Swedish 25 % sale and a Danish 25 % OSS sale apart when adding and splitting', () => {
    const parts = splitByVatRate(3_000, [
      { vatRateBp: 2500, grossAmount: 1_000 },
      { vatRateBp: 2500, grossAmount: 2_000, ossCountry: 'DK' },
    ]);
    expect(parts).toEqual([
      { vatRateBp: 2500, grossAmount: 1_000, vatAmount: 200 },
      { vatRateBp: 2500, grossAmount: 2_000, vatAmount: 400, ossCountry: 'DK' },
    ]);
  });
});

describe('web payment methods', () => {
  it('books a marketplace’s prepaid order on its receivable and a web voucher on the voucher liability', () => {
    expect(accountKeyForWebPayment('prepaid_external')).toBe('marketplace');
    expect(accountKeyForWebPayment('voucher')).toBe('voucher');
    expect(accountKeyForWebPayment('card')).toBe('card');
    expect(accountKeyForWebPayment('in_store')).toBeUndefined();
    expect(accountKeyForWebPayment('toString')).toBeUndefined();
    const voucher = buildDayVoucher(
      'W',
      1,
      {
        date: '2026-12-03',
        text: 'Webbshop 2026-12-03',
        salesByRate: [{ vatRateBp: 2500, grossAmount: 30_000, vatAmount: 6_000 }],
        payments: [
          { key: 'marketplace', amount: 20_000 },
          { key: 'voucher', amount: 10_000 },
        ],
        rounding: 0,
        giftCardsSold: 0,
      },
      accounts,
    );
    expect(voucherImbalance(voucher)).toBe(0);
    expect(voucher.transactions.slice(0, 2)).toEqual([
      { account: '1680', amount: 20_000, text: 'Marknadsplats' },
      { account: '2429', amount: 10_000, text: 'Tillgodokvitto' },
    ]);
  });
});
