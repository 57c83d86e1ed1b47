// The pickup settings form of one store: edit a draft, save with the version it was loaded at,
// and show the server's field errors next to the fields they name.
import { ApiError, type PickupSettings } from '@handla/api';
import { ErrorNotice, useApi, useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { fieldErrorMap, type SettingsDraft, toBody, toDraft } from './draft';
import { ExceptionsEditor } from './ExceptionsEditor';
import { GeneralFields } from './GeneralFields';
import { WeeklyHoursEditor } from './WeeklyHoursEditor';

export function SettingsEditor({
  settings,
  canEdit,
  today,
  onSaved,
  onReload,
}: {
  settings: PickupSettings;
  canEdit: boolean;
  /** The store's local date, for new exception rows. */
  today: string;
  onSaved: (settings: PickupSettings) => void;
  onReload: () => void;
}) {
  const t = useT();
  const api = useApi();
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(settings));
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const [isSaved, setSaved] = useState(false);
  const change = (patch: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  const problem = error instanceof ApiError ? error.problem : null;
  const errors = fieldErrorMap(problem?.errors ?? []);
  const disabled = !canEdit || isSaving;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const saved = await api.pickup.saveSettings(settings.storeId, toBody(draft));
      setDraft(toDraft(saved));
      setSaved(true);
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="stack" onSubmit={save} noValidate>
      {!canEdit && <p className="notice notice-warning">{t('pickupAdmin.readOnly')}</p>}
      {settings.version === 0 && <p className="notice">{t('pickupAdmin.neverSaved')}</p>}
      <GeneralFields draft={draft} change={change} errors={errors} disabled={disabled} />
      <WeeklyHoursEditor
        week={draft.week}
        onChange={(week) => change({ week })}
        errors={errors}
        disabled={disabled}
      />
      <ExceptionsEditor
        exceptions={draft.exceptions}
        onChange={(exceptions) => change({ exceptions })}
        errors={errors}
        disabled={disabled}
        newDate={today}
      />
      {problem?.code === 'version_conflict' ? (
        <div className="notice notice-error" role="alert">
          <p>{t('pickupAdmin.versionConflict')}</p>
          <button type="button" className="button" onClick={onReload}>
            {t('pickupAdmin.reload')}
          </button>
        </div>
      ) : problem?.code === 'validation_failed' ? (
        <p className="notice notice-error" role="alert">
          {t('pickupAdmin.fixFields')}
        </p>
      ) : (
        error !== null && <ErrorNotice error={error} />
      )}
      {isSaved && (
        <p className="notice" role="status">
          {t('pickupAdmin.saved')}
        </p>
      )}
      {canEdit && (
        <div>
          <button type="submit" className="button button-primary" disabled={isSaving}>
            {isSaving ? t('pickupAdmin.saving') : t('pickupAdmin.save')}
          </button>
        </div>
      )}
    </form>
  );
}
