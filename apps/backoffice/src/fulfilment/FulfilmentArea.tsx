// Fulfilment: release to picking at once or in batches, pick lists and packing slips (PDF), packing by scan.
import './fulfilment.css';
import { ErrorNotice, useApi, useLoader, useSession, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { useSubPath } from '../routes';
import { PackScreen } from './PackScreen';
import { PickListTable } from './PickListTable';
import { ReleaseSettingsForm } from './ReleaseSettingsForm';

export function FulfilmentArea() {
  const t = useT();
  const api = useApi();
  const { user } = useSession();
  const id = useId();
  const subPath = useSubPath();
  const isPack = subPath.startsWith('/pack');
  const pickListId = decodeURIComponent(subPath.replace(/^\/pack\/?/, '')) || null;
  const locations = useLoader(useCallback(() => api.stock.listLocations(), [api]));
  // Stores may ship too; a store-bound manager sees their store's locations and the warehouses.
  const items = (locations.data?.items ?? []).filter(
    (l) => l.kind !== 'third_party' && (!user?.storeId || !l.storeId || l.storeId === user.storeId),
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const locationId = chosen ?? items.find((l) => l.kind === 'warehouse')?.id ?? items[0]?.id ?? null;
  const [released, setReleased] = useState(0);
  const canManage = user?.role === 'owner' || user?.role === 'manager';

  return (
    <div className="fulfilment-area stack">
      <h1>{t('fulfilmentAdmin.title')}</h1>
      <p className="muted">{t('fulfilmentAdmin.intro')}</p>
      <nav className="fulfilment-tabs" aria-label={t('fulfilmentAdmin.title')}>
        <a href="#/fulfilment" aria-current={isPack ? undefined : 'page'}>
          {t('fulfilmentAdmin.tabRelease')}
        </a>
        <a href="#/fulfilment/pack" aria-current={isPack ? 'page' : undefined}>
          {t('fulfilmentAdmin.tabPack')}
        </a>
      </nav>
      {isPack ? (
        <PackScreen key={pickListId ?? ''} pickListId={pickListId} />
      ) : (
        <>
          {locations.error !== null && <ErrorNotice error={locations.error} onRetry={locations.reload} />}
          {locations.loading && <p className="muted">{t('common.loading')}</p>}
          {items.length > 1 && (
            <div className="field fulfilment-location">
              <label htmlFor={`${id}-location`}>{t('fulfilmentAdmin.location')}</label>
              <select
                id={`${id}-location`}
                className="fulfilment-input"
                value={locationId ?? ''}
                onChange={(e) => setChosen(e.target.value)}
              >
                {items.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {locationId && (
            <>
              <ReleaseSettingsForm
                key={locationId}
                locationId={locationId}
                canManage={canManage}
                onReleased={() => setReleased((n) => n + 1)}
              />
              {/* Each release remounts the list, so it loads again. */}
              <PickListTable key={`${locationId}:${released}`} locationId={locationId} />
            </>
          )}
        </>
      )}
    </div>
  );
}
