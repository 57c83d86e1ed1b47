// VAT rates change by date (Swedish food: 12 % → 6 % on 2026-04-01), so a rate is a period per
// country × tax class, and the one that applies is chosen by the local calendar date of the sale:
// the tax authority reasons in the store's dates, not in UTC.
import { DomainError } from '../errors';
import type { VatRateBp } from '../vat/vat';

/** One VAT rate period: the rate of a tax class in a country, from `validFrom` to `validTo` inclusive. */
export interface VatRatePeriod {
  readonly country: string;
  readonly taxClass: string;
  readonly rateBp: VatRateBp;
  /** The first local date (YYYY-MM-DD) the rate applies. */
  readonly validFrom: string;
  /** The last local date (YYYY-MM-DD) the rate applies; null = until further notice. */
  readonly validTo: string | null;
}

/** Where and when a rate is asked for: the sale's instant is read as a date in `timeZone`. */
export interface VatRateQuery {
  readonly country: string;
  readonly taxClass: string;
  readonly at: Date;
  readonly timeZone: string;
}

/** A field error in the problem+json shape, for callers that report several at once. */
export interface VatPeriodFieldError {
  field: string;
  message: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The calendar date (YYYY-MM-DD) of the instant `at` on a wall clock in `timeZone`. */
export function localDateIn(at: Date, timeZone: string): string {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      throw new DomainError('invalid_time_zone', `Unknown time zone ${JSON.stringify(timeZone)}`);
    }
    dateFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, p.value]));
  return `${String(parts.year).padStart(4, '0')}-${parts.month}-${parts.day}`;
}

const covers = (period: VatRatePeriod, day: string) =>
  period.validFrom <= day && (period.validTo === null || day <= period.validTo);

/**
 * The rate period in force for `query`: the one whose dates include the local date of `at`, or
 * undefined when the country has no rate for the class that day. Periods never overlap once
 * validated; should they, the one that started last wins, so the answer is still deterministic.
 */
export function vatRateInForce(
  rates: readonly VatRatePeriod[],
  query: VatRateQuery,
): VatRatePeriod | undefined {
  const day = localDateIn(query.at, query.timeZone);
  let found: VatRatePeriod | undefined;
  for (const rate of rates) {
    if (rate.country !== query.country || rate.taxClass !== query.taxClass || !covers(rate, day)) continue;
    if (!found || rate.validFrom > found.validFrom) found = rate;
  }
  return found;
}

/** True when two periods are for the same country and class and share at least one day. */
export function vatPeriodsOverlap(a: VatRatePeriod, b: VatRatePeriod): boolean {
  if (a.country !== b.country || a.taxClass !== b.taxClass) return false;
  const aEndsBeforeB = a.validTo !== null && a.validTo < b.validFrom;
  const bEndsBeforeA = b.validTo !== null && b.validTo < a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** Every pair of periods that overlap, each pair once, in input order; empty for a valid table. */
export function findVatPeriodOverlaps(rates: readonly VatRatePeriod[]): [VatRatePeriod, VatRatePeriod][] {
  const pairs: [VatRatePeriod, VatRatePeriod][] = [];
  rates.forEach((a, i) => {
    for (const b of rates.slice(i + 1)) if (vatPeriodsOverlap(a, b)) pairs.push([a, b]);
  });
  return pairs;
}

/** What is wrong with one period on its own (dates, order, rate range); empty when it is valid. */
export function checkVatRatePeriod(period: VatRatePeriod): VatPeriodFieldError[] {
  const errors: VatPeriodFieldError[] = [];
  if (!/^[A-Z]{2}$/.test(period.country))
    errors.push({ field: 'country', message: 'Two capital letters (ISO 3166-1)' });
  if (!Number.isSafeInteger(period.rateBp) || period.rateBp < 0 || period.rateBp > 10_000)
    errors.push({ field: 'rateBp', message: 'Basis points from 0 to 10000' });
  if (!isIsoDate(period.validFrom)) errors.push({ field: 'validFrom', message: 'A date YYYY-MM-DD' });
  if (period.validTo !== null && !isIsoDate(period.validTo))
    errors.push({ field: 'validTo', message: 'A date YYYY-MM-DD or null' });
  else if (period.validTo !== null && period.validTo < period.validFrom)
    errors.push({ field: 'validTo', message: 'Must not be before validFrom' });
  return errors;
}

const periodText = (p: VatRatePeriod) => `${p.validFrom}–${p.validTo ?? '…'} at ${p.rateBp} bp`;

/**
 * Throws unless `candidate` can join `existing`: `validation_failed` for a malformed period,
 * `conflict` naming the period it overlaps, because two rates on one day would make VAT ambiguous.
 */
export function assertVatPeriodFits(existing: readonly VatRatePeriod[], candidate: VatRatePeriod): void {
  const errors = checkVatRatePeriod(candidate);
  if (errors.length > 0)
    throw new DomainError('validation_failed', 'The VAT rate period is invalid.', errors);
  const clash = existing.find((period) => vatPeriodsOverlap(period, candidate));
  if (clash) {
    throw new DomainError(
      'conflict',
      `${candidate.country} ${candidate.taxClass} already has a rate for some of these days (${periodText(clash)}).`,
      [{ field: 'validFrom', message: `Overlaps ${periodText(clash)}` }],
    );
  }
}

/** The tax class a product sells under in `country`: its override there, else its own class. */
export function taxClassIn(
  country: string,
  productTaxClass: string,
  overrides: readonly { country: string; taxClass: string }[],
): string {
  return overrides.find((o) => o.country === country)?.taxClass ?? productTaxClass;
}
