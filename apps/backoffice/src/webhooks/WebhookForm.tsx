// The fields of a subscription: URL, events and description (and, when editing, active).
import { useT } from '@handla/ui';
import { useId, useState } from 'react';
import { EndpointForm } from '../pages/EndpointForm';
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
  const [isMissingEvents, setMissingEvents] = useState(false);
  const [isSaved, setSaved] = useState(false);
  const set = (change: Partial<WebhookFormValues>) => {
    setValues((current) => ({ ...current, ...change }));
    setSaved(false);
  };

  async function submit(url: string) {
    if (values.eventTypes.length === 0) {
      setMissingEvents(true);
      return;
    }
    await onSubmit({ ...values, url, description: values.description.trim() });
    setSaved(isEditing);
  }

  return (
    <EndpointForm
      heading={heading}
      urlLabel={t('webhooksAdmin.url')}
      url={values.url}
      onUrlChange={(url) => set({ url })}
      fieldLabels={{
        url: t('webhooksAdmin.url'),
        eventTypes: t('webhooksAdmin.eventTypes'),
        description: t('webhooksAdmin.description'),
      }}
      submitLabel={submitLabel}
      pendingLabel={isEditing ? t('webhooksAdmin.saving') : t('webhooksAdmin.creating')}
      onSubmit={submit}
      footer={
        <p role="status" className={isSaved ? 'notice' : 'visually-hidden'}>
          {isSaved ? t('webhooksAdmin.saved') : ''}
        </p>
      }
    >
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
    </EndpointForm>
  );
}
