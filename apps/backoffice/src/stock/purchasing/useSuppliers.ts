import type { Supplier } from '@handla/api';
import { type Loaded, useLoader } from '@handla/ui';
import { useCallback } from 'react';
import { useStockApi } from '../shared/useStockApi';

/** The suppliers, and a name for a supplier id. */
export function useSuppliers(): Loaded<{ items: Supplier[] }> & { supplierName: (id: string) => string } {
  const stock = useStockApi();
  const loaded = useLoader(useCallback(() => stock.listSuppliers(), [stock]));
  const supplierName = (id: string) => loaded.data?.items.find((s) => s.id === id)?.name ?? id;
  return { ...loaded, supplierName };
}
