import { describe, expect, it } from 'vitest';
import { differenceToPay, splitOverPayments } from './payment-split';

describe('splitOverPayments', () => {
  it('takes from the first payment first, then the next', () => {
    const payments = [
      { paymentId: 'a', available: 10_000 },
      { paymentId: 'b', available: 2_500 },
    ];
    expect(splitOverPayments(payments, 4_000)).toEqual([{ paymentId: 'a', amount: 4_000 }]);
    expect(splitOverPayments(payments, 11_000)).toEqual([
      { paymentId: 'a', amount: 10_000 },
      { paymentId: 'b', amount: 1_000 },
    ]);
    expect(splitOverPayments(payments, 12_500)).toHaveLength(2);
  });

  it('skips an exhausted payment and refuses more than all hold', () => {
    const payments = [
      { paymentId: 'a', available: 0 },
      { paymentId: 'b', available: 300 },
    ];
    expect(splitOverPayments(payments, 300)).toEqual([{ paymentId: 'b', amount: 300 }]);
    expect(splitOverPayments(payments, 301)).toBeNull();
    expect(splitOverPayments(payments, 0)).toEqual([]);
  });
});

describe('differenceToPay', () => {
  it('is what is left to capture beyond the authorizations, never below zero', () => {
    expect(differenceToPay({ dueInclVat: 15_000, capturedInclVat: 0, uncapturedInclVat: 10_000 })).toBe(
      5_000,
    );
    expect(differenceToPay({ dueInclVat: 15_000, capturedInclVat: 5_000, uncapturedInclVat: 10_000 })).toBe(
      0,
    );
    expect(differenceToPay({ dueInclVat: 8_000, capturedInclVat: 0, uncapturedInclVat: 10_000 })).toBe(0);
  });
});
