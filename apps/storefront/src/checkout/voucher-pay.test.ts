import type { LoyaltyVoucher } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { canAddVoucher, usableVouchers, voucherSplit } from './voucher-pay';

const voucher = (code: string, amount: number, patch: Partial<LoyaltyVoucher> = {}): LoyaltyVoucher => ({
  code,
  amount,
  currency: 'SEK',
  validUntil: '2027-01-01T00:00:00.000Z',
  isUsed: false,
  ...patch,
});

describe('vouchers at checkout', () => {
  it('offers only unused, unexpired vouchers in the currency', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    const list = [
      voucher('A', 5000),
      voucher('B', 5000, { isUsed: true }),
      voucher('C', 5000, { validUntil: '2026-12-01T00:00:00.000Z' }),
      voucher('D', 5000, { currency: 'EUR' }),
    ];
    expect(usableVouchers(list, 'SEK', now).map((v) => v.code)).toEqual(['A']);
  });

  it('pays part of the order, or all of it with the excess forfeited', () => {
    expect(voucherSplit([voucher('A', 5000)], 12_000)).toEqual({
      paidByVouchers: 5000,
      toPay: 7000,
      forfeited: 0,
    });
    expect(voucherSplit([voucher('A', 5000), voucher('B', 10_000)], 12_000)).toEqual({
      paidByVouchers: 12_000,
      toPay: 0,
      forfeited: 3000,
    });
    expect(voucherSplit([], 12_000)).toEqual({ paidByVouchers: 0, toPay: 12_000, forfeited: 0 });
  });

  it('takes no further voucher once the chosen ones pay the whole order', () => {
    expect(canAddVoucher([voucher('A', 5000)], 12_000)).toBe(true);
    expect(canAddVoucher([voucher('A', 12_000)], 12_000)).toBe(false);
  });
});
