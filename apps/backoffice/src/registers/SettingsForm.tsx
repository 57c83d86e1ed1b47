import { ApiError, type RegisterSettings } from '@handla/api';
import { ErrorNotice, type MessageKey, useApi, useLoader, useT } from '@handla/ui';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { useAction } from '../stock/shared/useAction';
import {
  type SettingsDraft,
  type SettingsField,
  serverFieldErrors,
  toSettingsBody,
  toSettingsDraft,
} from './model';

const LABELS: Record<SettingsField, MessageKey> = {
  printerHost: 'registersAdmin.settings.printerHost',
  printerPort: 'registersAdmin.settings.printerPort',
  controlUnitSerial: 'registersAdmin.settings.controlUnitSerial',
  isTrainingAllowed: 'registersAdmin.settings.isTrainingAllowed',
  idleLockMinutes: 'registersAdmin.settings.idleLockMinutes',
};

/** Loads the register's settings and edits them. */
export function SettingsForm({ registerId }: { registerId: string }) {
  const t = useT();
  const api = useApi();
  const settings = useLoader(useCallback(() => api.register.settings(registerId), [api, registerId]));
  if (settings.error !== null) return <ErrorNotice error={settings.error} onRetry={settings.reload} />;
  if (!settings.data) return <p className="muted">{t('common.loading')}</p>;
  return <SettingsEditor registerId={registerId} settings={settings.data} />;
}

function SettingsEditor({ registerId, settings }: { registerId: string; settings: RegisterSettings }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const action = useAction();
  const [draft, setDraft] = useState<SettingsDraft>(() => toSettingsDraft(settings));
  const [localErrors, setLocalErrors] = useState<Partial<Record<SettingsField, MessageKey>>>({});
  const [saved, setSaved] = useState(false);
  const serverErrors = action.error instanceof ApiError ? serverFieldErrors(action.error.problem.errors) : {};

  function errorOf(field: SettingsField): string | undefined {
    const local = localErrors[field];
    return local ? t(local) : serverErrors[field];
  }

  function change<K extends SettingsField>(field: K, value: SettingsDraft[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
    setSaved(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = toSettingsBody(draft);
    if ('errors' in checked) {
      setLocalErrors(checked.errors);
      action.clearError();
      // The first field to correct gets focus, so the keyboard user lands on it.
      const first = Object.keys(checked.errors)[0];
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setLocalErrors({});
    const updated = await action.run(() => api.register.updateSettings(registerId, checked.body));
    if (updated) {
      setDraft(toSettingsDraft(updated));
      setSaved(true);
    }
  }

  function textField(
    field: Exclude<SettingsField, 'isTrainingAllowed'>,
    opts: { hint?: string; numeric?: boolean },
  ) {
    const error = errorOf(field);
    const describedBy = [opts.hint ? `${id}-${field}-hint` : '', error ? `${id}-${field}-error` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div className="field">
        <label htmlFor={`${id}-${field}`}>{t(LABELS[field])}</label>
        <input
          id={`${id}-${field}`}
          value={draft[field]}
          inputMode={opts.numeric ? 'numeric' : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => change(field, e.target.value)}
        />
        {opts.hint && (
          <p id={`${id}-${field}-hint`} className="muted">
            {opts.hint}
          </p>
        )}
        {error && (
          <p id={`${id}-${field}-error`} className="registers-field-error">
            {error}
          </p>
        )}
      </div>
    );
  }

  const fieldLabels = Object.fromEntries(Object.entries(LABELS).map(([f, key]) => [f, t(key)]));
  return (
    <form className="stack registers-settings" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('registersAdmin.settings.heading')}</h2>
      {textField('printerHost', { hint: t('registersAdmin.settings.printerHint') })}
      {textField('printerPort', { numeric: true })}
      {textField('controlUnitSerial', {})}
      {textField('idleLockMinutes', { numeric: true })}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.isTrainingAllowed}
          onChange={(e) => change('isTrainingAllowed', e.target.checked)}
        />
        {t(LABELS.isTrainingAllowed)}
      </label>
      {Object.keys(localErrors).length > 0 && (
        <p className="notice notice-error" role="alert">
          {t('registersAdmin.settings.fixErrors')}
        </p>
      )}
      {action.error !== null && <ErrorNotice error={action.error} fieldLabels={fieldLabels} />}
      {saved && (
        <p className="notice" role="status">
          {t('registersAdmin.settings.saved')}
        </p>
      )}
      <div>
        <button type="submit" className="button button-primary" disabled={action.pending}>
          {t('registersAdmin.settings.save')}
        </button>
      </div>
    </form>
  );
}
