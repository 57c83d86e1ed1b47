// Prices CSV: `price_list;sku;price` — a price incl. VAT per SKU in a price list (by its code).
import type { ImportRowError } from '@handla/api';
import { parseMajorAmount } from '@handla/core';
import type { CsvRow } from './csv-format';

export const PRICE_COLUMNS = ['price_list', 'sku', 'price'] as const;

/** One price to set. */
export interface PriceImport {
  priceListId: string;
  skuId: string;
  unitPriceInclVat: number;
}

/** What validation needs to know about the database. */
export interface PriceLookups {
  priceLists: ReadonlyMap<string, { id: string; currency: string }>;
  skuIdOf: ReadonlyMap<string, string>;
}

/** Validates the rows into prices; a SKU may appear once per price list. */
export function validatePriceRows(rows: readonly CsvRow[], lookups: PriceLookups) {
  const errors: ImportRowError[] = [];
  const prices: PriceImport[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const listCode = (cells.price_list ?? '').trim();
    const sku = (cells.sku ?? '').trim();
    const priceText = (cells.price ?? '').trim();
    const list = lookups.priceLists.get(listCode);
    const skuId = lookups.skuIdOf.get(sku);
    if (!list) errors.push({ line, field: 'price_list', message: `Unknown price list "${listCode}"` });
    if (!skuId) errors.push({ line, field: 'sku', message: `Unknown article number "${sku}"` });
    const key = `${listCode}\u0000${sku}`;
    if (seen.has(key)) errors.push({ line, field: 'sku', message: `Also priced on line ${seen.get(key)}` });
    seen.set(key, line);
    let amount: number | null = null;
    try {
      amount = parseMajorAmount(priceText, list?.currency ?? 'SEK');
      if (amount < 0) errors.push({ line, field: 'price', message: 'A price cannot be negative' });
    } catch {
      errors.push({ line, field: 'price', message: `"${priceText}" is not an amount; write e.g. 199,00` });
    }
    if (list && skuId && amount !== null && amount >= 0) {
      prices.push({ priceListId: list.id, skuId, unitPriceInclVat: amount });
    }
  }
  return { prices, errors };
}
