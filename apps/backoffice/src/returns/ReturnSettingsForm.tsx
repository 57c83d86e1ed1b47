// The withdrawal window and return shipping rules (owners and managers save; a stale version is refused).
import type { ReturnSettings } from '@handla/api';
import { describeError, useApi, useLoader, useT } from '@handla/ui';
import { type FormEvent, useCallback, useState } from 'react';

export function ReturnSettingsForm() {
  const api = useApi();
  const loaded = useLoader(useCallback(() => api.returns.settings(), [api]));
  if (!loaded.data) return null;
  return <SettingsForm key={loaded.data.version} initial={loaded.data} />;
}

function SettingsForm({ initial }: { initial: ReturnSettings }) {
  const t = useT();
  const api = useApi();
  const [settings, setSettings] = useState(initial);
  const [fee, setFee] = useState(String(initial.returnShippingFee / 100));
  const [status, setStatus] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await api.returns.saveSettings({
        ...settings,
        returnShippingFee: Math.round(Number(fee.replace(',', '.')) * 100),
      });
      setSettings(saved);
      setStatus(t('returnsAdmin.settingsSaved'));
    } catch (error) {
      setStatus(describeError(error, t).message);
    }
  };

  return (
    <section aria-labelledby="return-settings-heading">
      <h2 id="return-settings-heading">{t('returnsAdmin.settings')}</h2>
      <form className="stack-tight" onSubmit={submit}>
        <label>
          {t('returnsAdmin.withdrawalDays')}
          <input
            type="number"
            min={1}
            max={365}
            value={settings.withdrawalDays}
            onChange={(e) => setSettings({ ...settings, withdrawalDays: Number(e.target.value) })}
          />
        </label>
        <label>
          {t('returnsAdmin.returnShippingFee')}
          <input inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} />
        </label>
        <label>
          <input
            type="checkbox"
            checked={settings.refundOriginalShipping}
            onChange={(e) => setSettings({ ...settings, refundOriginalShipping: e.target.checked })}
          />
          {t('returnsAdmin.refundOriginalShipping')}
        </label>
        <button type="submit" className="button">
          {t('returnsAdmin.saveSettings')}
        </button>
        <p role="status" aria-live="polite">
          {status}
        </p>
      </form>
    </section>
  );
}
