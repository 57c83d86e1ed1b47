import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAccountMap } from './bas-accounts';
import { convertMinor, convertVoucher, findExchangeRate, rateMicros } from './currency';
import { buildDayVoucher, type DayFigures, splitByVatRate } from './day-vouchers';
import { voucherImbalance } from './vouchers';

const accounts = resolveAccountMap();
const rate = { currency: 'EUR', date: '2026-12-03', rateToSek: '11.2345' };

describe('rates', () => {
  it('reads a rate exactly as millionths and refuses what is not a positive decimal', () => {
    expect(rateMicros('11.2345')).toBe(11_234_500n);
    expect(rateMicros(0.5)).toBe(500_000n);
    for (const bad of ['0', '-1', '1e3', '11,2', '1.1234567', ''])
      expect(() => rateMicros(bad)).toThrow(RangeError);
  });

  it('converts half away from zero', () => {
    expect(convertMinor(100, rateMicros('11.2345'))).toBe(1_123); // 1 123,45 → 1 123
    expect(convertMinor(2, rateMicros('11.25'))).toBe(23); // 22,5 → 23
    expect(convertMinor(-2, rateMicros('11.25'))).toBe(-23);
    expect(Object.is(convertMinor(0, rateMicros('11.25')), 0)).toBe(true);
  });

  it('takes the day’s rate, else the nearest earlier within 7 days', () => {
    const rates = [
      { currency: 'EUR', date: '2026-11-20', rateToSek: '11.1' },
      { currency: 'EUR', date: '2026-11-27', rateToSek: '11.2' },
      { currency: 'USD', date: '2026-12-03', rateToSek: '10.1' },
      { currency: 'EUR', date: '2026-12-04', rateToSek: '11.4' },
    ];
    expect(findExchangeRate(rates, 'EUR', '2026-11-27')?.rateToSek).toBe('11.2');
    expect(findExchangeRate(rates, 'EUR', '2026-12-03')?.rateToSek).toBe('11.2');
    expect(findExchangeRate(rates, 'EUR', '2026-12-04')?.rateToSek).toBe('11.4');
    expect(findExchangeRate(rates, 'EUR', '2026-11-19')).toBeUndefined();
    expect(findExchangeRate(rates.slice(0, 2), 'EUR', '2026-12-05')).toBeUndefined(); // 8 days
  });
});

describe('convertVoucher', () => {
  const euroDay: DayFigures = {
    date: '2026-12-03',
    text: 'Webbshop 2026-12-03',
    salesByRate: [
      { vatRateBp: 2550, grossAmount: 990, vatAmount: 201, ossCountry: 'FI' },
      { vatRateBp: 1350, grossAmount: 190, vatAmount: 23, ossCountry: 'FI' },
    ],
    payments: [{ key: 'card', amount: 1_180 }],
    rounding: 0,
    giftCardsSold: 0,
  };

  it('converts every row, puts the öre left over on the rounding account and names the rate', () => {
    const voucher = convertVoucher(buildDayVoucher('W', 1, euroDay, accounts), rate, accounts);
    expect(voucher.text).toBe('Webbshop 2026-12-03 EUR kurs 11,2345 (2026-12-03)');
    expect(voucherImbalance(voucher)).toBe(0);
    const row = (text: string) => voucher.transactions.find((t) => t.text === text)?.amount;
    expect(row('Kort')).toBe(13_257); // 11,80 € × 11,2345 = 132,5671 kr
    expect(row('Utgående moms OSS FI 25,5 %')).toBe(-2_258); // 2,01 € → 22,5813 kr
    expect(row('Utgående moms OSS FI 13,5 %')).toBe(-258); // 0,23 € → 2,5839 kr
    expect(row('Försäljning OSS FI 25,5 %')).toBe(-8_864); // 7,89 € → 88,6402 kr
    expect(row('Försäljning OSS FI 13,5 %')).toBe(-1_876); // 1,67 € → 18,7616 kr
    // 132,57 − 22,58 − 2,58 − 88,64 − 18,76 = 0,01 kr left by rounding the rows.
    expect(row('Avrundning valutaomräkning')).toBe(-1);
    expect(voucher.transactions.find((t) => t.text === 'Avrundning valutaomräkning')?.account).toBe('3740');
  });

  it('balances in kronor for any balanced day in euros, with each VAT row the converted VAT', () => {
    const line = fc.record({
      vatRateBp: fc.constantFrom(2550, 1350, 1000, 2500, 2100, 0),
      grossAmount: fc.integer({ min: 1, max: 5_000_000 }),
      ossCountry: fc.constantFrom('FI', 'DE', 'DK', null),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: -20_000_000, max: 20_000_000 }).filter((n) => n !== 0),
        fc.integer({ min: 1, max: 99_999_999 }).map((n) => (n / 1_000_000).toFixed(6)),
        (lines, amount, rateToSek) => {
          const domestic = lines.filter((l) => l.ossCountry !== null || [2500, 0].includes(l.vatRateBp));
          fc.pre(domestic.length > 0);
          const sales = splitByVatRate(amount, domestic);
          const figures: DayFigures = {
            ...euroDay,
            salesByRate: sales,
            payments: [{ key: 'card', amount }],
          };
          const original = buildDayVoucher('W', 1, figures, accounts);
          expect(voucherImbalance(original)).toBe(0);
          const micros = rateMicros(rateToSek);
          const converted = convertVoucher(original, { ...rate, rateToSek }, accounts);
          expect(voucherImbalance(converted)).toBe(0);
          for (const t of original.transactions.filter((x) => x.text?.startsWith('Utgående moms'))) {
            const sek = converted.transactions.find((x) => x.text === t.text && x.account === t.account);
            expect(sek?.amount ?? 0).toBe(convertMinor(t.amount, micros));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
