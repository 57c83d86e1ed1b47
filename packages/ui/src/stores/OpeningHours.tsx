import type { Store } from '@handla/api';
import { weekdayName } from '../format';
import { useLocale, useT } from '../i18n/i18n';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A store's week, Monday first: "Måndag 10:00–19:00", or "Stängt" on days without hours. */
export function OpeningHours({ hours }: { hours: Store['openingHours'] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <dl className="opening-hours">
      {WEEKDAYS.map((weekday) => {
        const intervals = hours
          .filter((h) => h.weekday === weekday)
          .sort((a, b) => a.opens.localeCompare(b.opens))
          .map((h) => `${h.opens}–${h.closes}`);
        return (
          <div key={weekday} className="opening-hours-day">
            <dt>{weekdayName(weekday, locale)}</dt>
            <dd>{intervals.length ? intervals.join(', ') : t('stores.closed')}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A store's name, address, phone and opening hours. */
export function StoreCard({ store }: { store: Store }) {
  const t = useT();
  const headingId = `store-${store.id}`;
  return (
    <article className="card stack store-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{store.name}</h3>
      <address>
        {store.street}
        <br />
        {store.postalCode} {store.city}
        {store.phone && (
          <>
            <br />
            {t('stores.phone')}: <a href={`tel:${store.phone.replace(/\s/g, '')}`}>{store.phone}</a>
          </>
        )}
      </address>
      <h4>{t('stores.openingHours')}</h4>
      <OpeningHours hours={store.openingHours} />
    </article>
  );
}
