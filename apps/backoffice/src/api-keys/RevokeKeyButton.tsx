import type { ApiKey } from '@handla/api';
import { useApi, useT } from '@handla/ui';
import { ConfirmButton } from '../pages/ConfirmButton';

/** "Revoke", then an inline confirmation naming the consequence; nothing happens on one click. */
export function RevokeKeyButton({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const t = useT();
  const api = useApi();
  return (
    <ConfirmButton
      label={t('apiKeys.revoke')}
      hiddenContext={apiKey.name}
      warning={t('apiKeys.revokeWarning', { name: apiKey.name })}
      confirmLabel={t('apiKeys.confirmRevoke')}
      isDanger
      onConfirm={async () => {
        await api.revokeApiKey(apiKey.id);
        onRevoked();
      }}
    />
  );
}
