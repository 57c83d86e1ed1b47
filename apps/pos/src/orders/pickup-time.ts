// A pickup slot as staff read it: on the store's wall clock (its time zone, not the device's),
// with Swedish conventions — "14:00–14:15", and the date unless it is today.

export interface PickupTimeText {
  /** "14:00–14:15" in the store's time zone. */
  time: string;
  /** "tors 4 dec." — the store-local date. */
  date: string;
  /** The slot starts on the store's today. */
  isToday: boolean;
}

function localDate(instant: Date, timeZone: string): string {
  // sv-SE writes dates as YYYY-MM-DD, which compares as text.
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short' }).format(instant);
}

/** Formats a slot given as UTC instants in the store's `timeZone`; `locale` as from `intlLocale`. */
export function formatPickupTime(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  locale: string,
  now: Date,
): PickupTimeText {
  const start = new Date(startsAt);
  const clock = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  return {
    time: `${clock.format(start)}–${clock.format(new Date(endsAt))}`,
    date: date.format(start),
    isToday: localDate(start, timeZone) === localDate(now, timeZone),
  };
}
