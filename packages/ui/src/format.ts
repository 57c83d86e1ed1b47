// Small display formatting for the apps; packages/core owns money arithmetic and receipt formats.
import type { MoneyDto } from '@handla/api';
import type { Locale } from './i18n/i18n';

/** The Intl locale for a UI language: Swedish conventions (kr, 24-hour clock) in both. */
export function intlLocale(locale: Locale): string {
  return locale === 'sv' ? 'sv-SE' : 'en-SE';
}

/** Formats money in minor units as a price, e.g. "199,00 kr". */
export function formatPrice(m: MoneyDto, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: m.currency }).format(
    m.amount / 100,
  );
}

/** Formats an ISO instant as date and time in the browser's time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** Formats an ISO instant as a time of day with seconds. */
export function formatTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'medium' }).format(new Date(iso));
}

// 2024-01-01 was a Monday, so day (weekday - 1) of that week is the wanted weekday.
const MONDAY = Date.UTC(2024, 0, 1);

/** The name of ISO weekday 1 (Monday) … 7 (Sunday), capitalised. */
export function weekdayName(weekday: number, locale: Locale): string {
  const name = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(MONDAY + (weekday - 1) * 86_400_000),
  );
  return name.charAt(0).toUpperCase() + name.slice(1);
}
