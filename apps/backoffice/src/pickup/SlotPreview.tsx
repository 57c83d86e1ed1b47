// The next days' slots with their load, one small bar per slot: a glance shows busy and full times.
import type { PickupSlotLoad } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback } from 'react';

const DAYS = 3;

/** How full a slot is, 0–1: the fuller of orders and items against their limits. */
function fullness(slot: PickupSlotLoad): number {
  const orders = slot.capacityOrders ? slot.bookedOrders / slot.capacityOrders : 0;
  const items = slot.capacityItems ? slot.bookedItems / slot.capacityItems : 0;
  return Math.min(1, Math.max(orders, items));
}

export function SlotPreview({
  storeId,
  today,
  version,
}: {
  storeId: string;
  today: string;
  version: number;
}) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  // `version` reloads the preview after a save.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version changing is what reruns the load
  const load = useCallback(
    () => api.pickup.load(storeId, { date: today, days: DAYS }),
    [api, storeId, today, version],
  );
  const { data, error, reload } = useLoader(load);
  const dayName = (date: string) =>
    new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${date}T00:00:00Z`));
  return (
    <section className="card stack" aria-labelledby="pickup-preview-heading">
      <h2 id="pickup-preview-heading">{t('pickupAdmin.preview.heading')}</h2>
      <p className="muted">{t('pickupAdmin.preview.explained')}</p>
      {error !== null && <ErrorNotice error={error} onRetry={reload} />}
      {data?.days.map((day) => (
        <div key={day.date} className="pickup-preview-day">
          <h3>{dayName(day.date)}</h3>
          {day.slots.length === 0 ? (
            <p className="muted">{t('pickupAdmin.preview.closed')}</p>
          ) : (
            <ul className="pickup-bars">
              {day.slots.map((slot) => {
                const share = fullness(slot);
                const isFull = share >= 1;
                const label =
                  slot.capacityOrders === null
                    ? t('pickupAdmin.preview.slot', {
                        time: slot.localStart,
                        orders: slot.bookedOrders,
                        items: slot.bookedItems,
                      })
                    : t('pickupAdmin.preview.slotOf', {
                        time: slot.localStart,
                        orders: slot.bookedOrders,
                        capacity: slot.capacityOrders,
                        items: slot.bookedItems,
                      });
                const text = isFull ? `${label}. ${t('pickupAdmin.preview.full')}` : label;
                return (
                  <li key={slot.startsAt} className="pickup-bar" title={text}>
                    <span className="visually-hidden">{text}</span>
                    <span
                      aria-hidden="true"
                      className={`pickup-bar-fill ${isFull ? 'is-full' : share >= 0.5 ? 'is-busy' : ''}`}
                      style={{ height: `${Math.max(4, share * 100)}%` }}
                    />
                  </li>
                );
              })}
            </ul>
          )}
          <div className="pickup-bars-axis muted" aria-hidden="true">
            <span>{day.slots[0]?.localStart}</span>
            <span>{day.slots.at(-1)?.localEnd}</span>
          </div>
        </div>
      ))}
    </section>
  );
}
