// Every subscription: URL, events, active, waiting and failed deliveries.
import type { WebhookSubscription } from '@handla/api';
import { useT } from '@handla/ui';
import { ListTable } from '../pages/ListTable';
import { TableStatusRows } from '../pages/TableStatusRows';

export function WebhookTable({ webhooks }: { webhooks: readonly WebhookSubscription[] | undefined }) {
  const t = useT();
  return (
    <ListTable
      caption={t('webhooksAdmin.caption')}
      head={
        <>
          <th scope="col">{t('webhooksAdmin.url')}</th>
          <th scope="col">{t('webhooksAdmin.eventTypes')}</th>
          <th scope="col">{t('webhooksAdmin.status')}</th>
          <th scope="col">{t('webhooksAdmin.pending')}</th>
          <th scope="col">{t('webhooksAdmin.failed')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('webhooksAdmin.open')}</span>
          </th>
        </>
      }
    >
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
      <TableStatusRows rows={webhooks} columns={6} empty={t('webhooksAdmin.none')} />
    </ListTable>
  );
}
