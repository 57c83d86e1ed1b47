import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EU_VAT_CLASSES, EU_VAT_RATES, euVatRateBp, isEuCountry } from './eu-rates';
import { isOssSale, vatRateFor } from './oss';

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
