import type { ApiKey } from '@handla/api';
import { ErrorNotice, useApi, useT } from '@handla/ui';
import { useEffect, useRef, useState } from 'react';

/** "Revoke", then an inline confirmation naming the consequence; nothing happens on one click. */
export function RevokeKeyButton({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const t = useT();
  const api = useApi();
  const [isConfirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (isConfirming) confirmButton.current?.focus();
  }, [isConfirming]);

  async function revoke() {
    setPending(true);
    setError(null);
    try {
      await api.revokeApiKey(apiKey.id);
      onRevoked();
    } catch (e) {
      setError(e);
      setPending(false);
    }
  }

  if (!isConfirming) {
    return (
      <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
        {t('apiKeys.revoke')}
        <span className="visually-hidden"> {apiKey.name}</span>
      </button>
    );
  }
  return (
    <div className="stack revoke-confirm">
      <p>{t('apiKeys.revokeWarning', { name: apiKey.name })}</p>
      {error !== null && <ErrorNotice error={error} />}
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          ref={confirmButton}
          disabled={pending}
          onClick={() => void revoke()}
        >
          {t('apiKeys.confirmRevoke')}
        </button>
        <button type="button" className="button" disabled={pending} onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
