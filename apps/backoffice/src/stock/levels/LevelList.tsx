import { SearchField, useDebouncedValue, useT } from '@handla/ui';
import { useId } from 'react';
import { LocationSelect } from '../shared/LocationSelect';
import { useStockData } from '../shared/StockData';
import { useRemembered } from '../shared/useRemembered';
import { LevelSearchTable } from './LevelSearchTable';
import { LevelTable } from './LevelTable';

/** Stock levels: one location, searched or paged, optionally only levels that need a count. */
export function LevelList() {
  const t = useT();
  const id = useId();
  const { homeLocationId, locationName } = useStockData();
  const [locationId, setLocationId] = useRemembered('levels.location', homeLocationId ?? '');
  const [query, setQuery] = useRemembered('levels.query', '');
  const [isCountNeededOnly, setCountNeededOnly] = useRemembered('levels.countNeeded', false);
  const q = useDebouncedValue(query.trim(), 300);
  const caption = t('stockAdmin.levels.caption', { location: locationName(locationId) });
  return (
    <>
      <h2>{t('stockAdmin.tab.levels')}</h2>
      <div className="stock-filters">
        <LocationSelect label={t('stockAdmin.location')} value={locationId} onChange={setLocationId} />
        <SearchField
          label={t('stockAdmin.levels.search')}
          hint={t('stockAdmin.levels.searchHint')}
          value={query}
          onChange={setQuery}
        />
        <label className="checkbox" htmlFor={`${id}-count`}>
          <input
            id={`${id}-count`}
            type="checkbox"
            checked={isCountNeededOnly}
            onChange={(e) => setCountNeededOnly(e.target.checked)}
          />
          <span>{t('stockAdmin.levels.countNeededOnly')}</span>
        </label>
      </div>
      {locationId === '' ? null : q ? (
        <LevelSearchTable
          locationId={locationId}
          q={q}
          isCountNeededOnly={isCountNeededOnly}
          caption={caption}
        />
      ) : (
        <LevelTable locationId={locationId} isCountNeededOnly={isCountNeededOnly} caption={caption} />
      )}
    </>
  );
}
