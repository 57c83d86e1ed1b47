import { PriceListPage } from './PriceListPage';
import { PriceListsOverview } from './PriceListsOverview';
import { StorePricesPage } from './StorePricesPage';

/** Prices: the lists and stores (#/catalog/prices), one list (…/:id), one store's prices (…/store/:id). */
export function PricesSection({ rest }: { rest: string[] }) {
  const [first, second] = rest;
  if (first === 'store' && second) return <StorePricesPage key={second} storeId={second} />;
  if (first) return <PriceListPage key={first} listId={first} />;
  return <PriceListsOverview />;
}
