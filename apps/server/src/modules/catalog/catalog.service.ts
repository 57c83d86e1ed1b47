// Reading the catalog as the shop and the register list it.
import type { Product, ProductListQuery } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { listProductRows, listSkuRows, type ProductRow, type SkuRow } from './catalog.store';

const encodeCursor = (slug: string) => Buffer.from(slug).toString('base64url');
function decodeCursor(cursor: string): string {
  const slug = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z0-9-]+$/.test(slug)) {
    throw new DomainError('validation_failed', 'The cursor is not one this API gave out.', [
      { field: 'cursor', message: 'Invalid cursor' },
    ]);
  }
  return slug;
}

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
