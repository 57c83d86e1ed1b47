// The company's matching order: the keys an incoming customer is recognised by, first hit wins.
import type { CustomerMatchKey } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';

export function MatchSettings() {
  const t = useT();
  const api = useApi();
  const id = useId();
  const settings = useLoader(useCallback(() => api.crm.settings(), [api]));
  const [error, setError] = useState<unknown>(null);
  const [isSaved, setSaved] = useState(false);
  const order = settings.data?.matchOrder;

  async function moveUp(index: number) {
    if (!order) return;
    const next = [...order];
    [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
    setError(null);
    setSaved(false);
    try {
      await api.crm.saveSettings({ matchOrder: next });
      settings.reload();
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  }

  const label = (key: CustomerMatchKey) => t(`crmAdmin.settings.key.${key}`);
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('crmAdmin.settings.heading')}</h3>
      <p>{t('crmAdmin.settings.explain')}</p>
      {settings.error !== null && <ErrorNotice error={settings.error} onRetry={settings.reload} />}
      {error !== null && <ErrorNotice error={error} />}
      <ol>
        {order?.map((key, i) => (
          <li key={key}>
            {label(key)}{' '}
            {i > 0 && (
              <button type="button" className="button button-quiet" onClick={() => void moveUp(i)}>
                ↑<span className="visually-hidden">{t('crmAdmin.settings.up', { key: label(key) })}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      <p role="status" className={isSaved ? 'notice' : 'visually-hidden'}>
        {isSaved ? t('crmAdmin.settings.saved') : ''}
      </p>
    </section>
  );
}
