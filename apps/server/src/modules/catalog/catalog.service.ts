// Reading the catalog as the shop and the register list it.
import type { Product, ProductListQuery, SkuSearchQuery, SkuSummary } from '@handla/api';
import { DomainError, effectiveStatus, isValidGtin, toGtin14 } from '@handla/core';
import type { AppContext } from '../../context';
import { decodeSlugCursor as decodeCursor, encodeSlugCursor as encodeCursor } from './catalog.cursor';
import {
  findSkuSummariesByIds,
  findSkuSummaryByCode,
  listProductRows,
  listSkuRows,
  type ProductRow,
  type SkuRow,
  type SkuSummaryRow,
  searchSkuSummaries,
} from './catalog.store';

function toProduct(row: ProductRow, skus: SkuRow[]): Product {
  const priced = skus.filter((s) => s.unitPriceInclVat !== null);
  const currency = priced[0]?.currency ?? 'SEK';
  const from = priced.length ? Math.min(...priced.map((s) => s.unitPriceInclVat!)) : 0;
  return {
    id: row.id,
    slug: row.slug,
    name: { sv: row.nameSv, en: row.nameEn },
    description: { sv: row.descriptionSv, en: row.descriptionEn },
    brand: row.brand,
    category:
      row.categoryId && row.categorySlug
        ? {
            id: row.categoryId,
            slug: row.categorySlug,
            name: { sv: row.categoryNameSv!, en: row.categoryNameEn! },
          }
        : null,
    isBundle: row.isBundle,
    imageUrl: skus.find((s) => s.imageUrls.length)?.imageUrls[0] ?? null,
    fromPriceInclVat: { amount: from, currency },
    skus: skus.map((s) => ({
      id: s.id,
      sku: s.sku,
      ean: s.ean,
      options: s.options,
      priceInclVat: { amount: s.unitPriceInclVat ?? 0, currency: s.currency ?? currency },
    })),
  };
}

/** One page of active products with their SKUs and retail prices. */
export async function listProducts(ctx: AppContext, query: ProductListQuery) {
  const rows = await listProductRows(ctx.db, {
    q: query.q || undefined,
    category: query.category,
    afterSlug: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const pageRows = rows.slice(0, query.limit);
  const skus = await listSkuRows(
    ctx.db,
    pageRows.map((r) => r.id),
  );
  return {
    items: pageRows.map((row) =>
      toProduct(
        row,
        skus.filter((s) => s.productId === row.id),
      ),
    ),
    nextCursor: rows.length > query.limit ? encodeCursor(pageRows.at(-1)!.slug) : null,
  };
}

function toSkuSummary(row: SkuSummaryRow): SkuSummary {
  return {
    id: row.id,
    sku: row.sku,
    ean: row.ean,
    productId: row.productId,
    name: { sv: row.nameSv, en: row.nameEn },
    options: row.options,
    priceInclVat:
      row.unitPriceInclVat === null || row.currency === null
        ? null
        : { amount: row.unitPriceInclVat, currency: row.currency },
    taxClass: row.taxClass,
    warrantyText: row.warrantyText,
    isBundle: row.isBundle,
    status: effectiveStatus(row.productStatus, row.skuStatus),
    imageUrl: row.imageUrls[0] ?? null,
  };
}

/**
 * The SKU with the scanned or typed code: an EAN in any GTIN spelling (a 12-digit UPC-A finds its
 * 13-digit EAN), else an exact article number in any letter case. Discontinued SKUs are found too,
 * with their status, so the register can say why it will not sell them.
 */
export async function lookupSku(ctx: AppContext, code: string): Promise<SkuSummary> {
  const trimmed = code.trim();
  const gtin14 = isValidGtin(trimmed) ? toGtin14(trimmed) : null;
  const row = await findSkuSummaryByCode(ctx.db, { gtin14, article: trimmed.toUpperCase() });
  if (!row) {
    throw new DomainError('not_found', `No SKU has the EAN or article number ${trimmed}.`, [
      { field: 'code', message: 'No such EAN or article number' },
    ]);
  }
  return toSkuSummary(row);
}

/** SKUs for the register's search field, best matches first, never discontinued ones. */
export async function searchSkus(ctx: AppContext, query: SkuSearchQuery): Promise<SkuSummary[]> {
  const rows = query.ids
    ? await findSkuSummariesByIds(ctx.db, query.ids)
    : await searchSkuSummaries(ctx.db, { text: query.q!, limit: query.limit });
  return rows.map(toSkuSummary);
}
