import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { orderTotals } from '../orders/totals';
import type { PricedBasket } from '../promotions/types';
import { EU_VAT_CLASSES, EU_VAT_RATES, euVatRateBp, isEuCountry } from './eu-rates';
import { isOssSale, saleVatRates, vatRateFor, withLineVatRates } from './oss';

const sale = { sellerCountry: 'SE', vatClass: 'standard' };

describe('vatRateFor', () => {
  it('a Finnish home delivery with OSS carries Finnish VAT: 25.5 % standard, 13.5 % food', () => {
    expect(vatRateFor({ ...sale, destinationCountry: 'FI', isOssRegistered: true })).toEqual({
      scheme: 'oss',
      country: 'FI',
      rateBp: 2550,
    });
    expect(
      vatRateFor({ ...sale, vatClass: 'food', destinationCountry: 'FI', isOssRegistered: true }).rateBp,
    ).toBe(1350);
  });

  it('without OSS the same delivery carries Swedish VAT', () => {
    expect(vatRateFor({ ...sale, destinationCountry: 'FI', isOssRegistered: false })).toEqual({
      scheme: 'domestic',
      country: 'SE',
      rateBp: 2500,
    });
  });

  it('goods collected in a Swedish store carry Swedish VAT whatever the registration', () => {
    for (const isOssRegistered of [true, false]) {
      expect(vatRateFor({ ...sale, destinationCountry: 'SE', isOssRegistered })).toMatchObject({
        scheme: 'domestic',
        rateBp: 2500,
      });
    }
  });

  it('OSS covers EU destinations only: Norway is an export, taxed as the seller decides', () => {
    expect(isOssSale({ sellerCountry: 'SE', destinationCountry: 'NO', isOssRegistered: true })).toBe(false);
    expect(vatRateFor({ ...sale, destinationCountry: 'NO', isOssRegistered: true }).country).toBe('SE');
    // A Norwegian seller is outside the EU table: its own dated rates apply.
    expect(
      vatRateFor({ ...sale, sellerCountry: 'NO', destinationCountry: 'NO', isOssRegistered: true }),
    ).toEqual({ scheme: 'domestic', country: 'NO', rateBp: null });
  });

  it('an unknown VAT class is refused, naming it', () => {
    expect(() =>
      vatRateFor({ ...sale, vatClass: 'luxury', destinationCountry: 'DE', isOssRegistered: true }),
    ).toThrow(/DE VAT rate for the class luxury/);
  });

  it('every EU country has a rate for every class, between 0 and 27 %', () => {
    expect(Object.keys(EU_VAT_RATES)).toHaveLength(27);
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(EU_VAT_RATES)),
        fc.constantFrom(...EU_VAT_CLASSES),
        (c, cls) => {
          const rate = euVatRateBp(c, cls)!;
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(2700);
          expect(rate).toBeLessThanOrEqual(euVatRateBp(c, 'standard')!);
        },
      ),
    );
    expect(isEuCountry('GR')).toBe(true);
    expect(isEuCountry('NO')).toBe(false);
  });
});

describe('saleVatRates', () => {
  const toFinland = { sellerCountry: 'SE', destinationCountry: 'FI', isOssRegistered: true };
  // A snack: food in Sweden (overridden there), standard in its own class; food in Finland too.
  const snack = {
    productTaxClass: 'standard',
    overrides: [
      { country: 'SE', taxClass: 'food' },
      { country: 'FI', taxClass: 'food' },
    ],
    vatRateBp: 600,
  };
  // Confectionery: food in Sweden by override, standard in Finland (no Finnish override).
  const sweets = {
    productTaxClass: 'standard',
    overrides: [{ country: 'SE', taxClass: 'food' }],
    vatRateBp: 600,
  };

  it('takes the class a product has in the destination country, not the one resolved for Sweden', () => {
    expect(saleVatRates(toFinland, [snack, sweets])).toEqual({
      scheme: 'oss',
      lineRatesBp: [1350, 2550],
      shippingRateBp: 2550,
    });
  });

  it('keeps the rates resolved at home for a sale that is not OSS', () => {
    expect(saleVatRates({ ...toFinland, isOssRegistered: false }, [snack, sweets])).toEqual({
      scheme: 'domestic',
      lineRatesBp: [600, 600],
      shippingRateBp: null,
    });
    expect(saleVatRates({ ...toFinland, destinationCountry: 'NO' }, [snack]).lineRatesBp).toEqual([600]);
  });
});

describe('withLineVatRates', () => {
  const basket: PricedBasket = {
    currency: 'SEK',
    lines: [
      {
        lineId: '1',
        skuId: 'a',
        quantity: 2,
        unitPriceInclVat: 10_000,
        vatRateBp: 2500,
        grossAmount: 20_000,
        discounts: [{ ruleId: 'r', name: '10 %', level: 'basket', amount: 2_000 }],
        discountAmount: 2_000,
        amountInclVat: 18_000,
      },
      {
        lineId: '2',
        skuId: 'b',
        quantity: 1,
        unitPriceInclVat: 5_000,
        vatRateBp: 600,
        grossAmount: 5_000,
        discounts: [{ ruleId: 'r', name: '10 %', level: 'basket', amount: 500 }],
        discountAmount: 500,
        amountInclVat: 4_500,
      },
    ],
    discounts: [{ ruleId: 'r', name: '10 %', level: 'basket', amount: 2_500 }],
    appliedCouponCodes: [],
    grossTotal: 25_000,
    discountTotal: 2_500,
    total: 22_500,
    vat: { byRate: [], totalVat: 0, totalNet: 0 },
  };

  it('re-rates the discounted lines and sums VAT per rate on what is left after discounts', () => {
    const rated = withLineVatRates(basket, [2550, 1350]);
    expect(rated.lines.map((l) => l.vatRateBp)).toEqual([2550, 1350]);
    expect(rated.lines.map((l) => l.discountAmount)).toEqual([2_000, 500]);
    // 18 000 at 25.5 %: 18 000 × 25.5 / 125.5 = 3 657.37 → 3 657; 4 500 at 13.5 %: 535.24 → 535.
    expect(rated.vat.byRate).toEqual([
      { vatRateBp: 2550, grossAmount: 18_000, netAmount: 14_343, vatAmount: 3_657 },
      { vatRateBp: 1350, grossAmount: 4_500, netAmount: 3_965, vatAmount: 535 },
    ]);
    expect(rated.vat.totalVat + rated.vat.totalNet).toBe(rated.total);
  });

  it("agrees with the order's totals over the same discounted lines", () => {
    const rated = withLineVatRates(basket, [2550, 1350]);
    const totals = orderTotals(
      rated.lines.map((l) => ({
        quantity: l.quantity,
        unitPriceInclVat: money(l.unitPriceInclVat, 'SEK'),
        vatRateBp: l.vatRateBp,
        discountAmount: l.discountAmount,
      })),
      null,
      'SEK',
    );
    expect(totals.vat.map((v) => [v.rateBp, v.vat.amount, v.totalInclVat.amount])).toEqual(
      rated.vat.byRate.map((r) => [r.vatRateBp, r.vatAmount, r.grossAmount]),
    );
    expect(totals.total.amount).toBe(rated.total);
  });

  it('refuses a rate list that does not match the lines', () => {
    expect(() => withLineVatRates(basket, [2550])).toThrow(/1 rates for 2 lines/);
  });
});
