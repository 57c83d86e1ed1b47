import { computeReceipt } from '@handla/core';
import { describe, expect, it } from 'vitest';
import { policyFor } from '../sale/draft';
import { cashDueOf, cashPaymentOf, isSettled, remainingOf } from './payments';

const line = {
  skuId: 's',
  skuCode: 'S',
  name: 'Vara',
  quantity: 1,
  unitPriceInclVat: 24_930,
  vatRateBp: 2500,
};

describe('split payments at the register', () => {
  it('rounds the cash due to whole kronor and gives change, as the core settles it', () => {
    expect(cashDueOf(24_930, 'SEK')).toEqual({ due: 24_900, rounding: -30 });
    const cash = cashPaymentOf(50_000, 24_930, 'SEK');
    expect(cash).toEqual({ method: 'cash', amount: 24_900, tendered: 50_000 });
    const receipt = computeReceipt(
      { currency: 'SEK', isTraining: false, lines: [line], payments: [cash] },
      policyFor('cashier'),
    );
    expect(receipt.roundingAmount).toBe(-30);
    expect(receipt.changeAmount).toBe(25_100);
    expect(receipt.totalToPay).toBe(24_900);
  });

  it('settles card first and the rest in cash, rounding only the cash part', () => {
    const card = { method: 'card_standalone' as const, amount: 10_000 };
    expect(remainingOf(24_930, [card])).toBe(14_930);
    expect(isSettled(24_930, [card], 'SEK')).toBe(false);
    const cash = cashPaymentOf(15_000, remainingOf(24_930, [card]), 'SEK');
    expect(isSettled(24_930, [card, cash], 'SEK')).toBe(true);
    const receipt = computeReceipt(
      { currency: 'SEK', isTraining: false, lines: [line], payments: [card, cash] },
      policyFor('cashier'),
    );
    expect(receipt.roundingAmount).toBe(-30);
    expect(receipt.changeAmount).toBe(100);
  });

  it('is not settled by too little cash', () => {
    expect(isSettled(24_930, [{ method: 'cash', amount: 20_000, tendered: 20_000 }], 'SEK')).toBe(false);
  });
});
