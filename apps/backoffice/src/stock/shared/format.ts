// Quantities and dates as the stock screens show them, in the UI's Intl locale.
import { intlLocale, type Locale } from '@handla/ui';

/** A whole number of units, e.g. "1 250". */
export function formatUnits(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

/** A difference with its sign, e.g. "+3", "−1", "0". */
export function formatSigned(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { signDisplay: 'exceptZero' }).format(n);
}

/** Sales per day with one decimal, e.g. "1,4". */
export function formatRate(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(n);
}

/** A calendar date ("2026-11-30") as a date, without shifting it through a time zone. */
export function formatDay(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** Today's date in the browser's time zone, as "YYYY-MM-DD". */
export function todayIso(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
