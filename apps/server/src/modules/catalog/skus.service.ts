// SKUs after their product exists: one more variant, edits under a version, a bundle's components.
import type { AddSkuBody, CatalogSku, SetBundleComponentsBody, UpdateSkuBody } from '@handla/api';
import { DomainError, fitOptionsToTemplates, variantKey } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import {
  assertCodesFree,
  assertComponentsValid,
  assertGtin,
  requireRetailPriceList,
  retailAmount,
} from './catalog.checks';
import { duplicateField, notFound, versionConflict, withConstraintErrors } from './catalog.errors';
import { findProductRow, setProductOptions } from './products.store';
import * as store from './skus.store';

const invalidState = (field: string, message: string) =>
  new DomainError('invalid_state', message, [{ field, message }]);

async function loadSku(q: Queryable, id: string): Promise<CatalogSku> {
  const row = await store.findSkuRow(q, id);
  if (!row) throw notFound('SKU', id);
  return store.toCatalogSku(row, await store.listComponents(q, [id]));
}

async function emitSkuEvent(
  tx: Queryable,
  type: 'sku.created' | 'sku.updated',
  sku: CatalogSku,
  data: Record<string, unknown>,
  now: Date,
) {
  await emitEvent(
    tx,
    {
      type,
      aggregateType: 'sku',
      aggregateId: sku.id,
      data: { productId: sku.productId, sku: sku.sku, ean: sku.ean, status: sku.status, ...data },
    },
    now,
  );
}

/**
 * Adds a variant to a product: its options must name every option of the product; a value the
 * product does not have yet joins its template. A bundle stays one article.
 */
export async function addSku(ctx: AppContext, productId: string, input: AddSkuBody): Promise<CatalogSku> {
  const now = ctx.clock();
  assertGtin(input.ean, 'ean');
  return withConstraintErrors(() =>
    ctx.db.transaction(async (tx) => {
      const product = await findProductRow(tx, productId, { forUpdate: true });
      if (!product) throw notFound('product', productId);
      if (product.isBundle)
        throw invalidState('id', 'A bundle is sold as one article; create another bundle.');
      const fitted = fitOptionsToTemplates(product.options, input.options);
      const siblings = await store.listSkusOfProducts(tx, [productId]);
      const twin = siblings.find((s) => variantKey(s.options) === variantKey(fitted.options));
      if (twin) throw duplicateField('options', `${twin.sku} already has these options.`);
      await assertCodesFree(tx, [
        { article: input.sku, articleField: 'sku', ean: input.ean, eanField: 'ean' },
      ]);
      const retail = await requireRetailPriceList(tx, 'priceInclVat');
      const amount = retailAmount(input.priceInclVat, retail.currency, 'priceInclVat');
      const id = ctx.newId('sku');
      await store.insertSkus(
        tx,
        [
          {
            id,
            productId,
            sku: input.sku,
            ean: input.ean ?? null,
            options: fitted.options,
            weightGrams: input.weightGrams ?? null,
            imageUrls: input.imageUrls ?? [],
            status: input.status,
            sortOrder: await store.nextSortOrder(tx, productId),
          },
        ],
        now,
      );
      if (JSON.stringify(fitted.templates) !== JSON.stringify(product.options)) {
        await setProductOptions(tx, productId, fitted.templates);
      }
      await store.setRetailPrices(tx, retail.id, [{ skuId: id, unitPriceInclVat: amount }]);
      const sku = await loadSku(tx, id);
      await emitSkuEvent(
        tx,
        'sku.created',
        sku,
        { options: sku.options, priceInclVat: sku.priceInclVat },
        now,
      );
      return sku;
    }),
  );
}

// Locks the SKU and checks the caller read its current version.
async function lockCurrent(tx: Queryable, id: string, version: number) {
  const current = await store.findSkuRow(tx, id, { forUpdate: true });
  if (!current) throw notFound('SKU', id);
  if (current.version !== version) throw versionConflict('SKU', current.version, version);
  return current;
}

/**
 * Changes a SKU's article number, EAN, weight, images or status, if it is still at the version the
 * caller read. A component of a bundle on sale cannot be discontinued; change the bundle first.
 */
export async function updateSku(ctx: AppContext, id: string, input: UpdateSkuBody): Promise<CatalogSku> {
  const now = ctx.clock();
  assertGtin(input.ean, 'ean');
  return withConstraintErrors(() =>
    ctx.db.transaction(async (tx) => {
      const current = await lockCurrent(tx, id, input.version);
      await assertCodesFree(
        tx,
        [{ article: input.sku, articleField: 'sku', ean: input.ean, eanField: 'ean' }],
        id,
      );
      if (input.status === 'discontinued' && current.status !== 'discontinued') {
        const bundles = await store.listLiveBundlesContaining(tx, [id]);
        if (bundles.length > 0) {
          throw invalidState(
            'status',
            `This SKU is a component of ${bundles.join(', ')}; change those first.`,
          );
        }
      }
      const changes: store.SkuChanges = {
        sku: input.sku,
        ean: input.ean,
        weightGrams: input.weightGrams,
        imageUrls: input.imageUrls,
        status: input.status,
      };
      const changed = Object.keys(changes).filter((k) => changes[k as keyof store.SkuChanges] !== undefined);
      if (changed.length === 0) return loadSku(tx, id);
      await store.updateSku(tx, id, input.version, changes, now);
      const sku = await loadSku(tx, id);
      await emitSkuEvent(tx, 'sku.updated', sku, { changes: changed, version: sku.version }, now);
      return sku;
    }),
  );
}

/** Replaces the components of a bundle SKU, if it is still at the version the caller read. */
export async function setBundleComponents(
  ctx: AppContext,
  id: string,
  input: SetBundleComponentsBody,
): Promise<CatalogSku> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await lockCurrent(tx, id, input.version);
    const product = await findProductRow(tx, current.productId);
    if (!product?.isBundle) throw invalidState('id', 'Only a bundle product’s SKU has components.');
    await assertComponentsValid(tx, input.components);
    await store.replaceComponents(tx, id, input.components);
    await store.updateSku(tx, id, input.version, {}, now);
    const sku = await loadSku(tx, id);
    await emitSkuEvent(
      tx,
      'sku.updated',
      sku,
      {
        changes: ['components'],
        components: sku.components.map((c) => ({ skuId: c.skuId, quantity: c.quantity })),
        version: sku.version,
      },
      now,
    );
    return sku;
  });
}
