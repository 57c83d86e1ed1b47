// Back office at #/erp: the ERP connection (set up, flows on/off, daily-sales time, secret shown
// once), each flow's last sync and open counts, and the latest messages with retry.
import type { ErpConnectionSaved } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { PageHeading } from '../pages/PageHeading';
import { ShownOnceSecret } from '../pages/ShownOnceSecret';
import { ConnectionForm } from './ConnectionForm';
import { ErpMessages } from './ErpMessages';
import { FlowStatus } from './FlowStatus';

export function ErpArea() {
  const t = useT();
  const api = useApi();
  const state = useLoader(useCallback(() => api.erp.connection(), [api]));
  const [saved, setSaved] = useState<ErpConnectionSaved | null>(null);
  const connection = state.data?.connection ?? null;
  return (
    <>
      <PageHeading title={t('nav.erp')} />
      <p>{t('erpAdmin.intro')}</p>
      {state.error !== null && <ErrorNotice error={state.error} onRetry={state.reload} />}
      {state.loading && !state.data && <p role="status">{t('common.loading')}</p>}
      {saved?.secret ? (
        <ShownOnceSecret
          secret={saved.secret}
          onDone={() => setSaved(null)}
          text={{
            heading: t('erpAdmin.secretHeading'),
            warning: t('erpAdmin.secretWarning'),
            label: t('erpAdmin.secretLabel'),
            copy: t('erpAdmin.copy'),
            copied: t('erpAdmin.copied'),
            copyFailed: t('erpAdmin.copyFailed'),
            done: t('erpAdmin.done'),
          }}
        />
      ) : (
        state.data && (
          // Keyed by what is stored, so a save starts the form from the saved values.
          <ConnectionForm
            key={JSON.stringify(connection)}
            connection={connection}
            onSave={async (body) => {
              const result = await api.erp.saveConnection(body);
              setSaved(result);
              state.reload();
            }}
          />
        )
      )}
      {connection && (
        <>
          <FlowStatus connection={connection} />
          <ErpMessages onChanged={state.reload} />
        </>
      )}
    </>
  );
}
