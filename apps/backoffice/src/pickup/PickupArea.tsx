// The back office's pickup page: choose a store, edit its pickup settings, see the next days' load.
import './pickup.css';
import type { Store } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useSession, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { SettingsEditor } from './SettingsEditor';
import { SlotPreview } from './SlotPreview';

/** Today's date on the store's clock, "YYYY-MM-DD". */
function storeToday(store: Store | undefined): string {
  // sv-SE formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: store?.timeZone ?? 'Europe/Stockholm' }).format(
    new Date(),
  );
}

export function PickupArea() {
  const t = useT();
  const api = useApi();
  const { user } = useSession();
  const id = useId();
  const stores = useLoader(useCallback(() => api.listStores(), [api]));
  const [chosen, setChosen] = useState<string | null>(null);
  const items = stores.data?.items ?? [];
  const storeId = chosen ?? user?.storeId ?? items[0]?.id ?? null;
  const store = items.find((s) => s.id === storeId);
  const settings = useLoader(
    useCallback(() => (storeId ? api.pickup.settings(storeId) : Promise.resolve(null)), [api, storeId]),
  );
  const [version, setVersion] = useState(0);
  const canEdit = user?.role === 'owner' || (user?.role === 'manager' && user.storeId === storeId);
  const today = storeToday(store);

  return (
    <div className="pickup-area stack">
      <h1>{t('pickupAdmin.title')}</h1>
      <p className="muted">{t('pickupAdmin.intro')}</p>
      {stores.error !== null && <ErrorNotice error={stores.error} onRetry={stores.reload} />}
      {items.length > 1 && (
        <div className="field pickup-store">
          <label htmlFor={`${id}-store`}>{t('pickupAdmin.store')}</label>
          <select
            id={`${id}-store`}
            className="pickup-input"
            value={storeId ?? ''}
            onChange={(e) => setChosen(e.target.value)}
          >
            {items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {settings.error !== null && <ErrorNotice error={settings.error} onRetry={settings.reload} />}
      {(settings.loading || stores.loading) && <p className="muted">{t('common.loading')}</p>}
      {settings.data && storeId && (
        <div className="pickup-columns">
          <SettingsEditor
            // A new store or a reload starts a fresh draft.
            key={`${settings.data.storeId}:${settings.data.version}`}
            settings={settings.data}
            canEdit={canEdit}
            today={today}
            onSaved={(saved) => setVersion(saved.version)}
            onReload={settings.reload}
          />
          <SlotPreview storeId={storeId} today={today} version={version} />
        </div>
      )}
    </div>
  );
}
