import type { PickupSlotDay } from '@handla/api';
import { ErrorNotice, intlLocale, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useEffect, useState } from 'react';
import { useStoreChoice } from '../catalog/StoreChoice';

// Enough for the next two hours of 15-minute slots; the rest behind a button keeps the page short.
const VISIBLE_SLOTS = 8;

/** A store-local date ("2026-11-23") as "mån 23 nov"; noon UTC keeps it on the same day everywhere. */
function dateLabel(date: string, locale: 'sv' | 'en'): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** Pickup: which store, which day, which free time — big buttons, "as soon as possible" first. */
export function PickupSection({
  storeId,
  onStore,
  slot,
  onSlot,
  itemCount,
  storeError,
  slotError,
  reloadKey,
  offerOtherTime,
  onPayInStoreAllowed,
}: {
  storeId: string;
  onStore: (storeId: string) => void;
  slot: string;
  onSlot: (slot: string) => void;
  itemCount: number;
  storeError?: string;
  slotError?: string;
  /** Changes when the slots must be asked for again (e.g. the chosen one filled up). */
  reloadKey: number;
  /** The server refused the chosen time: offer to choose another. */
  offerOtherTime: boolean;
  /** Whether the chosen store takes payment at pickup; false until its slots have loaded. */
  onPayInStoreAllowed: (allowed: boolean) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const { stores } = useStoreChoice();
  const [date, setDate] = useState('');
  const [showAll, setShowAll] = useState(false);
  const slots = useLoader<PickupSlotDay | null>(
    // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks again on purpose
    useCallback(
      () =>
        storeId
          ? api.shop.pickupSlots(storeId, { date: date || undefined, items: itemCount })
          : Promise.resolve(null),
      [api, storeId, date, itemCount, reloadKey],
    ),
  );
  const day = slots.data;
  // The answer of the store on screen only: a previous store's slots may linger while loading.
  const payInStoreAllowed = day?.storeId === storeId && day.payInStoreAllowed;
  useEffect(() => onPayInStoreAllowed(payInStoreAllowed), [payInStoreAllowed, onPayInStoreAllowed]);

  return (
    <>
      <fieldset className="stack-tight">
        <legend>{t('shop.checkout.pickupStore')}</legend>
        <div className="choice-list">
          {stores.map((s) => (
            <label key={s.id} className="choice">
              <input
                type="radio"
                name="pickup-store"
                value={s.id}
                checked={storeId === s.id}
                onChange={() => {
                  setDate('');
                  onStore(s.id);
                }}
              />
              <span>
                <strong>{s.name}</strong>
                <span className="muted choice-detail">
                  {s.street}, {s.city}
                </span>
              </span>
            </label>
          ))}
        </div>
        {storeError && <p className="field-error">{storeError}</p>}
      </fieldset>

      {storeId && (
        <fieldset className="stack-tight" aria-describedby={slotError ? 'slot-error' : undefined}>
          <legend>{t('shop.checkout.pickupTime')}</legend>
          {slots.loading && <p className="muted">{t('shop.checkout.loadingSlots')}</p>}
          {slots.error !== null && <ErrorNotice error={slots.error} onRetry={slots.reload} />}
          {day && day.openDates.length > 0 && (
            <fieldset className="date-buttons">
              <legend className="visually-hidden">{t('shop.checkout.pickupDate')}</legend>
              {day.openDates.slice(0, 7).map((d) => (
                <button
                  key={d}
                  type="button"
                  className="button"
                  aria-pressed={d === day.date}
                  onClick={() => {
                    setDate(d);
                    onSlot('');
                  }}
                >
                  {dateLabel(d, locale)}
                </button>
              ))}
            </fieldset>
          )}
          {day && !slots.loading && (
            <>
              <p className="muted">{t('shop.checkout.slotsOn', { date: dateLabel(day.date, locale) })}</p>
              {day.asap === null && day.slots.length === 0 && <p>{t('shop.checkout.noSlots')}</p>}
              <div className="slot-buttons">
                {day.asap && (
                  <label className="slot-button slot-asap">
                    <input
                      type="radio"
                      name="pickup-slot"
                      value="asap"
                      checked={slot === 'asap'}
                      onChange={() => onSlot('asap')}
                    />
                    <span>
                      {t('shop.checkout.asap')}
                      <span className="choice-detail">
                        {t('shop.checkout.asapFrom', { time: day.asap.localStart })}
                      </span>
                    </span>
                  </label>
                )}
                {(showAll ? day.slots : day.slots.slice(0, VISIBLE_SLOTS)).map((s) => (
                  <label key={s.startsAt} className="slot-button">
                    <input
                      type="radio"
                      name="pickup-slot"
                      value={s.startsAt}
                      checked={slot === s.startsAt}
                      onChange={() => onSlot(s.startsAt)}
                    />
                    <span>
                      {s.localStart}–{s.localEnd}
                    </span>
                  </label>
                ))}
              </div>
              {!showAll && day.slots.length > VISIBLE_SLOTS && (
                <button type="button" className="button" onClick={() => setShowAll(true)}>
                  {t('shop.checkout.allTimes', { count: day.slots.length })}
                </button>
              )}
            </>
          )}
          {slotError && (
            <div id="slot-error" tabIndex={-1} className="field-error stack-tight">
              <p>{slotError}</p>
              {offerOtherTime && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    onSlot('');
                    slots.reload();
                  }}
                >
                  {t('shop.checkout.pickAnotherTime')}
                </button>
              )}
            </div>
          )}
        </fieldset>
      )}
    </>
  );
}
