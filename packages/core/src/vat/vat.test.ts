import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money, sumMoney } from '../money/money';
import { formatVatRate, summarizeVat, type VatLine, vatOfInclusive } from './vat';

const sek = (amount: number) => money(amount, 'SEK');
const line = (amount: number, vatRateBp: number): VatLine => ({ amountInclVat: sek(amount), vatRateBp });
const throwsCode = (code: string) => expect.objectContaining({ name: 'DomainError', code });
const normalise = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const rateArb = fc.constantFrom(0, 600, 1111, 1200, 1400, 1500, 2400, 2500, 2550);

describe('vatOfInclusive', () => {
  it.each([
    [12500, 2500, 2500], // 125,00 kr at 25 % → 25,00
    [10000, 1200, 1071], // 100,00 at 12 % → 10,71
    [9999, 600, 566], // 99,99 at 6 % → 5,66
    [10000, 1111, 1000], // 100,00 at 11,11 % → 9,9991 → 10,00
    [11111, 1111, 1111],
    [10000, 2550, 2032], // 100,00 at 25,5 % → 20,3187 → 20,32
    [12550, 2550, 2550],
    [10000, 0, 0],
    [-12500, 2500, -2500],
    [-1, 600, 0], // positive zero, never -0
  ])('%i öre at %i bp contains %i öre VAT', (gross, rate, vat) => {
    expect(vatOfInclusive(gross, rate)).toBe(vat);
  });

  it('rounds exact halves away from zero', () => {
    // 14 öre at 12 % is 14 · 1200 / 11200 = 1.5 exactly.
    expect(vatOfInclusive(14, 1200)).toBe(2);
    expect(vatOfInclusive(-14, 1200)).toBe(-2);
    expect(vatOfInclusive(42, 1200)).toBe(5);
  });

  it('refuses bad rates and amounts', () => {
    expect(() => vatOfInclusive(100, -1)).toThrow(throwsCode('invalid_vat_rate'));
    expect(() => vatOfInclusive(100, 12.5)).toThrow(throwsCode('invalid_vat_rate'));
    expect(() => vatOfInclusive(1.5, 2500)).toThrow(throwsCode('invalid_amount'));
  });

  it('is the nearest integer to gross · rate / (10000 + rate), ties away from zero', () => {
    const grossArb = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(grossArb, fc.integer({ min: 0, max: 10_000 }), (gross, rate) => {
        const vat = vatOfInclusive(gross, rate);
        const d = BigInt(10_000 + rate);
        const error = 2n * (BigInt(vat) * d - BigInt(gross) * BigInt(rate)); // 2d · (vat − exact)
        expect(error <= d && -error <= d).toBe(true);
        if (error === d || error === -d) {
          // On an exact half, the result must be the one further from zero.
          expect(BigInt(Math.abs(vat)) * d > BigInt(Math.abs(gross)) * BigInt(rate)).toBe(true);
        }
        expect(vatOfInclusive(-gross, rate)).toBe(-vat + 0);
      }),
    );
  });
});

describe('summarizeVat', () => {
  it('summarises a mixed basket per rate, highest rate first', () => {
    const summary = summarizeVat(
      [line(12500, 2500), line(10000, 1200), line(9999, 600), line(2500, 2500)],
      'SEK',
    );
    expect(summary).toEqual({
      byRate: [
        { vatRateBp: 2500, grossAmount: sek(15000), netAmount: sek(12000), vatAmount: sek(3000) },
        { vatRateBp: 1200, grossAmount: sek(10000), netAmount: sek(8929), vatAmount: sek(1071) },
        { vatRateBp: 600, grossAmount: sek(9999), netAmount: sek(9433), vatAmount: sek(566) },
      ],
      totalGross: sek(34999),
      totalNet: sek(30362),
      totalVat: sek(4637),
    });
  });

  it('computes VAT on the sum of a rate, not line by line', () => {
    // Per line 3 × round(10,71) = 33 öre; on the sum, round(300 · 12/112) = round(32,14) = 32.
    const summary = summarizeVat([line(100, 1200), line(100, 1200), line(100, 1200)], 'SEK');
    expect(summary.totalVat).toEqual(sek(32));
  });

  it('handles an empty basket and returns', () => {
    expect(summarizeVat([], 'SEK')).toEqual({
      byRate: [],
      totalGross: sek(0),
      totalNet: sek(0),
      totalVat: sek(0),
    });
    expect(summarizeVat([line(-12500, 2500)], 'SEK').totalVat).toEqual(sek(-2500));
  });

  it('refuses lines in another currency or with a bad rate', () => {
    const nok: VatLine = { amountInclVat: money(100, 'NOK'), vatRateBp: 2500 };
    expect(() => summarizeVat([nok], 'SEK')).toThrow(throwsCode('currency_mismatch'));
    expect(() => summarizeVat([line(100, -600)], 'SEK')).toThrow(throwsCode('invalid_vat_rate'));
  });

  it('keeps totals, per-rate sums and net + VAT = gross consistent', () => {
    const linesArb = fc.array(
      fc.record({ amount: fc.integer({ min: -10_000_000, max: 10_000_000 }), rate: rateArb }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(linesArb, (raw) => {
        const lines = raw.map((l) => line(l.amount, l.rate));
        const summary = summarizeVat(lines, 'SEK');
        const rates = summary.byRate.map((r) => r.vatRateBp);
        expect(rates).toEqual([...new Set(raw.map((l) => l.rate))].sort((a, b) => b - a));
        for (const r of summary.byRate) {
          const ofRate = lines.filter((l) => l.vatRateBp === r.vatRateBp).map((l) => l.amountInclVat);
          expect(r.grossAmount).toEqual(sumMoney(ofRate, 'SEK'));
          expect(r.vatAmount.amount).toBe(vatOfInclusive(r.grossAmount.amount, r.vatRateBp));
          expect(r.netAmount.amount + r.vatAmount.amount).toBe(r.grossAmount.amount);
        }
        const total = (pick: (r: (typeof summary.byRate)[number]) => number) =>
          summary.byRate.reduce((s, r) => s + pick(r), 0);
        expect(summary.totalGross).toEqual(
          sumMoney(
            lines.map((l) => l.amountInclVat),
            'SEK',
          ),
        );
        expect(summary.totalVat.amount).toBe(total((r) => r.vatAmount.amount));
        expect(summary.totalNet.amount).toBe(total((r) => r.netAmount.amount));
        expect(summary.totalNet.amount + summary.totalVat.amount).toBe(summary.totalGross.amount);
        expect(summarizeVat([...lines].reverse(), 'SEK')).toEqual(summary);
      }),
    );
  });
});

describe('formatVatRate', () => {
  it.each([
    [2500, '25 %'],
    [1200, '12 %'],
    [600, '6 %'],
    [1111, '11,11 %'],
    [2550, '25,5 %'],
    [0, '0 %'],
  ])('formats %i bp as %j in sv-SE', (rate, expected) => {
    expect(normalise(formatVatRate(rate))).toBe(expected);
  });

  it('follows the locale', () => {
    expect(formatVatRate(1111, 'en-US')).toBe('11.11%');
  });
});
