// Hash routing (#/catalog): the server serves one index.html, so no server routes are needed.
// A page owns everything below its path: #/catalog/products/prd_1 is the catalog page with the
// sub-path "/products/prd_1", which the page reads with useSubPath().
import type { MessageKey } from '@handla/ui';
import { useEffect, useState } from 'react';

/** The back office's pages, in menu order. */
export const ROUTES = [
  { path: '/', label: 'nav.overview' },
  { path: '/reports', label: 'nav.reports' },
  { path: '/orders', label: 'nav.orders' },
  { path: '/invoices', label: 'nav.invoices' },
  { path: '/fulfilment', label: 'nav.fulfilment' },
  { path: '/shipments', label: 'nav.shipments' },
  { path: '/returns', label: 'nav.returns' },
  { path: '/customers', label: 'nav.customers' },
  { path: '/catalog', label: 'nav.catalog' },
  { path: '/promotions', label: 'nav.promotions' },
  { path: '/stock', label: 'nav.stock' },
  { path: '/pickup', label: 'nav.pickup' },
  { path: '/messages', label: 'nav.messages' },
  { path: '/stores', label: 'nav.stores' },
  { path: '/registers', label: 'nav.registers' },
  { path: '/staff', label: 'nav.staff' },
  { path: '/api-keys', label: 'nav.apiKeys' },
  { path: '/webhooks', label: 'nav.webhooks' },
  { path: '/events', label: 'nav.events' },
  { path: '/accounting', label: 'nav.accounting' },
  { path: '/shops', label: 'nav.shops' },
  { path: '/integrations', label: 'nav.integrations' },
  { path: '/erp', label: 'nav.erp' },
] as const satisfies readonly { path: string; label: MessageKey }[];

export type RoutePath = (typeof ROUTES)[number]['path'];

function currentHash(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

function routeOf(hash: string): RoutePath {
  const first = `/${hash.split('/')[1] ?? ''}`;
  return ROUTES.find((r) => r.path === first)?.path ?? '/';
}

function useHash(): string {
  const [hash, setHash] = useState(currentHash);
  useEffect(() => {
    const onChange = () => setHash(currentHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** The page the hash names; unknown hashes show the overview. */
export function useRoute(): RoutePath {
  return routeOf(useHash());
}

/** The part of the hash below the current page's path ("" on the page itself), e.g. "/products/prd_1". */
export function useSubPath(): string {
  const hash = useHash();
  const route = routeOf(hash);
  return route === '/' ? '' : hash.slice(route.length);
}
