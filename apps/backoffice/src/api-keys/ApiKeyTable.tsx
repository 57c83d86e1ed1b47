import type { ApiKey } from '@handla/api';
import { formatDateTime, useLocale, useT } from '@handla/ui';
import { RevokeKeyButton } from './RevokeKeyButton';

/** Every API key, revoked ones included, newest as the server orders them. */
export function ApiKeyTable({ keys, onRevoked }: { keys: readonly ApiKey[]; onRevoked: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('apiKeys.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('apiKeys.name')}</th>
            <th scope="col">{t('apiKeys.prefix')}</th>
            <th scope="col">{t('apiKeys.scopes')}</th>
            <th scope="col">{t('apiKeys.created')}</th>
            <th scope="col">{t('apiKeys.lastUsed')}</th>
            <th scope="col">{t('apiKeys.status')}</th>
            <th scope="col">{t('apiKeys.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className={key.revokedAt ? 'is-revoked' : undefined}>
              <th scope="row">{key.name}</th>
              <td>
                <code>{key.prefix}</code>
              </td>
              <td>
                <ul className="plain-list">
                  {key.scopes.map((scope) => (
                    <li key={scope}>
                      <code>{scope}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td>{formatDateTime(key.createdAt, locale)}</td>
              <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : t('common.never')}</td>
              <td>
                {key.revokedAt
                  ? t('apiKeys.revokedAt', { date: formatDateTime(key.revokedAt, locale) })
                  : t('apiKeys.active')}
              </td>
              <td>{!key.revokedAt && <RevokeKeyButton apiKey={key} onRevoked={onRevoked} />}</td>
            </tr>
          ))}
          {keys.length === 0 && (
            <tr>
              <td colSpan={7}>{t('apiKeys.none')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
