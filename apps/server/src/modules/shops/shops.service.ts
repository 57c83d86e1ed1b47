// Shops: the back office's list and edits, the shop a host name opens, and its public view. The
// default shop is made from the company's own facts the first time anyone asks for a shop.
import type {
  CreateShopBody,
  PublicShop,
  Shop,
  ShopPrices,
  ShopShippingMethod,
  UpdateShopBody,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { listShippingMethods } from '../orders/orders.service';
import { findShippingMethod } from '../orders/orders.store';
import { findPriceListFacts } from '../pricing/pricing.lookups';
import {
  checkVersion,
  decodeCursor,
  encodeCursor,
  findCompanyFacts,
  isViolation,
} from '../pricing/pricing.shared';
import { methodCountriesFor } from './delivery-country';
import * as store from './shops.store';
import { assertHostNamesFree, checkHostNames, checkShopFields, normalizePublicUrl } from './shops.validate';

const ALL_PAYMENT_METHODS = ['card', 'klarna', 'swish', 'in_store', 'invoice'] as const;

const notFound = (id: string) =>
  new DomainError('not_found', `No shop ${id}.`, [{ field: 'id', message: 'Unknown shop' }]);

function toShop(row: store.ShopRow): Shop {
  const { companyId: _, createdAt, updatedAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

/**
 * The company's id, after making its default shop if it has none: the company's name, country and
 * currency, its retail list, every active shipping method in that currency and every payment method.
 */
export async function ensureDefaultShop(ctx: AppContext, q: Queryable = ctx.db): Promise<string> {
  const company = await findCompanyFacts(q);
  const [existing] = await q.query<{ id: string }>(
    'select id from shops where company_id = $1 and is_default',
    [company.id],
  );
  if (existing) return company.id;
  const [facts] = await q.query<{ name: string; priceListId: string }>(
    `select c.name, pl.id as "priceListId" from companies c
       join price_lists pl on pl.company_id = c.id and pl.is_retail where c.id = $1`,
    [company.id],
  );
  if (!facts) return company.id; // no retail list yet: nothing to sell, so no shop either
  const methods = (await listShippingMethods(ctx)).filter((m) => m.price.currency === company.currency);
  await store.insertShopRow(
    q,
    {
      id: `shp_default_${company.id}`,
      companyId: company.id,
      isDefault: true,
      name: facts.name,
      hostNames: [],
      defaultLanguage: 'sv',
      currency: company.currency,
      priceListId: facts.priceListId,
      country: company.country,
      shippingMethodIds: methods.map((m) => m.id),
      paymentMethods: [...ALL_PAYMENT_METHODS],
      termsText: '',
      termsUrl: null,
      isOssRegistered: false,
      deliveryCountries: [company.country],
      publicUrl: null,
    },
    ctx.clock(),
  );
  return company.id;
}

export async function listShops(ctx: AppContext): Promise<Shop[]> {
  const companyId = await ensureDefaultShop(ctx);
  return (await store.listShopRows(ctx.db, companyId)).map(toShop);
}

export async function getShop(ctx: AppContext, id: string): Promise<Shop> {
  const row = await store.findShopRow(ctx.db, id);
  if (!row) throw notFound(id);
  return toShop(row);
}

/** The shop a request's host name opens: the one claiming it, else the default shop. */
export async function findShopForHost(ctx: AppContext, hostName: string): Promise<store.ShopRow> {
  const companyId = await ensureDefaultShop(ctx);
  const row = await store.findShopRowForHost(ctx.db, companyId, hostName);
  if (!row)
    throw new DomainError('invalid_state', 'There is no web shop yet: add a retail price list first.');
  return row;
}

// Two requests adding the same host name at once: the unique key stops the second.
async function writeHosts(ctx: AppContext, tx: Queryable, shopId: string, names: string[]) {
  await assertHostNamesFree(tx, names, shopId);
  try {
    await tx.query('savepoint shop_hosts');
    await store.replaceShopHosts(tx, shopId, names);
    await tx.query('release savepoint shop_hosts');
  } catch (error) {
    if (!isViolation(error, '23505')) throw error;
    await tx.query('rollback to savepoint shop_hosts');
    await assertHostNamesFree(ctx.db, names, shopId);
    throw new DomainError('duplicate', 'Another shop took one of these host names meanwhile.', [
      { field: 'hostNames[0]', message: 'Another shop has this host name' },
    ]);
  }
}

/** A new shop; 400 naming the field for bad input, 409 naming `hostNames[i]` for a taken host. */
export async function createShop(ctx: AppContext, body: CreateShopBody): Promise<Shop> {
  const hostNames = checkHostNames(body.hostNames);
  const companyId = await ensureDefaultShop(ctx);
  const shop: store.ShopWrite = {
    ...body,
    id: ctx.newId('shp'),
    hostNames,
    deliveryCountries: body.deliveryCountries ?? [body.country],
    publicUrl: normalizePublicUrl(body.publicUrl),
  };
  return ctx.db.transaction(async (tx) => {
    await checkShopFields(tx, shop);
    await store.insertShopRow(tx, { ...shop, companyId, isDefault: false }, ctx.clock());
    await writeHosts(ctx, tx, shop.id, hostNames);
    return toShop((await store.findShopRow(tx, shop.id))!);
  });
}

/** Changes the fields given if `version` is current (else 409 `version_conflict`). */
export async function updateShop(ctx: AppContext, id: string, body: UpdateShopBody): Promise<Shop> {
  const { version, ...patch } = body;
  const hostNames = patch.hostNames ? checkHostNames(patch.hostNames) : undefined;
  return ctx.db.transaction(async (tx) => {
    const current = await store.findShopRow(tx, id, { forUpdate: true });
    if (!current) throw notFound(id);
    checkVersion(current, version, 'shop');
    const next: store.ShopWrite = {
      ...current,
      ...patch,
      hostNames: hostNames ?? current.hostNames,
      publicUrl: patch.publicUrl === undefined ? current.publicUrl : normalizePublicUrl(patch.publicUrl),
    };
    await checkShopFields(tx, next);
    await store.updateShopRow(tx, next, ctx.clock());
    if (hostNames) await writeHosts(ctx, tx, id, hostNames);
    return toShop((await store.findShopRow(tx, id))!);
  });
}

/** Every active shipping method with the countries it is set to go to ([] = each shop's own). */
export async function listShippingMethodsWithCountries(ctx: AppContext): Promise<ShopShippingMethod[]> {
  const countries = await store.listShippingMethodCountries(ctx.db);
  return (await listShippingMethods(ctx)).map((m) => ({ ...m, countries: countries.get(m.id) ?? [] }));
}

/** Sets where an active shipping method goes; 400 naming `countries[i]`, 404 for an unknown method. */
export async function setShippingMethodCountries(
  ctx: AppContext,
  id: string,
  countries: string[],
): Promise<ShopShippingMethod> {
  countries.forEach((code, i) => {
    if (countries.indexOf(code) !== i) {
      throw new DomainError('validation_failed', 'Check countries.', [
        { field: `countries[${i}]`, message: 'Listed twice' },
      ]);
    }
  });
  if (!(await findShippingMethod(ctx.db, id))?.isActive) {
    throw new DomainError('not_found', `No active shipping method ${id}.`, [
      { field: 'id', message: 'Unknown shipping method' },
    ]);
  }
  await store.updateShippingMethodCountries(ctx.db, id, countries);
  return (await listShippingMethodsWithCountries(ctx)).find((m) => m.id === id)!;
}

/** What the storefront starts with: name, language, currency, methods and terms. */
export async function viewPublicShop(ctx: AppContext, row: store.ShopRow): Promise<PublicShop> {
  const methods = new Map((await listShippingMethodsWithCountries(ctx)).map((m) => [m.id, m]));
  const list = await findPriceListFacts(ctx.db, row.priceListId);
  return {
    id: row.id,
    name: row.name,
    defaultLanguage: row.defaultLanguage,
    currency: row.currency,
    country: row.country,
    usesRetailPrices: list?.kind === 'retail',
    paymentMethods: row.paymentMethods,
    // Each method with the shop's countries it goes to; one that goes to none of them is left out.
    shippingMethods: row.shippingMethodIds.flatMap((id) => {
      const method = methods.get(id);
      if (!method) return [];
      const countries = methodCountriesFor(row, method.countries);
      return countries.length ? [{ ...method, countries }] : [];
    }),
    deliveryCountries: row.deliveryCountries,
    termsText: row.termsText,
    termsUrl: row.termsUrl,
  };
}

/** A page of the shop's prices, for a storefront whose shop does not sell at retail prices. */
export async function listShopPrices(
  ctx: AppContext,
  row: store.ShopRow,
  query: { limit: number; cursor?: string },
): Promise<ShopPrices> {
  const after = query.cursor ? decodeCursor(query.cursor, 1)[0] : undefined;
  const rows = await store.listPriceRows(ctx.db, row.priceListId, after, query.limit + 1);
  const pageRows = rows.slice(0, query.limit);
  return {
    items: pageRows.map((r) => ({
      skuId: r.skuId,
      unitPriceInclVat: { amount: r.amount, currency: r.currency },
    })),
    nextCursor: rows.length > query.limit ? encodeCursor([pageRows.at(-1)!.skuId]) : null,
  };
}
