// One subscription: its settings, secret rotation, deletion and the delivery log.
import type { WebhookSubscription, WebhookWithSecret } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { ConfirmButton } from '../pages/ConfirmButton';
import { DeliveryLog } from './DeliveryLog';
import { NewWebhookSecret } from './NewWebhookSecret';
import { WebhookForm } from './WebhookForm';

export function WebhookView({ id }: { id: string }) {
  const t = useT();
  const api = useApi();
  const webhook = useLoader(useCallback(() => api.webhooks.get(id), [api, id]));
  return (
    <>
      <p>
        <a href="#/webhooks">{t('webhooksAdmin.back')}</a>
      </p>
      {webhook.error !== null && <ErrorNotice error={webhook.error} onRetry={webhook.reload} />}
      {webhook.loading && !webhook.data && <p>{t('common.loading')}</p>}
      {webhook.data && <WebhookSettings webhook={webhook.data} onChanged={webhook.reload} />}
      {webhook.data && <DeliveryLog webhookId={id} />}
    </>
  );
}

function WebhookSettings({ webhook, onChanged }: { webhook: WebhookSubscription; onChanged: () => void }) {
  const t = useT();
  const api = useApi();
  const [rotated, setRotated] = useState<WebhookWithSecret | null>(null);
  if (rotated) return <NewWebhookSecret webhook={rotated} onDone={() => setRotated(null)} />;
  return (
    <>
      <WebhookForm
        heading={t('webhooksAdmin.editHeading')}
        submitLabel={t('webhooksAdmin.save')}
        isEditing
        initial={webhook}
        onSubmit={async (values) => {
          await api.webhooks.update(webhook.id, values);
          onChanged();
        }}
      />
      <div className="button-row webhook-actions">
        <ConfirmButton
          label={t('webhooksAdmin.rotate')}
          warning={t('webhooksAdmin.rotateWarning')}
          confirmLabel={t('webhooksAdmin.confirmRotate')}
          onConfirm={async () => setRotated(await api.webhooks.rotateSecret(webhook.id))}
        />
        <ConfirmButton
          label={t('webhooksAdmin.delete')}
          warning={t('webhooksAdmin.deleteWarning', { url: webhook.url })}
          confirmLabel={t('webhooksAdmin.confirmDelete')}
          isDanger
          onConfirm={async () => {
            await api.webhooks.remove(webhook.id);
            window.location.hash = '#/webhooks';
          }}
        />
      </div>
    </>
  );
}
