// A location's release settings (at once or at batch times) and the "release now" button.
import type { FulfilmentSettings } from '@handla/api';
import { ErrorNotice, formatDateTime, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { formatBatchTimes, parseBatchTimes } from './batch-times';

function SettingsFields({
  settings,
  canManage,
  onSaved,
}: {
  settings: FulfilmentSettings;
  canManage: boolean;
  onSaved: () => void;
}) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const id = useId();
  const [mode, setMode] = useState(settings.mode);
  const [times, setTimes] = useState(formatBatchTimes(settings.batchTimes));
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setStatus('');
    try {
      const batchTimes = parseBatchTimes(times);
      await api.fulfilment.saveSettings(settings.locationId, { mode, batchTimes, version: settings.version });
      setStatus(t('fulfilmentAdmin.saved'));
      onSaved();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form className="stack" onSubmit={save}>
      <fieldset disabled={!canManage}>
        <legend>{t('fulfilmentAdmin.mode')}</legend>
        {(['immediate', 'batches'] as const).map((value) => (
          <label key={value} className="fulfilment-radio">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {t(value === 'immediate' ? 'fulfilmentAdmin.modeImmediate' : 'fulfilmentAdmin.modeBatches')}
          </label>
        ))}
      </fieldset>
      {mode === 'batches' && (
        <div className="field">
          <label htmlFor={`${id}-times`}>{t('fulfilmentAdmin.batchTimes')}</label>
          <input
            id={`${id}-times`}
            className="fulfilment-input"
            value={times}
            disabled={!canManage}
            aria-describedby={`${id}-times-hint`}
            onChange={(e) => setTimes(e.target.value)}
          />
          <p id={`${id}-times-hint`} className="muted">
            {t('fulfilmentAdmin.batchTimesHint')}
          </p>
        </div>
      )}
      {settings.version === 0 && <p className="muted">{t('fulfilmentAdmin.neverSaved')}</p>}
      {settings.nextReleaseAt && (
        <p>{t('fulfilmentAdmin.nextRelease', { time: formatDateTime(settings.nextReleaseAt, locale) })}</p>
      )}
      {error !== null && (
        <ErrorNotice error={error} fieldLabels={{ batchTimes: t('fulfilmentAdmin.batchTimes') }} />
      )}
      {canManage && (
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('fulfilmentAdmin.save')}
          </button>
        </div>
      )}
      <p aria-live="polite">{status}</p>
    </form>
  );
}

export function ReleaseSettingsForm({
  locationId,
  canManage,
  onReleased,
}: {
  locationId: string;
  canManage: boolean;
  onReleased: () => void;
}) {
  const t = useT();
  const api = useApi();
  const settings = useLoader(useCallback(() => api.fulfilment.settings(locationId), [api, locationId]));
  const [releaseError, setReleaseError] = useState<unknown>(null);
  const [releaseStatus, setReleaseStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const releaseNow = async () => {
    setBusy(true);
    setReleaseError(null);
    try {
      const result = await api.fulfilment.releaseNow(locationId);
      setReleaseStatus(
        result.releasedOrders > 0
          ? t('fulfilmentAdmin.released', { count: result.releasedOrders })
          : t('fulfilmentAdmin.nothingToRelease'),
      );
      onReleased();
    } catch (e) {
      setReleaseError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby={`release-${locationId}`}>
      <h2 id={`release-${locationId}`}>{t('fulfilmentAdmin.settings')}</h2>
      {settings.error !== null && <ErrorNotice error={settings.error} onRetry={settings.reload} />}
      {settings.data && (
        <SettingsFields
          key={settings.data.version}
          settings={settings.data}
          canManage={canManage}
          onSaved={settings.reload}
        />
      )}
      {canManage && (
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={releaseNow}>
            {t('fulfilmentAdmin.releaseNow')}
          </button>
        </div>
      )}
      {releaseError !== null && <ErrorNotice error={releaseError} />}
      <p aria-live="polite">{releaseStatus}</p>
    </section>
  );
}
