// VAT on VAT-inclusive prices, computed per rate on the sum of that rate's lines (ARCHITECTURE.md,
// invariant 6) so the receipt's VAT matches what the tax authority recomputes from the totals.
import { DomainError } from '../errors';
import { addMoney, type Money, money, subtractMoney, zero } from '../money/money';

/** A VAT rate in basis points (hundredths of a percent): 25 % = 2500, 11.11 % = 1111, 0 = 0. */
export type VatRateBp = number;

/** One VAT-inclusive amount and its rate, the input to a VAT summary. */
export interface VatLine {
  readonly amountInclVat: Money;
  readonly vatRateBp: VatRateBp;
}

/** The totals of one VAT rate; `netAmount + vatAmount = grossAmount` always. */
export interface VatRateSummary {
  readonly vatRateBp: VatRateBp;
  readonly grossAmount: Money;
  readonly netAmount: Money;
  readonly vatAmount: Money;
}

/** VAT per rate (highest rate first) and the totals a receipt prints. */
export interface VatSummary {
  readonly byRate: VatRateSummary[];
  readonly totalGross: Money;
  readonly totalNet: Money;
  readonly totalVat: Money;
}

/** Throws `invalid_vat_rate` unless the rate is a non-negative integer of basis points. */
export function assertVatRate(rateBp: VatRateBp): void {
  if (!Number.isSafeInteger(rateBp) || rateBp < 0) {
    throw new DomainError('invalid_vat_rate', `VAT rate must be non-negative basis points, got ${rateBp}`);
  }
}

/**
 * The VAT contained in a VAT-inclusive amount, gross × rate / (10000 + rate) rounded half away from
 * zero, in BigInt so rates like 11.11 % never pick up float drift.
 */
export function vatOfInclusive(grossMinor: number, rateBp: VatRateBp): number {
  if (!Number.isSafeInteger(grossMinor)) {
    throw new DomainError(
      'invalid_amount',
      `Amount must be a safe integer of minor units, got ${grossMinor}`,
    );
  }
  assertVatRate(rateBp);
  const numerator = BigInt(Math.abs(grossMinor)) * BigInt(rateBp);
  const denominator = 10000n + BigInt(rateBp);
  // floor((2n + d) / 2d) = round-half-up of n / d for n ≥ 0; the sign is applied after.
  const magnitude = Number((2n * numerator + denominator) / (2n * denominator));
  // + 0 so a negative gross with no VAT yields 0, not -0, which Object.is and tests tell apart.
  return (grossMinor < 0 ? -magnitude : magnitude) + 0;
}

/** Groups lines by rate and computes VAT once per rate on the rate's summed gross amount. */
export function summarizeVat(lines: readonly VatLine[], currency: string): VatSummary {
  const grossByRate = new Map<VatRateBp, Money>();
  for (const line of lines) {
    assertVatRate(line.vatRateBp);
    const sum = grossByRate.get(line.vatRateBp) ?? zero(currency);
    grossByRate.set(line.vatRateBp, addMoney(sum, line.amountInclVat));
  }
  const byRate = [...grossByRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([vatRateBp, grossAmount]): VatRateSummary => {
      const vatAmount = money(vatOfInclusive(grossAmount.amount, vatRateBp), currency);
      return { vatRateBp, grossAmount, netAmount: subtractMoney(grossAmount, vatAmount), vatAmount };
    });
  let totalGross = zero(currency);
  let totalNet = zero(currency);
  let totalVat = zero(currency);
  for (const rate of byRate) {
    totalGross = addMoney(totalGross, rate.grossAmount);
    totalNet = addMoney(totalNet, rate.netAmount);
    totalVat = addMoney(totalVat, rate.vatAmount);
  }
  return { byRate, totalGross, totalNet, totalVat };
}

const rateFormatters = new Map<string, Intl.NumberFormat>();

/** Formats a rate as a percentage for the locale, e.g. "25 %" or "11,11 %" in sv-SE. */
export function formatVatRate(rateBp: VatRateBp, locale = 'sv-SE'): string {
  assertVatRate(rateBp);
  let nf = rateFormatters.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    rateFormatters.set(locale, nf);
  }
  // Integer ÷ 10000 is correctly rounded, and ICU prints the shortest decimal, so 1111 stays 0.1111.
  return nf.format(rateBp / 10000);
}

/** A summary as plain minor units, the shape baskets, orders and receipts carry. */
export function vatSummaryAmounts(vat: VatSummary) {
  return {
    byRate: vat.byRate.map((r) => ({
      vatRateBp: r.vatRateBp,
      grossAmount: r.grossAmount.amount,
      netAmount: r.netAmount.amount,
      vatAmount: r.vatAmount.amount,
    })),
    totalVat: vat.totalVat.amount,
    totalNet: vat.totalNet.amount,
  };
}
