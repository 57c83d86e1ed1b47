// Back office at #/integrations: the connected 3PL warehouses (connect one: its signing secret is
// shown once), the dead-letter list with Retry and Dismiss, and the latest messages.
import type { ConnectorWithSecret } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { PageHeading } from '../pages/PageHeading';
import { ShownOnceSecret } from '../pages/ShownOnceSecret';
import { ConnectorForm } from './ConnectorForm';
import { ConnectorTable } from './ConnectorTable';
import { DeadLetterList } from './DeadLetterList';
import { MessageLog } from './MessageLog';

export function IntegrationsArea() {
  const t = useT();
  const api = useApi();
  const id = useId();
  const connectors = useLoader(useCallback(() => api.connectors.list(), [api]));
  const locations = useLoader(useCallback(() => api.stock.listLocations(), [api]));
  const letters = useLoader(useCallback(() => api.connectors.deadLetters(), [api]));
  const messages = useLoader(useCallback(() => api.connectors.messages({ limit: 50 }), [api]));
  const [created, setCreated] = useState<ConnectorWithSecret | null>(null);
  const [toggleError, setToggleError] = useState<unknown>(null);
  const thirdParty = (locations.data?.items ?? []).filter((l) => l.kind === 'third_party');
  const free = thirdParty.filter((l) => !connectors.data?.items.some((c) => c.locationId === l.id));
  const reloadAll = () => {
    connectors.reload();
    letters.reload();
    messages.reload();
  };

  return (
    <>
      <PageHeading title={t('nav.integrations')} />
      <p>{t('integrationsAdmin.intro')}</p>
      <section className="stack" aria-labelledby={`${id}-connectors`}>
        <h2 id={`${id}-connectors`}>{t('integrationsAdmin.connectors')}</h2>
        {connectors.error !== null && <ErrorNotice error={connectors.error} onRetry={connectors.reload} />}
        {toggleError !== null && <ErrorNotice error={toggleError} />}
        <ConnectorTable
          connectors={connectors.data?.items}
          locations={thirdParty}
          onToggle={async (c) => {
            setToggleError(null);
            try {
              await api.connectors.update(c.id, { isEnabled: !c.isEnabled });
              connectors.reload();
            } catch (e) {
              setToggleError(e);
            }
          }}
        />
        {created ? (
          <ShownOnceSecret
            secret={created.secret}
            onDone={() => setCreated(null)}
            text={{
              heading: t('integrationsAdmin.secretHeading', { name: created.name }),
              warning: t('integrationsAdmin.secretWarning'),
              label: t('integrationsAdmin.secretLabel'),
              copy: t('integrationsAdmin.copy'),
              copied: t('integrationsAdmin.copied'),
              copyFailed: t('integrationsAdmin.copyFailed'),
              done: t('integrationsAdmin.done'),
            }}
          />
        ) : (
          locations.data &&
          connectors.data && (
            <ConnectorForm
              key={free.map((l) => l.id).join()}
              locations={free}
              onSubmit={async (values) => {
                setCreated(await api.connectors.create(values));
                connectors.reload();
              }}
            />
          )
        )}
      </section>
      <section className="stack" aria-labelledby={`${id}-letters`}>
        <h2 id={`${id}-letters`}>{t('integrationsAdmin.deadLetters')}</h2>
        {letters.error !== null && <ErrorNotice error={letters.error} onRetry={letters.reload} />}
        <DeadLetterList letters={letters.data?.items} onChanged={reloadAll} />
      </section>
      <section className="stack" aria-labelledby={`${id}-messages`}>
        <h2 id={`${id}-messages`}>{t('integrationsAdmin.messages')}</h2>
        <div>
          <button type="button" className="button button-quiet" onClick={reloadAll}>
            {t('integrationsAdmin.reload')}
          </button>
        </div>
        {messages.error !== null && <ErrorNotice error={messages.error} onRetry={messages.reload} />}
        <MessageLog messages={messages.data?.items} />
      </section>
    </>
  );
}
