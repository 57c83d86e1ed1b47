// Hash routing: the server serves one index.html, so every page lives after the '#'.
import { useEffect, useState } from 'react';

/** The pages of the shop. */
export type Route =
  | { page: 'home' }
  | { page: 'category'; slug: string }
  | { page: 'product'; slug: string }
  | { page: 'cart' }
  | { page: 'checkout' }
  | { page: 'order'; token: string }
  | { page: 'account' }
  | { page: 'notFound' };

/** The route of a location hash such as `#/product/t-shirt-organic`. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/[?].*$/, '');
  const [, first = '', second, ...rest] = path.split('/');
  if (rest.length > 0) return { page: 'notFound' };
  const param = second ? safeDecode(second) : undefined;
  if (first === '' && second === undefined) return { page: 'home' };
  if (first === 'category' && param) return { page: 'category', slug: param };
  if (first === 'product' && param) return { page: 'product', slug: param };
  if (first === 'order' && param) return { page: 'order', token: param };
  if (second === undefined && (first === 'cart' || first === 'checkout' || first === 'account')) {
    return { page: first };
  }
  return { page: 'notFound' };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The link to a route, for `href`. */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'home':
    case 'notFound':
      return '#/';
    case 'category':
      return `#/category/${encodeURIComponent(route.slug)}`;
    case 'product':
      return `#/product/${encodeURIComponent(route.slug)}`;
    case 'order':
      return `#/order/${encodeURIComponent(route.token)}`;
    default:
      return `#/${route.page}`;
  }
}

/** Goes to a route (adds a history entry, so Back works). */
export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

/** The current route, following `hashchange`. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** The status token in an order's `statusUrl` (`…#/order/<token>` or `…/<token>`). */
export function statusTokenOf(statusUrl: string): string {
  const hashMatch = statusUrl.match(/#\/order\/([^/?#]+)/);
  if (hashMatch) return safeDecode(hashMatch[1]!) ?? hashMatch[1]!;
  const path = statusUrl.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return safeDecode(path.slice(path.lastIndexOf('/') + 1)) ?? '';
}
