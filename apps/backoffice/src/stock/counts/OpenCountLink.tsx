import { useLoader, useT } from '@handla/ui';
import { useCallback } from 'react';
import { stockHref } from '../paths';
import { useStockApi } from '../shared/useStockApi';

/** A link to the count already open at a location, when there is one. */
export function OpenCountLink({ locationId }: { locationId: string }) {
  const t = useT();
  const stock = useStockApi();
  const open = useLoader(
    useCallback(
      async () => (await stock.listCounts({ status: 'open', locationId, limit: 1 })).items[0],
      [stock, locationId],
    ),
  );
  if (!open.data) return null;
  return <a href={stockHref('counts', open.data.id)}>{t('stockAdmin.counts.goToOpen')}</a>;
}
