import { describe, expect, it } from 'vitest';
import { isValidS10, s10CheckDigit, s10Identifier } from './s10';
import { shipmentAmount, shippedLineAmount } from './shipment-amounts';

describe('UPU S10 identifiers', () => {
  it('computes the check digit of the standard example and its special cases', () => {
    expect(s10CheckDigit('47312482')).toBe(9);
    // Σ = 0 → 11 − 0 = 11 → 5
    expect(s10CheckDigit('00000000')).toBe(5);
    // 00000001: Σ = 7 → 11 − 7 = 4
    expect(s10CheckDigit('00000001')).toBe(4);
    // 00000008: Σ = 56, 56 mod 11 = 1 → 10 → 0
    expect(s10CheckDigit('00000008')).toBe(0);
  });

  it('builds and validates identifiers', () => {
    expect(s10Identifier('CA', 47312482, 'SE')).toBe('CA473124829SE');
    expect(isValidS10('CA473124829SE')).toBe(true);
    expect(isValidS10('CA473124828SE')).toBe(false);
    expect(isValidS10('CA47312482SE')).toBe(false);
    expect(() => s10CheckDigit('1234')).toThrow(/8-digit/);
  });
});

describe('shipment amounts', () => {
  const line = {
    quantity: 3,
    unitPriceInclVat: 3333,
    lineTotalInclVat: 9999,
    unitsBefore: 0,
    amountBefore: 0,
  };
  it('takes the unit price for part of a line and the rest of the total for its last units', () => {
    expect(shippedLineAmount({ ...line, units: 2 })).toBe(6666);
    expect(shippedLineAmount({ ...line, units: 1, unitsBefore: 2, amountBefore: 6666 })).toBe(3333);
    expect(
      shippedLineAmount({ ...line, lineTotalInclVat: 10000, units: 1, unitsBefore: 2, amountBefore: 6666 }),
    ).toBe(3334);
  });

  it('adds the shipping fee on the first shipment only', () => {
    const first = shipmentAmount([{ ...line, units: 3 }], { feeInclVat: 5900, isFirstShipment: true });
    expect(first).toEqual({ lines: [9999], shippingFee: 5900, total: 15899 });
    const later = shipmentAmount([{ ...line, units: 3 }], { feeInclVat: 5900, isFirstShipment: false });
    expect(later.total).toBe(9999);
  });
});
