// The stock area's own addresses below #/stock: a tab, then what inside it
// (#/stock/transfers/trf_1 → { tab: 'transfers', rest: ['trf_1'] }).
import type { MessageKey } from '@handla/ui';

/** The sections of the stock area, in menu order. */
export const STOCK_TABS = [
  { tab: 'levels', label: 'stockAdmin.tab.levels' },
  { tab: 'movements', label: 'stockAdmin.tab.movements' },
  { tab: 'transfers', label: 'stockAdmin.tab.transfers' },
  { tab: 'counts', label: 'stockAdmin.tab.counts' },
  { tab: 'purchasing', label: 'stockAdmin.tab.purchasing' },
  { tab: 'replenishment', label: 'stockAdmin.tab.replenishment' },
] as const satisfies readonly { tab: string; label: MessageKey }[];

export type StockTab = (typeof STOCK_TABS)[number]['tab'];

/** Where the sub-path points: its tab (levels when empty or unknown) and the segments after it. */
export interface StockPlace {
  tab: StockTab;
  rest: string[];
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Reads a sub-path such as "/transfers/trf_1"; anything unknown is the levels tab. */
export function parseStockPath(subPath: string): StockPlace {
  const path = subPath.split('?')[0] ?? '';
  const [first = '', ...rest] = path.split('/').filter(Boolean).map(safeDecode);
  const tab = STOCK_TABS.find((t) => t.tab === first)?.tab;
  return tab ? { tab, rest } : { tab: 'levels', rest: [] };
}

/** The link to a place in the stock area, e.g. stockHref('transfers', id). */
export function stockHref(tab: StockTab, ...segments: string[]): string {
  return `#/stock/${[tab, ...segments].map(encodeURIComponent).join('/')}`;
}

/** Goes to a place in the stock area, as a link would. */
export function goToStock(tab: StockTab, ...segments: string[]): void {
  window.location.hash = stockHref(tab, ...segments);
}
