// A webhook's signing secret, shown this once (after create or rotate), with a copy button: our
// subscriptions' and drop-ship suppliers' (both signed per Standard Webhooks).
import { useT } from '@handla/ui';
import { ShownOnceSecret } from '../pages/ShownOnceSecret';

export function NewWebhookSecret({
  webhook,
  onDone,
}: {
  webhook: { url: string; secret: string };
  onDone: () => void;
}) {
  const t = useT();
  return (
    <ShownOnceSecret
      secret={webhook.secret}
      onDone={onDone}
      text={{
        heading: t('webhooksAdmin.secretHeading', { url: webhook.url }),
        warning: t('webhooksAdmin.secretWarning'),
        label: t('webhooksAdmin.secretLabel'),
        copy: t('webhooksAdmin.copy'),
        copied: t('webhooksAdmin.copied'),
        copyFailed: t('webhooksAdmin.copyFailed'),
        done: t('webhooksAdmin.done'),
      }}
    />
  );
}
