// The shopper's store ("min butik"): where stock is shown and pickup is offered first. Remembered.
import type { Store } from '@handla/api';
import { useApi, useLoader } from '@handla/ui';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { readStored, writeStored } from '../storage';

const STORAGE_KEY = 'handla.shop.store';

interface StoreChoiceValue {
  stores: Store[];
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** The chosen store, or the first store until the shopper chooses. */
  store: Store | undefined;
  choose: (storeId: string) => void;
}

const StoreChoiceContext = createContext<StoreChoiceValue | null>(null);

export function StoreChoiceProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const loaded = useLoader(useCallback(() => api.listStores(), [api]));
  const [storeId, setStoreId] = useState(() => {
    const stored = readStored(STORAGE_KEY);
    return typeof stored === 'string' ? stored : null;
  });
  const choose = useCallback((id: string) => {
    writeStored(STORAGE_KEY, id);
    setStoreId(id);
  }, []);
  const value = useMemo(() => {
    const stores = loaded.data?.items ?? [];
    return {
      stores,
      loading: loaded.loading,
      error: loaded.error,
      reload: loaded.reload,
      store: stores.find((s) => s.id === storeId) ?? stores[0],
      choose,
    };
  }, [loaded, storeId, choose]);
  return <StoreChoiceContext.Provider value={value}>{children}</StoreChoiceContext.Provider>;
}

/** The stores and the shopper's chosen one. */
export function useStoreChoice(): StoreChoiceValue {
  const value = useContext(StoreChoiceContext);
  if (!value) throw new Error('useStoreChoice needs a <StoreChoiceProvider> above it');
  return value;
}
