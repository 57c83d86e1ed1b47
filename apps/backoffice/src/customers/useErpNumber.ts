// The ERP's own number for a customer (from the references the ERP answered), for a read-only row
// on the customer page. `undefined` while loading or when the caller may not read references
// (cashiers): the row is then left out rather than shown as an error.
import { useApi, useLoader } from '@handla/ui';
import { useCallback } from 'react';

export function useErpNumber(customerId: string): string | null | undefined {
  const api = useApi();
  const refs = useLoader(
    useCallback(() => api.erp.references({ kind: 'customer', id: customerId, limit: 1 }), [api, customerId]),
  );
  if (refs.error !== null || refs.data === undefined) return undefined;
  return refs.data.items[0]?.erpNumber ?? null;
}
