// Stock CSV: `location;sku;on_hand` — the counted quantity per location. Writing it records a `count`
// movement for each difference, so the ledger explains every change an import makes.
import type { ImportRowError } from '@handla/api';
import type { CsvRow } from './csv-format';

export const STOCK_COLUMNS = ['location', 'sku', 'on_hand'] as const;

/** One counted quantity to set. */
export interface StockImport {
  line: number;
  locationId: string;
  skuId: string;
  onHand: number;
}

/** What validation needs to know about the database. */
export interface StockLookups {
  locationIdOf: ReadonlyMap<string, string>;
  /** Stockable SKUs (bundles hold no stock of their own) by article number. */
  skuIdOf: ReadonlyMap<string, string>;
  bundleSkus: ReadonlySet<string>;
}

/** Validates the rows; a SKU may appear once per location. */
export function validateStockRows(rows: readonly CsvRow[], lookups: StockLookups) {
  const errors: ImportRowError[] = [];
  const counts: StockImport[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const location = (cells.location ?? '').trim();
    const sku = (cells.sku ?? '').trim();
    const text = (cells.on_hand ?? '').trim();
    const locationId = lookups.locationIdOf.get(location);
    const skuId = lookups.skuIdOf.get(sku);
    if (!locationId) errors.push({ line, field: 'location', message: `Unknown location "${location}"` });
    if (lookups.bundleSkus.has(sku))
      errors.push({ line, field: 'sku', message: `${sku} is a bundle; count its parts` });
    else if (!skuId) errors.push({ line, field: 'sku', message: `Unknown article number "${sku}"` });
    const onHand = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(onHand))
      errors.push({ line, field: 'on_hand', message: 'A whole number of units' });
    const key = `${location}\u0000${sku}`;
    if (seen.has(key)) errors.push({ line, field: 'sku', message: `Also counted on line ${seen.get(key)}` });
    seen.set(key, line);
    if (locationId && skuId && Number.isSafeInteger(onHand)) counts.push({ line, locationId, skuId, onHand });
  }
  return { counts, errors };
}
