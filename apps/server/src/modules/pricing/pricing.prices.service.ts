// Setting, listing and removing per-SKU prices: a price list's prices and stores' overrides.
// A batch is all or nothing: every bad item is named at once, and nothing is written.
import type { MoneyInput, SkuPrice } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { findSkuFacts } from '../catalog/catalog.lookups';
import { listStoreRows } from '../stores/stores.store';
import { findPriceListRow, findRetailListRow } from './pricing.price-lists.store';
import type { PriceOwner } from './pricing.prices.store';
import * as store from './pricing.prices.store';
import {
  checkVersion,
  decodeCursor,
  encodeCursor,
  findCompanyFacts,
  notFound,
  raceLost,
} from './pricing.shared';

export type { PriceOwner } from './pricing.prices.store';

/** One price to set; `version` names the row it replaces, absent for a SKU without a price here. */
export interface PriceChange {
  skuId: string;
  unitPriceInclVat: MoneyInput;
  version?: number;
}

type FieldError = { field: string; message: string };

// Store overrides are in the retail list's currency, so they compare with retail and campaigns.
async function ownerCurrency(q: Queryable, owner: PriceOwner): Promise<string> {
  if (owner.kind === 'list') {
    const list = await findPriceListRow(q, owner.priceListId);
    if (!list) throw notFound('price list', owner.priceListId, 'id');
    return list.currency;
  }
  if (!(await listStoreRows(q)).some((s) => s.id === owner.storeId))
    throw notFound('store', owner.storeId, 'storeId');
  const retail = await findRetailListRow(q, (await findCompanyFacts(q)).id);
  if (!retail) throw new DomainError('invalid_state', 'There is no retail price list to override.');
  return retail.currency;
}

async function toSkuPrices(q: Queryable, rows: store.PriceRow[], currency: string): Promise<SkuPrice[]> {
  const facts = await findSkuFacts(
    q,
    rows.map((r) => r.skuId),
  );
  const article = new Map(facts.map((f) => [f.skuId, f.sku]));
  return rows.map((r) => ({
    skuId: r.skuId,
    sku: article.get(r.skuId) ?? '',
    unitPriceInclVat: { amount: r.unitPriceInclVat, currency },
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** One page of an owner's prices, by SKU id. */
export async function listPrices(
  ctx: AppContext,
  owner: PriceOwner,
  query: { limit: number; cursor?: string; skuId?: string },
) {
  const currency = await ownerCurrency(ctx.db, owner);
  const [afterSkuId] = query.cursor ? decodeCursor(query.cursor, 1) : [];
  const rows = await store.listPriceRows(ctx.db, owner, afterSkuId, query.limit + 1, query.skuId);
  const pageRows = rows.slice(0, query.limit);
  return {
    items: await toSkuPrices(ctx.db, pageRows, currency),
    nextCursor: rows.length > query.limit ? encodeCursor([pageRows.at(-1)!.skuId]) : null,
  };
}

function ownerEvent(owner: PriceOwner) {
  return owner.kind === 'list'
    ? {
        aggregateType: 'price_list',
        aggregateId: owner.priceListId,
        storeId: null,
        key: { priceListId: owner.priceListId },
      }
    : {
        aggregateType: 'store',
        aggregateId: owner.storeId,
        storeId: owner.storeId,
        key: { storeId: owner.storeId },
      };
}

/**
 * Sets prices for one owner in one transaction. `single` is a call for one SKU named in the path:
 * an unknown SKU is then 404 and fields are named without the `items.N.` prefix.
 */
export async function setPrices(
  ctx: AppContext,
  owner: PriceOwner,
  changes: readonly PriceChange[],
  single = false,
): Promise<SkuPrice[]> {
  const now = ctx.clock();
  const prefix = (index: number) => (single ? '' : `items.${index}.`);
  return ctx.db.transaction(async (tx) => {
    const currency = await ownerCurrency(tx, owner);
    const skuIds = changes.map((c) => c.skuId);
    const known = new Set((await findSkuFacts(tx, skuIds)).map((f) => f.skuId));
    if (single && !known.has(skuIds[0]!)) throw notFound('SKU', skuIds[0]!, 'skuId');
    const invalid: FieldError[] = [];
    changes.forEach((c, i) => {
      if (!known.has(c.skuId)) invalid.push({ field: `${prefix(i)}skuId`, message: 'Unknown SKU' });
      if (c.unitPriceInclVat.currency !== currency)
        invalid.push({ field: `${prefix(i)}unitPriceInclVat.currency`, message: `Must be ${currency}` });
    });
    if (invalid.length > 0) throw new DomainError('validation_failed', 'Some prices are invalid.', invalid);

    const current = new Map((await store.findPriceRows(tx, owner, skuIds)).map((r) => [r.skuId, r]));
    const stale: FieldError[] = [];
    changes.forEach((c, i) => {
      try {
        checkVersion(current.get(c.skuId), c.version, `price of ${c.skuId}`, `${prefix(i)}version`);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        stale.push(...(error.fields ?? []));
      }
    });
    if (stale.length > 0) {
      throw new DomainError('version_conflict', 'Some prices changed since they were read.', stale);
    }

    const amount = (c: PriceChange) => c.unitPriceInclVat.amount;
    const fresh = changes.filter((c) => !current.has(c.skuId));
    const replaced = changes.filter((c) => current.has(c.skuId));
    const written = [
      ...(await store.insertPriceRows(
        tx,
        owner,
        fresh.map((c) => ({ skuId: c.skuId, amount: amount(c) })),
        now,
      )),
      ...(await store.updatePriceRows(
        tx,
        owner,
        replaced.map((c) => ({ skuId: c.skuId, amount: amount(c), version: c.version! })),
        now,
      )),
    ];
    if (written.length !== changes.length) throw raceLost('price');
    const bySku = new Map(written.map((r) => [r.skuId, r]));
    const rows = skuIds.map((id) => bySku.get(id)!);
    const event = ownerEvent(owner);
    await emitEvent(
      tx,
      {
        type: 'price.changed',
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        storeId: event.storeId,
        data: {
          change: owner.kind === 'list' ? 'list_prices_set' : 'store_prices_set',
          ...event.key,
          prices: rows.map((r) => ({
            skuId: r.skuId,
            unitPriceInclVat: { amount: r.unitPriceInclVat, currency },
          })),
        },
      },
      now,
    );
    return toSkuPrices(tx, rows, currency);
  });
}

/** Removes one SKU's price from an owner, at the version the caller read. */
export async function removePrice(
  ctx: AppContext,
  owner: PriceOwner,
  skuId: string,
  version: number,
): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await ownerCurrency(tx, owner);
    const [current] = await store.findPriceRows(tx, owner, [skuId]);
    if (!current) throw notFound('price', skuId, 'skuId');
    checkVersion(current, version, 'price');
    if (!(await store.deletePriceRow(tx, owner, skuId, version))) throw raceLost('price');
    const event = ownerEvent(owner);
    await emitEvent(
      tx,
      {
        type: 'price.changed',
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        storeId: event.storeId,
        data: {
          change: owner.kind === 'list' ? 'list_price_removed' : 'store_price_removed',
          ...event.key,
          skuId,
        },
      },
      now,
    );
  });
}
