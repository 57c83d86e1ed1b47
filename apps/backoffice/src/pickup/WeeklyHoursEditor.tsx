// Pickup hours per weekday: closed, or one or two intervals (e.g. a lunch break between them).
import { useLocale, useT, weekdayName } from '@handla/ui';
import { type Interval, weeklyIndex } from './draft';
import { Check, Field } from './fields';

const MAX_INTERVALS = 2;

export function WeeklyHoursEditor({
  week,
  onChange,
  errors,
  disabled,
}: {
  week: Interval[][];
  onChange: (week: Interval[][]) => void;
  errors: Record<string, string>;
  disabled: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const setDay = (index: number, day: Interval[]) => onChange(week.map((d, i) => (i === index ? day : d)));
  return (
    <fieldset className="stack">
      <legend>{t('pickupAdmin.weekly.heading')}</legend>
      {week.map((day, i) => {
        const weekday = i + 1;
        const name = weekdayName(weekday, locale);
        return (
          <div key={name} className="pickup-day">
            <div className="pickup-day-name">
              <strong>{name}</strong>
              <Check
                label={t('pickupAdmin.weekly.open')}
                checked={day.length > 0}
                disabled={disabled}
                onChange={(open) => setDay(i, open ? [{ opens: '10:00', closes: '18:00' }] : [])}
              />
            </div>
            {day.length === 0 && <span className="muted">{t('pickupAdmin.weekly.closed')}</span>}
            {day.map((interval, n) => {
              const at = `weeklyHours[${weeklyIndex(week, weekday, n)}]`;
              const set = (patch: Partial<Interval>) =>
                setDay(
                  i,
                  day.map((h, m) => (m === n ? { ...h, ...patch } : h)),
                );
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: an interval's place in its day is its identity while editing
                <div key={n} className="pickup-interval">
                  <Field
                    type="time"
                    label={t('pickupAdmin.weekly.opens')}
                    value={interval.opens}
                    onChange={(opens) => set({ opens })}
                    error={errors[`${at}.opens`] ?? errors[at]}
                    disabled={disabled}
                  />
                  <Field
                    type="time"
                    label={t('pickupAdmin.weekly.closes')}
                    value={interval.closes}
                    onChange={(closes) => set({ closes })}
                    error={errors[`${at}.closes`]}
                    disabled={disabled}
                  />
                  {n > 0 && (
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={disabled}
                      onClick={() =>
                        setDay(
                          i,
                          day.filter((_, m) => m !== n),
                        )
                      }
                    >
                      {t('pickupAdmin.weekly.removeInterval', {
                        opens: interval.opens,
                        closes: interval.closes,
                      })}
                    </button>
                  )}
                </div>
              );
            })}
            {day.length > 0 && day.length < MAX_INTERVALS && (
              <button
                type="button"
                className="button button-quiet"
                disabled={disabled}
                onClick={() => setDay(i, [...day, { opens: day.at(-1)!.closes, closes: day.at(-1)!.closes }])}
              >
                {t('pickupAdmin.weekly.addInterval')}
              </button>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
