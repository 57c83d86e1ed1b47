// CSV exports in exactly the import formats, so a file can be exported, edited and imported again.
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { listSkusForExport } from '../catalog/catalog.bulk';
import { listStockForExport, mapLocationIds } from '../inventory/inventory.bulk';
import { listPricesForExport, mapPriceLists } from '../pricing/pricing.bulk';
import { formatCsvAmount, toCsv } from './csv-format';
import { PRICE_COLUMNS } from './price-rows';
import { PRODUCT_COLUMNS } from './product-rows';
import { STOCK_COLUMNS } from './stock-rows';

/** Products with variants and retail prices. */
export async function exportProductsCsv(ctx: AppContext): Promise<string> {
  const rows = await listSkusForExport(ctx.db);
  return toCsv(
    PRODUCT_COLUMNS,
    rows.map((r) => {
      const options = r.optionNames.slice(0, 3).flatMap((name) => [name, r.options[name] ?? '']);
      while (options.length < 6) options.push('');
      return [
        r.slug,
        r.nameSv,
        r.nameEn,
        r.descriptionSv,
        r.descriptionEn,
        r.brand ?? '',
        r.category ?? '',
        r.taxClass,
        r.warranty ?? '',
        r.status,
        r.sku,
        r.ean ?? '',
        ...options,
        r.price === null ? '' : formatCsvAmount(r.price),
        r.weightGrams ?? '',
        r.imageUrls.join(' '),
      ];
    }),
  );
}

/** The prices of the price list with code `priceListCode`. */
export async function exportPricesCsv(ctx: AppContext, priceListCode: string): Promise<string> {
  const list = (await mapPriceLists(ctx.db)).byCode.get(priceListCode);
  if (!list) {
    throw new DomainError('not_found', `No price list ${priceListCode}.`, [
      { field: 'priceList', message: 'Unknown price list' },
    ]);
  }
  const rows = await listPricesForExport(ctx.db, list.id);
  return toCsv(
    PRICE_COLUMNS,
    rows.map((r) => [priceListCode, r.sku, formatCsvAmount(r.price)]),
  );
}

/** On-hand per location (all, or the one with code `locationCode`) and SKU. */
export async function exportStockCsv(ctx: AppContext, locationCode?: string): Promise<string> {
  let locationId: string | null = null;
  if (locationCode) {
    locationId = (await mapLocationIds(ctx.db)).get(locationCode) ?? null;
    if (!locationId) {
      throw new DomainError('not_found', `No location ${locationCode}.`, [
        { field: 'location', message: 'Unknown location' },
      ]);
    }
  }
  const rows = await listStockForExport(ctx.db, locationId);
  return toCsv(
    STOCK_COLUMNS,
    rows.map((r) => [r.location, r.sku, r.onHand]),
  );
}
