// The connected warehouses: location, address, home deliveries, on/off (a button switches it),
// messages waiting to go out and unresolved ones.
import type { Connector, StockLocation } from '@handla/api';
import { useT } from '@handla/ui';
import { ListTable } from '../pages/ListTable';
import { TableStatusRows } from '../pages/TableStatusRows';
import { BackfillButton } from './BackfillButton';

export function ConnectorTable({
  connectors,
  locations,
  onToggle,
}: {
  connectors: readonly Connector[] | undefined;
  locations: readonly StockLocation[];
  onToggle: (connector: Connector) => void;
}) {
  const t = useT();
  const locationName = (id: string | null) => locations.find((l) => l.id === id)?.name ?? id ?? '—';
  return (
    <ListTable
      caption={t('integrationsAdmin.connectorsCaption')}
      head={
        <>
          <th scope="col">{t('integrationsAdmin.name')}</th>
          <th scope="col">{t('integrationsAdmin.location')}</th>
          <th scope="col">{t('integrationsAdmin.baseUrl')}</th>
          <th scope="col">{t('integrationsAdmin.homeDelivery')}</th>
          <th scope="col">{t('integrationsAdmin.status')}</th>
          <th scope="col">{t('integrationsAdmin.pending')}</th>
          <th scope="col">{t('integrationsAdmin.deadLetterCount')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('integrationsAdmin.actions')}</span>
          </th>
        </>
      }
    >
      {connectors?.map((c) => {
        const action = c.isEnabled ? t('integrationsAdmin.disable') : t('integrationsAdmin.enable');
        return (
          <tr key={c.id}>
            <th scope="row">{c.name}</th>
            <td>{locationName(c.locationId)}</td>
            <td>
              <code>{c.baseUrl}</code>
            </td>
            <td>{c.isHomeDelivery ? t('integrationsAdmin.yes') : t('integrationsAdmin.no')}</td>
            <td>{c.isEnabled ? t('integrationsAdmin.enabled') : t('integrationsAdmin.disabled')}</td>
            <td>{c.pending}</td>
            <td>{c.deadLetters}</td>
            <td>
              <button
                type="button"
                className="button button-quiet"
                aria-label={t('integrationsAdmin.toggleLabel', { action, name: c.name })}
                onClick={() => onToggle(c)}
              >
                {action}
              </button>
              <BackfillButton connector={c} />
            </td>
          </tr>
        );
      })}
      <TableStatusRows rows={connectors} columns={8} empty={t('integrationsAdmin.none')} />
    </ListTable>
  );
}
