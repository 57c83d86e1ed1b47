// What every stock screen needs to name things: the locations, the staff behind movements, and the
// SKU directory. Loaded once when the area opens and shared below it.
import type { StockLocation } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useSession, useT } from '@handla/ui';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { SkuDirectory } from './skuDirectory';
import { useStockApi } from './useStockApi';

interface StockData {
  locations: StockLocation[];
  /** The location at the signed-in person's own store, else the first. */
  homeLocationId: string | undefined;
  locationName: (id: string) => string;
  /** A person's name for a movement's actor id (staff), or the id itself. */
  actorName: (id: string) => string;
  skus: SkuDirectory;
}

const StockDataContext = createContext<StockData | null>(null);

/** Loads the locations (and, in the background, staff names), then shows the area. */
export function StockDataProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const api = useApi();
  const stock = useStockApi();
  const { user } = useSession();
  const locations = useLoader(useCallback(() => stock.listLocations(), [stock]));
  const [staffNames, setStaffNames] = useState<Map<string, string>>(new Map());
  const skus = useMemo(() => new SkuDirectory((ids) => stock.nameSkus(ids)), [stock]);
  useEffect(() => {
    let current = true;
    api.listStaff().then(
      (staff) => current && setStaffNames(new Map(staff.items.map((s) => [s.id, s.name]))),
      // Without the names the history shows ids; nothing else depends on them.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  const value = useMemo<StockData | null>(() => {
    const items = locations.data?.items;
    if (!items) return null;
    const byId = new Map(items.map((l) => [l.id, l]));
    const home = items.find((l) => user?.storeId && l.storeId === user.storeId) ?? items[0];
    return {
      locations: items,
      homeLocationId: home?.id,
      locationName: (id) => byId.get(id)?.name ?? id,
      actorName: (id) => (id === 'system' ? t('stockAdmin.actor.system') : (staffNames.get(id) ?? id)),
      skus,
    };
  }, [locations.data, user, staffNames, skus, t]);

  if (locations.error !== null) return <ErrorNotice error={locations.error} onRetry={locations.reload} />;
  if (!value) return <p role="status">{t('common.loading')}</p>;
  return <StockDataContext.Provider value={value}>{children}</StockDataContext.Provider>;
}

/** The area's shared data; only below StockDataProvider. */
export function useStockData(): StockData {
  const value = useContext(StockDataContext);
  if (!value) throw new Error('useStockData needs a <StockDataProvider> above it');
  return value;
}
