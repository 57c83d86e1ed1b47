import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { LocationSelect } from '../shared/LocationSelect';
import { useStockData } from '../shared/StockData';
import { useRemembered } from '../shared/useRemembered';
import { RulesEditor } from './RulesEditor';
import { Suggestions } from './Suggestions';

/** #/stock/replenishment: a store's min/max rules and what to bring in now. */
export function ReplenishmentSection() {
  const t = useT();
  const api = useApi();
  const id = useId();
  const { locations, homeLocationId } = useStockData();
  const stores = useLoader(useCallback(() => api.listStores(), [api]));
  const homeStoreId = locations.find((l) => l.id === homeLocationId)?.storeId ?? undefined;
  const [chosenStoreId, setStoreId] = useRemembered('replenishment.store', '');
  const storeId = chosenStoreId || homeStoreId || stores.data?.items[0]?.id || '';
  const storeLocations = locations.filter((l) => l.storeId === storeId);
  const [chosenLocationId, setLocationId] = useState('');
  const locationId = storeLocations.some((l) => l.id === chosenLocationId)
    ? chosenLocationId
    : (storeLocations[0]?.id ?? '');
  // Bumped when the rules are saved, so the suggestions are worked out again.
  const [savedRules, setSavedRules] = useState(0);
  return (
    <>
      <h2>{t('stockAdmin.tab.replenishment')}</h2>
      <p className="muted">{t('stockAdmin.replenishment.explained')}</p>
      {stores.error !== null && <ErrorNotice error={stores.error} onRetry={stores.reload} />}
      <div className="stock-filters">
        <div className="field">
          <label htmlFor={`${id}-store`}>{t('stockAdmin.replenishment.store')}</label>
          <select id={`${id}-store`} value={storeId} onChange={(e) => setStoreId(e.target.value)}>
            {stores.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        {storeLocations.length > 1 && (
          <LocationSelect
            label={t('stockAdmin.location')}
            value={locationId}
            onChange={setLocationId}
            only={(l) => l.storeId === storeId}
          />
        )}
      </div>
      {storeId && storeLocations.length === 0 && stores.data && (
        <p className="notice notice-warning">{t('stockAdmin.replenishment.noLocation')}</p>
      )}
      {storeId && storeLocations.length > 0 && (
        <>
          <Suggestions key={`${storeId}:${savedRules}`} storeId={storeId} />
          {locationId && (
            <RulesEditor
              key={locationId}
              locationId={locationId}
              onSaved={() => setSavedRules((n) => n + 1)}
            />
          )}
        </>
      )}
    </>
  );
}
