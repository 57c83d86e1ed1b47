// Hash routing (#/products): the server serves one index.html, so no server routes are needed.
import type { MessageKey } from '@handla/ui';
import { useEffect, useState } from 'react';

/** The back office's pages, in menu order. */
export const ROUTES = [
  { path: '/', label: 'nav.overview' },
  { path: '/products', label: 'nav.products' },
  { path: '/stores', label: 'nav.stores' },
  { path: '/staff', label: 'nav.staff' },
  { path: '/api-keys', label: 'nav.apiKeys' },
  { path: '/events', label: 'nav.events' },
] as const satisfies readonly { path: string; label: MessageKey }[];

export type RoutePath = (typeof ROUTES)[number]['path'];

function currentPath(): RoutePath {
  const path = window.location.hash.replace(/^#/, '') || '/';
  return ROUTES.find((r) => r.path === path)?.path ?? '/';
}

/** The page the hash names; unknown hashes show the overview. */
export function useRoute(): RoutePath {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
}
