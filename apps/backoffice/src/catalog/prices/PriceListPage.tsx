import { useLoader, useT } from '@handla/ui';
import { useCallback, useMemo } from 'react';
import { PageHeading } from '../../pages/PageHeading';
import { catalogHref } from '../paths';
import { CatalogError } from '../shared/CatalogError';
import { useCatalogApi } from '../shared/useCatalogApi';
import { listOwner } from './owners';
import { PriceBook } from './PriceBook';

/** One price list: find an article's price and set it, page through all prices. */
export function PriceListPage({ listId }: { listId: string }) {
  const t = useT();
  const catalog = useCatalogApi();
  const list = useLoader(useCallback(() => catalog.getPriceList(listId), [catalog, listId]));
  const currency = list.data?.currency;
  const owner = useMemo(
    () => (currency ? listOwner(catalog, listId, currency) : null),
    [catalog, listId, currency],
  );
  return (
    <>
      <p>
        <a href={catalogHref('prices')}>← {t('catalogAdmin.prices.back')}</a>
      </p>
      <PageHeading
        title={list.data ? `${list.data.name} (${list.data.code})` : t('catalogAdmin.prices.heading')}
      />
      {list.loading && !list.data && <p role="status">{t('common.loading')}</p>}
      <CatalogError error={list.error} onRetry={list.reload} />
      {list.data && (
        <p className="muted">
          {t(`catalogAdmin.prices.kindExplain.${list.data.kind}`)} · {list.data.currency}
        </p>
      )}
      {owner && list.data && (
        <PriceBook owner={owner} caption={t('catalogAdmin.prices.pricesCaption', { name: list.data.name })} />
      )}
    </>
  );
}
