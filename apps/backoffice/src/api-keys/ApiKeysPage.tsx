import type { CreatedApiKey } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { PageHeading } from '../pages/PageHeading';
import { ApiKeyTable } from './ApiKeyTable';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { NewKeySecret } from './NewKeySecret';

/** API keys: the list with revoke, and a form that shows a new key's secret once. */
export function ApiKeysPage() {
  const t = useT();
  const api = useApi();
  const keys = useLoader(useCallback(() => api.listApiKeys(), [api]));
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const { reload } = keys;

  const onCreated = useCallback(
    (result: CreatedApiKey) => {
      setCreated(result);
      reload();
    },
    [reload],
  );

  return (
    <>
      <PageHeading title={t('nav.apiKeys')} />
      {created ? (
        <NewKeySecret created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateApiKeyForm onCreated={onCreated} />
      )}
      {keys.error !== null && <ErrorNotice error={keys.error} onRetry={reload} />}
      {keys.data && <ApiKeyTable keys={keys.data.items} onRevoked={reload} />}
    </>
  );
}
