// The catalog area's own addresses below #/catalog: a tab, then what inside it.
import type { MessageKey } from '@handla/ui';

/** The sections of the catalog area, in menu order. */
export const CATALOG_TABS = [
  { tab: 'products', label: 'catalogAdmin.tab.products' },
  { tab: 'categories', label: 'catalogAdmin.tab.categories' },
  { tab: 'prices', label: 'catalogAdmin.tab.prices' },
  { tab: 'campaigns', label: 'catalogAdmin.tab.campaigns' },
  { tab: 'vat', label: 'catalogAdmin.tab.vat' },
  { tab: 'import', label: 'catalogAdmin.tab.import' },
] as const satisfies readonly { tab: string; label: MessageKey }[];

export type CatalogTab = (typeof CATALOG_TABS)[number]['tab'];

/** Where the sub-path points: its tab (products when empty or unknown) and the segments after it. */
export interface CatalogLocation {
  tab: CatalogTab;
  rest: string[];
}

/** Reads a sub-path such as "/products/prd_1" as { tab: 'products', rest: ['prd_1'] }. */
export function parseCatalogPath(subPath: string): CatalogLocation {
  const [first = '', ...rest] = subPath.split('?')[0]!.split('/').filter(Boolean).map(safeDecode);
  const tab = CATALOG_TABS.find((t) => t.tab === first)?.tab;
  return tab ? { tab, rest } : { tab: 'products', rest: [] };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The link to a place in the catalog area, e.g. catalogHref('products', id). */
export function catalogHref(...segments: string[]): string {
  return `#/catalog/${segments.map(encodeURIComponent).join('/')}`;
}

/** Goes to a place in the catalog area, as a link would. */
export function goTo(...segments: string[]): void {
  window.location.hash = catalogHref(...segments);
}
