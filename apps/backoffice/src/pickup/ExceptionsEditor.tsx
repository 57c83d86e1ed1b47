// Dates that differ from the week: a holiday (closed) or a short day with its own hours.
import { useT } from '@handla/ui';
import type { ExceptionDraft } from './draft';
import { Check, Field } from './fields';

export function ExceptionsEditor({
  exceptions,
  onChange,
  errors,
  disabled,
  newDate,
}: {
  exceptions: ExceptionDraft[];
  onChange: (exceptions: ExceptionDraft[]) => void;
  errors: Record<string, string>;
  disabled: boolean;
  /** The date a new row starts with (the store's today). */
  newDate: string;
}) {
  const t = useT();
  const set = (index: number, patch: Partial<ExceptionDraft>) =>
    onChange(exceptions.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  return (
    <fieldset className="stack">
      <legend>{t('pickupAdmin.exceptions.heading')}</legend>
      <p className="muted">{t('pickupAdmin.exceptions.explained')}</p>
      {exceptions.length === 0 && <p>{t('pickupAdmin.exceptions.empty')}</p>}
      {exceptions.map((e, i) => {
        const at = `exceptions[${i}]`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; a row's index is its identity while editing
          <div key={i} className="pickup-exception">
            <Field
              type="date"
              label={t('pickupAdmin.exceptions.date')}
              value={e.date}
              onChange={(date) => set(i, { date })}
              error={errors[`${at}.date`]}
              disabled={disabled}
            />
            <Check
              label={t('pickupAdmin.exceptions.closed')}
              checked={e.closed}
              onChange={(closed) => set(i, { closed })}
              disabled={disabled}
            />
            {!e.closed && (
              <>
                <Field
                  type="time"
                  label={t('pickupAdmin.weekly.opens')}
                  value={e.opens}
                  onChange={(opens) => set(i, { opens })}
                  error={errors[`${at}.opens`]}
                  disabled={disabled}
                />
                <Field
                  type="time"
                  label={t('pickupAdmin.weekly.closes')}
                  value={e.closes}
                  onChange={(closes) => set(i, { closes })}
                  error={errors[`${at}.closes`]}
                  disabled={disabled}
                />
              </>
            )}
            <Field
              type="text"
              label={t('pickupAdmin.exceptions.note')}
              value={e.note}
              onChange={(note) => set(i, { note })}
              error={errors[`${at}.note`]}
              disabled={disabled}
            />
            <button
              type="button"
              className="button button-quiet"
              disabled={disabled}
              onClick={() => onChange(exceptions.filter((_, m) => m !== i))}
            >
              {t('pickupAdmin.exceptions.remove', { date: e.date || '…' })}
            </button>
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() =>
            onChange([...exceptions, { date: newDate, closed: true, opens: '', closes: '', note: '' }])
          }
        >
          {t('pickupAdmin.exceptions.add')}
        </button>
      </div>
    </fieldset>
  );
}
