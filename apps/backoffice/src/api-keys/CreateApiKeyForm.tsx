import type { ApiScope, CreatedApiKey } from '@handla/api';
import { ErrorNotice, useApi, useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { SCOPES } from './scopes';

/** Name and scopes of a new API key. */
export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isMissingScopes, setMissingScopes] = useState(false);

  function toggle(scope: ApiScope, checked: boolean) {
    setScopes((current) => (checked ? [...current, scope] : current.filter((s) => s !== scope)));
    if (checked) setMissingScopes(false);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (scopes.length === 0) {
      setMissingScopes(true);
      return;
    }
    setPending(true);
    setError(null);
    try {
      onCreated(await api.createApiKey({ name: name.trim(), scopes }));
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('apiKeys.createHeading')}</h3>
      {error !== null && (
        <ErrorNotice error={error} fieldLabels={{ name: t('apiKeys.name'), scopes: t('apiKeys.scopes') }} />
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('apiKeys.name')}</label>
        <input
          id={`${id}-name`}
          type="text"
          required
          maxLength={100}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <fieldset aria-describedby={isMissingScopes ? `${id}-scopes-error` : undefined}>
        <legend>{t('apiKeys.scopes')}</legend>
        {SCOPES.map(([scope, label]) => (
          <label key={scope} className="checkbox">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
            <span>
              <code>{scope}</code> – {t(label)}
            </span>
          </label>
        ))}
        {isMissingScopes && (
          <p id={`${id}-scopes-error`} className="notice notice-error" role="alert">
            {t('apiKeys.chooseScopes')}
          </p>
        )}
      </fieldset>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t('apiKeys.creating') : t('apiKeys.create')}
      </button>
    </form>
  );
}
