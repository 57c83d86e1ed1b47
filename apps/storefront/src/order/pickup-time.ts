import { intlLocale, type Locale } from '@handla/ui';

/** "mån 23 nov. 14:00–14:15" on the store's clock, whatever the phone's own time zone. */
export function pickupTimeText(startsAt: string, endsAt: string, timeZone: string, locale: Locale): string {
  const day = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  });
  const time = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', timeZone });
  return `${day.format(new Date(startsAt))} ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}
