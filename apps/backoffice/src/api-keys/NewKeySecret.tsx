import type { CreatedApiKey } from '@handla/api';
import { useT } from '@handla/ui';
import { ShownOnceSecret } from '../pages/ShownOnceSecret';

/** The new key's secret, shown this once, with a copy button and a warning. */
export function NewKeySecret({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const t = useT();
  return (
    <ShownOnceSecret
      secret={created.secret}
      onDone={onDone}
      text={{
        heading: t('apiKeys.secretHeading', { name: created.apiKey.name }),
        warning: t('apiKeys.secretWarning'),
        label: t('apiKeys.secretLabel'),
        copy: t('apiKeys.copy'),
        copied: t('apiKeys.copied'),
        copyFailed: t('apiKeys.copyFailed'),
        done: t('apiKeys.done'),
      }}
    />
  );
}
