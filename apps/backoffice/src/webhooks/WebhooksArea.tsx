// Back office: webhook subscriptions at #/webhooks (list and create), one subscription with its
// settings and delivery log at #/webhooks/<id>.
import type { WebhookWithSecret } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { PageHeading } from '../pages/PageHeading';
import { useSubPath } from '../routes';
import { NewWebhookSecret } from './NewWebhookSecret';
import { WebhookForm } from './WebhookForm';
import { WebhookTable } from './WebhookTable';
import { WebhookView } from './WebhookView';
import './webhooks.css';

export function WebhooksArea() {
  const t = useT();
  const id = decodeURIComponent(useSubPath().replace(/^\//, ''));
  return (
    <>
      <PageHeading title={t('nav.webhooks')} />
      {id ? <WebhookView id={id} /> : <WebhookList />}
    </>
  );
}

function WebhookList() {
  const t = useT();
  const api = useApi();
  const list = useLoader(useCallback(() => api.webhooks.list(), [api]));
  const [created, setCreated] = useState<WebhookWithSecret | null>(null);
  const { reload } = list;
  return (
    <>
      <p>{t('webhooksAdmin.intro')}</p>
      {created ? (
        <NewWebhookSecret webhook={created} onDone={() => setCreated(null)} />
      ) : (
        <WebhookForm
          heading={t('webhooksAdmin.createHeading')}
          submitLabel={t('webhooksAdmin.create')}
          isEditing={false}
          initial={{ url: '', eventTypes: [], description: '', isActive: true }}
          onSubmit={async ({ url, eventTypes, description }) => {
            setCreated(await api.webhooks.create({ url, eventTypes, description }));
            reload();
          }}
        />
      )}
      {list.error !== null && <ErrorNotice error={list.error} onRetry={reload} />}
      <WebhookTable webhooks={list.data?.items} />
    </>
  );
}
