import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatAmount, formatMoney } from './format';
import { money } from './money';

// Intl separates groups and symbols with U+00A0 or U+202F depending on the ICU version.
const normalise = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('formats SEK the Swedish way by default', () => {
    expect(normalise(formatMoney(money(123450, 'SEK')))).toBe('1 234,50 kr');
    expect(normalise(formatMoney(money(-5, 'SEK')))).toBe('\u22120,05 kr');
    expect(formatMoney(money(123450, 'SEK'))).toBe(
      new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' }).format(1234.5),
    );
  });

  it('follows the locale and the currency’s decimals', () => {
    expect(normalise(formatMoney(money(123450, 'DKK'), 'da-DK'))).toBe('1.234,50 kr.');
    expect(normalise(formatMoney(money(123450, 'EUR'), 'fi-FI'))).toBe('1 234,50 €');
    expect(normalise(formatMoney(money(1234, 'ISK'), 'is-IS'))).toBe('1.234 kr.');
  });

  it('stays exact where amount / 100 as a float would misround', () => {
    // 9007199254740991 / 100 is the double 90071992547409.9, one öre off.
    expect(normalise(formatMoney(money(Number.MAX_SAFE_INTEGER, 'SEK')))).toBe('90 071 992 547 409,91 kr');
  });
});

describe('formatAmount', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('omits the currency symbol for receipt columns', () => {
    expect(normalise(formatAmount(money(123450, 'SEK')))).toBe('1 234,50');
    expect(normalise(formatAmount(money(5, 'SEK')))).toBe('0,05');
    expect(normalise(formatAmount(money(1234, 'ISK'), 'is-IS'))).toBe('1.234');
  });

  it('prints exactly the minor units it was given', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const abs = BigInt(Math.abs(amount));
        const expected = `${amount < 0 ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
        expect(formatAmount(money(amount, 'SEK'), 'en-US').replaceAll(',', '')).toBe(expected);
      }),
    );
  });

  it('builds one formatter per locale and currency, not one per call', () => {
    formatAmount(money(1, 'CHF'), 'de-CH');
    const Original = Intl.NumberFormat;
    const construct = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (
      this: unknown,
      locales,
      options,
    ) {
      return new Original(locales, options);
    } as typeof Intl.NumberFormat);
    formatAmount(money(100, 'CHF'), 'de-CH');
    formatAmount(money(200, 'CHF'), 'de-CH');
    formatMoney(money(300, 'CHF'), 'de-CH');
    formatMoney(money(400, 'CHF'), 'de-CH');
    expect(construct).toHaveBeenCalledTimes(1);
  });
});
