// The per-kind halves of an import: validate the rows against the database (read-only), then
// write them with the owning modules' bulk functions inside the caller's transaction.
import type { ImportKind, ImportRowError } from '@handla/api';
import { isValidGtin, toGtin14 } from '@handla/core';
import type { Database, Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvents } from '../../outbox/emit';
import { firstCompanyId } from '../api-keys/api-keys.store';
import {
  findSkuOwners,
  listCategorySlugs,
  mapSkuIds,
  upsertProducts,
  upsertSkus,
} from '../catalog/catalog.bulk';
import { applyCountedStock, mapLocationIds } from '../inventory/inventory.bulk';
import { listTaxClassCodes, mapPriceLists, upsertPrices } from '../pricing/pricing.bulk';
import type { CsvRow } from './csv-format';
import { type PriceImport, validatePriceRows } from './price-rows';
import { type ProductImport, validateProductRows } from './product-rows';
import { type StockImport, validateStockRows } from './stock-rows';

// Big arrays as one parameter each; chunks keep each statement's memory bounded.
const WRITE_CHUNK = 5000;

type Validated =
  | { kind: 'products'; products: ProductImport[]; errors: ImportRowError[]; preview: Record<string, number> }
  | { kind: 'prices'; prices: PriceImport[]; errors: ImportRowError[]; preview: Record<string, number> }
  | { kind: 'stock'; counts: StockImport[]; errors: ImportRowError[]; preview: Record<string, number> };

/** Validates every row against what the database holds; writes nothing. */
export async function validateForImport(
  db: Database,
  kind: ImportKind,
  rows: readonly CsvRow[],
  onProgress: (processed: number) => Promise<void>,
): Promise<Validated> {
  const skus = [...new Set(rows.map((r) => (r.cells.sku ?? '').trim()))];
  let result: Validated;
  if (kind === 'products') {
    const gtin14s = [
      ...new Set(
        rows
          .map((r) => (r.cells.ean ?? '').trim())
          .filter(isValidGtin)
          .map(toGtin14),
      ),
    ];
    const [categorySlugs, taxClasses, owners, lists] = await Promise.all([
      listCategorySlugs(db),
      listTaxClassCodes(db),
      findSkuOwners(db, skus, gtin14s),
      mapPriceLists(db),
    ]);
    const { products, errors } = validateProductRows(rows, {
      categorySlugs,
      taxClasses,
      ...owners,
      currency: lists.retail?.currency ?? 'SEK',
    });
    const existing = new Set(owners.productSlugOfSku.values());
    const productsToUpdate = products.filter((p) => existing.has(p.slug)).length;
    result = {
      kind,
      products,
      errors,
      preview: { rows: rows.length, productsToCreate: products.length - productsToUpdate, productsToUpdate },
    };
  } else if (kind === 'prices') {
    const [lists, ids] = await Promise.all([mapPriceLists(db), mapSkuIds(db, skus)]);
    const { prices, errors } = validatePriceRows(rows, { priceLists: lists.byCode, skuIdOf: ids.allSkuIdOf });
    result = { kind, prices, errors, preview: { rows: rows.length, pricesToSet: prices.length } };
  } else {
    const [locationIdOf, ids] = await Promise.all([mapLocationIds(db), mapSkuIds(db, skus)]);
    const { counts, errors } = validateStockRows(rows, { locationIdOf, ...ids });
    result = { kind, counts, errors, preview: { rows: rows.length, levelsToCount: counts.length } };
  }
  await onProgress(rows.length);
  return result;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += WRITE_CHUNK) out.push(items.slice(i, i + WRITE_CHUNK));
  return out;
}

