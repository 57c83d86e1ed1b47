// Products as the back office reads and edits them: every SKU, under optimistic concurrency.
import type {
  CatalogProduct,
  CatalogProductListQuery,
  SetProductStatusBody,
  UpdateProductBody,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { decodeSlugCursor, encodeSlugCursor } from './catalog.cursor';
import {
  duplicateField,
  invalidField,
  notFound,
  versionConflict,
  withConstraintErrors,
} from './catalog.errors';
import { findCategoryRow } from './categories.store';
import * as products from './products.store';
import * as skus from './skus.store';

/** The products of `rows` with their SKUs, prices and bundle components. */
export async function loadCatalogProducts(
  q: Queryable,
  rows: readonly products.CatalogProductRow[],
): Promise<CatalogProduct[]> {
  const skuRows = await skus.listSkusOfProducts(
    q,
    rows.map((r) => r.id),
  );
  const bundleIds = new Set(rows.filter((r) => r.isBundle).map((r) => r.id));
  const components = await skus.listComponents(
    q,
    skuRows.filter((s) => bundleIds.has(s.productId)).map((s) => s.id),
  );
  return rows.map((row) =>
    products.toCatalogProduct(
      row,
      skuRows
        .filter((s) => s.productId === row.id)
        .map((s) =>
          skus.toCatalogSku(
            s,
            components.filter((c) => c.bundleSkuId === s.id),
          ),
        ),
    ),
  );
}

/** One product with every SKU, read through `q` (a transaction or the database). */
export async function getCatalogProductIn(q: Queryable, id: string): Promise<CatalogProduct> {
  const row = await products.findProductRow(q, id);
  if (!row) throw notFound('product', id);
  return (await loadCatalogProducts(q, [row]))[0]!;
}

/** One product with every SKU. */
export async function getCatalogProduct(ctx: AppContext, id: string): Promise<CatalogProduct> {
  return getCatalogProductIn(ctx.db, id);
}

/** One page of products of any status, by slug, filtered by status, category subtree and text. */
export async function listCatalogProducts(ctx: AppContext, query: CatalogProductListQuery) {
  const rows = await products.listCatalogProductRows(ctx.db, {
    text: query.q || undefined,
    status: query.status,
    categoryId: query.categoryId,
    afterSlug: query.cursor ? decodeSlugCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const pageRows = rows.slice(0, query.limit);
  return {
    items: await loadCatalogProducts(ctx.db, pageRows),
    nextCursor: rows.length > query.limit ? encodeSlugCursor(pageRows.at(-1)!.slug) : null,
  };
}

// Locks the product and checks the caller read its current version.
async function lockCurrent(tx: Queryable, id: string, version: number) {
  const current = await products.findProductRow(tx, id, { forUpdate: true });
  if (!current) throw notFound('product', id);
  if (current.version !== version) throw versionConflict('product', current.version, version);
  return current;
}

async function applyChanges(
  ctx: AppContext,
  tx: Queryable,
  current: products.CatalogProductRow,
  changes: products.ProductChanges,
): Promise<CatalogProduct> {
  const changed = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
  if (changed.length === 0) return getCatalogProductIn(tx, current.id);
  const now = ctx.clock();
  await products.updateProduct(tx, current.id, current.version, changes, now);
  const product = await getCatalogProductIn(tx, current.id);
  await emitEvent(
    tx,
    {
      type: 'product.updated',
      aggregateType: 'product',
      aggregateId: current.id,
      data: { changes: changed, slug: product.slug, status: product.status, version: product.version },
    },
    now,
  );
  return product;
}

/** Changes the given fields of a product that is still at the version the caller read. */
export async function updateCatalogProduct(
  ctx: AppContext,
  id: string,
  input: UpdateProductBody,
): Promise<CatalogProduct> {
  return withConstraintErrors(() =>
    ctx.db.transaction(async (tx) => {
      const current = await lockCurrent(tx, id, input.version);
      if (input.categoryId && !(await findCategoryRow(tx, input.categoryId))) {
        throw invalidField('categoryId', `There is no category ${input.categoryId}.`);
      }
      if (
        input.slug &&
        input.slug !== current.slug &&
        (await products.takenProductSlugs(tx, [input.slug])).size
      ) {
        throw duplicateField('slug', `Another product has the slug ${input.slug}.`);
      }
      return applyChanges(ctx, tx, current, {
        slug: input.slug,
        nameSv: input.name?.sv,
        nameEn: input.name?.en,
        descriptionSv: input.description?.sv,
        descriptionEn: input.description?.en,
        brand: input.brand,
        categoryId: input.categoryId,
        taxClass: input.taxClass,
        warrantyText: input.warrantyText,
      });
    }),
  );
}

/**
 * Sets a product's status. A product whose SKUs are components of a bundle still on sale cannot be
 * discontinued: the bundle could then no longer be restocked; change the bundle first.
 */
export async function setCatalogProductStatus(
  ctx: AppContext,
  id: string,
  input: SetProductStatusBody,
): Promise<CatalogProduct> {
  return ctx.db.transaction(async (tx) => {
    const current = await lockCurrent(tx, id, input.version);
    if (input.status === current.status) return getCatalogProductIn(tx, id);
    if (input.status === 'discontinued') {
      const skuIds = (await skus.listSkusOfProducts(tx, [id])).map((s) => s.id);
      const bundles = await skus.listLiveBundlesContaining(tx, skuIds);
      if (bundles.length > 0) {
        const message = `Its SKUs are components of ${bundles.join(', ')}; change those bundles first.`;
        throw new DomainError('invalid_state', message, [{ field: 'status', message }]);
      }
    }
    return applyChanges(ctx, tx, current, { status: input.status });
  });
}
