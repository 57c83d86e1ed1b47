// Formatting for messages: Swedish conventions in both languages (kr, 24-hour clock), instants in
// the store's time zone, and HTML escaping.
import type { MoneyDto } from '@handla/api';
import { formatMoney } from '@handla/core';

export type Locale = 'sv' | 'en';

const INTL_LOCALE: Record<Locale, string> = { sv: 'sv-SE', en: 'en-SE' };

/** "1 234,50 kr" in both languages. */
export function money(m: MoneyDto, locale: Locale): string {
  return formatMoney(m, INTL_LOCALE[locale]);
}

/** "25 %", "12 %", "6 %"; basis points to a percentage. */
export function vatRate(rateBp: number, locale: Locale): string {
  return `${new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 2 }).format(rateBp / 100)} %`;
}

/** "tisdag 24 november kl. 15:00–15:30" in the given time zone (Europe/Stockholm for our stores). */
export function timeWindow(startIso: string, endIso: string, timeZone: string, locale: Locale): string {
  const day = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(new Date(startIso));
  const clock = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const window = `${clock.format(new Date(startIso))}–${clock.format(new Date(endIso))}`;
  return locale === 'sv' ? `${day} kl. ${window}` : `${day}, ${window}`;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
