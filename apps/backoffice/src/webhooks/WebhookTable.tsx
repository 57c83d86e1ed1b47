// Every subscription: URL, events, active, waiting and failed deliveries.
import type { WebhookSubscription } from '@handla/api';
import { useT } from '@handla/ui';

export function WebhookTable({ webhooks }: { webhooks: readonly WebhookSubscription[] | undefined }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('webhooksAdmin.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('webhooksAdmin.url')}</th>
            <th scope="col">{t('webhooksAdmin.eventTypes')}</th>
            <th scope="col">{t('webhooksAdmin.status')}</th>
            <th scope="col">{t('webhooksAdmin.pending')}</th>
            <th scope="col">{t('webhooksAdmin.failed')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('webhooksAdmin.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {webhooks?.map((w) => (
            <tr key={w.id}>
              <th scope="row">
                <code>{w.url}</code>
                {w.description && <div>{w.description}</div>}
              </th>
              <td>
                <ul className="plain-list">
                  {w.eventTypes.map((type) => (
                    <li key={type}>
                      <code>{type}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td>{w.isActive ? t('webhooksAdmin.active') : t('webhooksAdmin.disabled')}</td>
              <td>{w.pending}</td>
              <td className={w.failed > 0 ? 'webhook-failed' : undefined}>{w.failed}</td>
              <td>
                <a
                  className="button button-quiet"
                  href={`#/webhooks/${encodeURIComponent(w.id)}`}
                  aria-label={t('webhooksAdmin.openLabel', { url: w.url })}
                >
                  {t('webhooksAdmin.open')}
                </a>
              </td>
            </tr>
          ))}
          {webhooks?.length === 0 && (
            <tr>
              <td colSpan={6}>{t('webhooksAdmin.none')}</td>
            </tr>
          )}
          {webhooks === undefined && (
            <tr>
              <td colSpan={6}>{t('common.loading')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
