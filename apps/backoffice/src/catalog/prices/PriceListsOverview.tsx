import { useT } from '@handla/ui';
import { PageHeading } from '../../pages/PageHeading';
import { catalogHref } from '../paths';
import { CatalogError } from '../shared/CatalogError';
import { usePriceLists, useStores } from '../shared/lookups';
import { CreatePriceListForm } from './CreatePriceListForm';

/** The price lists, a form for a new one, and each store's own prices. */
export function PriceListsOverview() {
  const t = useT();
  const lists = usePriceLists();
  const stores = useStores();
  return (
    <>
      <PageHeading title={t('catalogAdmin.prices.heading')} />
      <CatalogError error={lists.error} onRetry={lists.reload} />
      <div className="table-wrap">
        <table aria-busy={lists.loading}>
          <caption>{t('catalogAdmin.prices.listsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogAdmin.prices.name')}</th>
              <th scope="col">{t('catalogAdmin.prices.code')}</th>
              <th scope="col">{t('catalogAdmin.prices.kind')}</th>
              <th scope="col">{t('catalogAdmin.prices.currency')}</th>
            </tr>
          </thead>
          <tbody>
            {lists.data?.items.map((list) => (
              <tr key={list.id}>
                <th scope="row">
                  <a href={catalogHref('prices', list.id)}>{list.name}</a>
                </th>
                <td>
                  <code>{list.code}</code>
                </td>
                <td>{t(`catalogAdmin.prices.kind.${list.kind}`)}</td>
                <td>{list.currency}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="two-columns">
        <section className="card stack" aria-labelledby="store-prices-heading">
          <h3 id="store-prices-heading">{t('catalogAdmin.storePrices.heading')}</h3>
          <p className="muted">{t('catalogAdmin.storePrices.explain')}</p>
          <CatalogError error={stores.error} onRetry={stores.reload} />
          <ul className="link-list">
            {stores.data?.items.map((store) => (
              <li key={store.id}>
                <a href={catalogHref('prices', 'store', store.id)}>{store.name}</a>
              </li>
            ))}
          </ul>
        </section>
        <CreatePriceListForm onCreated={lists.reload} />
      </div>
    </>
  );
}
