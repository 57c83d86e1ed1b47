// The fields of a subscription: URL, events and description (and, when editing, active).
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { EventTypePicker } from './EventTypePicker';

export interface WebhookFormValues {
  url: string;
  eventTypes: string[];
  description: string;
  isActive: boolean;
}

/** A create form (no `isActive` box) or an edit form; `onSubmit` throws the API's error to show. */
export function WebhookForm({
  heading,
  initial,
  isEditing,
  submitLabel,
  onSubmit,
}: {
  heading: string;
  initial: WebhookFormValues;
  isEditing: boolean;
  submitLabel: string;
  onSubmit: (values: WebhookFormValues) => Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isMissingEvents, setMissingEvents] = useState(false);
  const [isSaved, setSaved] = useState(false);
  const set = (change: Partial<WebhookFormValues>) => {
    setValues((current) => ({ ...current, ...change }));
    setSaved(false);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (values.eventTypes.length === 0) {
      setMissingEvents(true);
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onSubmit({ ...values, url: values.url.trim(), description: values.description.trim() });
      setSaved(isEditing);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {error !== null && (
        <ErrorNotice
          error={error}
          fieldLabels={{
            url: t('webhooksAdmin.url'),
            eventTypes: t('webhooksAdmin.eventTypes'),
            description: t('webhooksAdmin.description'),
          }}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('webhooksAdmin.url')}</label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          required
          maxLength={500}
          placeholder="https://"
          autoComplete="off"
          value={values.url}
          onChange={(e) => set({ url: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('webhooksAdmin.description')}</label>
        <input
          id={`${id}-description`}
          type="text"
          maxLength={200}
          value={values.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </div>
      {isEditing && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.isActive}
            onChange={(e) => set({ isActive: e.target.checked })}
          />
          <span>{t('webhooksAdmin.isActive')}</span>
        </label>
      )}
      <EventTypePicker
        value={values.eventTypes}
        onChange={(eventTypes) => {
          set({ eventTypes });
          if (eventTypes.length > 0) setMissingEvents(false);
        }}
        errorId={isMissingEvents ? `${id}-events-error` : undefined}
      />
      {isMissingEvents && (
        <p id={`${id}-events-error`} className="notice notice-error" role="alert">
          {t('webhooksAdmin.chooseEvents')}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? (isEditing ? t('webhooksAdmin.saving') : t('webhooksAdmin.creating')) : submitLabel}
      </button>
      <p role="status" className={isSaved ? 'notice' : 'visually-hidden'}>
        {isSaved ? t('webhooksAdmin.saved') : ''}
      </p>
    </form>
  );
}
