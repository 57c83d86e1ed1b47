// "Skicka öppna ordrar": queues, once, the open home deliveries at the connector's location that it
// was never sent (placed before it existed), and says how many went into the queue.
import type { Connector } from '@handla/api';
import { ErrorNotice, useApi, useT } from '@handla/ui';
import { useState } from 'react';

export function BackfillButton({ connector }: { connector: Connector }) {
  const t = useT();
  const api = useApi();
  const [queued, setQueued] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  async function send() {
    setBusy(true);
    setError(null);
    try {
      setQueued((await api.connectors.backfill(connector.id)).queued);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        aria-label={t('integrationsAdmin.backfillLabel', { name: connector.name })}
        disabled={isBusy}
        onClick={send}
      >
        {t('integrationsAdmin.backfill')}
      </button>
      <span role="status">
        {queued === null
          ? null
          : queued > 0
            ? t('integrationsAdmin.backfillQueued', { count: String(queued), name: connector.name })
            : t('integrationsAdmin.backfillNone', { name: connector.name })}
      </span>
      {error !== null && <ErrorNotice error={error} />}
    </>
  );
}