/** Writes products, their SKUs and retail prices; emits product.created / product.updated. */
export async function importProducts(ctx: AppContext, tx: Queryable, products: readonly ProductImport[]) {
  const now = ctx.clock();
  const companyId = await firstCompanyId(tx);
  const lists = await mapPriceLists(tx);
  let created = 0;
  let skusWritten = 0;
  let pricesSet = 0;
  for (const part of chunks(products)) {
    const ids = await upsertProducts(
      tx,
      part.map((p) => ({
        id: ctx.newId('prd'),
        companyId,
        slug: p.slug,
        nameSv: p.nameSv,
        nameEn: p.nameEn,
        descriptionSv: p.descriptionSv,
        descriptionEn: p.descriptionEn,
        brand: p.brand,
        categorySlug: p.categorySlug,
        taxClass: p.taxClass,
        warrantyText: p.warrantyText,
        options: JSON.stringify(
          p.optionNames.map((name) => ({
            name: { sv: name, en: name },
            values: [...new Set(p.skus.map((s) => s.options[name]!))],
          })),
        ),
        status: p.status,
      })),
      now,
    );
    const productIdOf = new Map(ids.map((row) => [row.slug, row.id]));
    created += ids.filter((row) => row.isNew).length;
    const skuRows = part.flatMap((p) =>
      p.skus.map((s, index) => ({ product: p, sku: s, productId: productIdOf.get(p.slug)!, index })),
    );
    const skuIds = await upsertSkus(
      tx,
      skuRows.map(({ sku, productId, index }) => ({
        id: ctx.newId('sku'),
        productId,
        sku: sku.sku,
        ean: sku.ean,
        options: JSON.stringify(sku.options),
        weightGrams: sku.weightGrams,
        imageUrls: JSON.stringify(sku.imageUrls),
        status: sku.status,
        sortOrder: index,
      })),
      now,
    );
    skusWritten += skuIds.length;
    const skuIdOf = new Map(skuIds.map((row) => [row.sku, row.id]));
    if (lists.retail) {
      const priced = skuRows.filter(({ sku }) => sku.priceInclVat !== null);
      pricesSet += await upsertPrices(
        tx,
        priced.map(({ sku }) => ({
          priceListId: lists.retail!.id,
          skuId: skuIdOf.get(sku.sku)!,
          unitPriceInclVat: sku.priceInclVat!,
        })),
        now,
      );
    }
    await emitEvents(
      tx,
      ids.map((row) => ({
        type: row.isNew ? ('product.created' as const) : ('product.updated' as const),
        aggregateType: 'product',
        aggregateId: row.id,
        data: { productId: row.id, slug: row.slug, source: 'csv_import' },
      })),
      now,
    );
  }
  return { productsCreated: created, productsUpdated: products.length - created, skusWritten, pricesSet };
}

/** Writes prices; emits one price.changed per changed price. */
export async function importPrices(ctx: AppContext, tx: Queryable, prices: readonly PriceImport[]) {
  const now = ctx.clock();
  let changed = 0;
  for (const part of chunks(prices)) {
    changed += await upsertPrices(tx, part, now);
    await emitEvents(
      tx,
      part.map((p) => ({
        type: 'price.changed' as const,
        aggregateType: 'sku',
        aggregateId: p.skuId,
        data: {
          skuId: p.skuId,
          priceListId: p.priceListId,
          unitPriceInclVat: p.unitPriceInclVat,
          source: 'csv_import',
        },
      })),
      now,
    );
  }
  return { pricesInFile: prices.length, pricesChanged: changed };
}

/** Sets counted on-hand through `count` movements; emits stock.changed per changed level. */
export async function importStock(
  ctx: AppContext,
  tx: Queryable,
  counts: readonly StockImport[],
  actor: string,
) {
  const now = ctx.clock();
  let changed = 0;
  for (const part of chunks(counts)) {
    const levels = await applyCountedStock(
      tx,
      part.map((c) => ({
        movementId: ctx.newId('mov'),
        skuId: c.skuId,
        locationId: c.locationId,
        onHand: c.onHand,
      })),
      actor,
      'CSV import',
      now,
    );
    changed += levels.length;
    await emitEvents(
      tx,
      levels.map((l) => ({
        type: 'stock.changed' as const,
        aggregateType: 'stock_level',
        aggregateId: `${l.skuId}:${l.locationId}`,
        storeId: l.storeId,
        data: { ...l, available: l.onHand - l.reserved, source: 'csv_import' },
      })),
      now,
    );
  }
  return { levelsInFile: counts.length, levelsChanged: changed };
}
