// Every pricing change and its price.changed event commit together or not at all: here the
// transaction is made to fail after the service's work, and neither may remain.
import { createTestDatabase, type Database, type Queryable, seedDemoData } from '@handla/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, createContext } from '../../context';
import { createCampaign } from './pricing.campaigns.service';
import { setPrices } from './pricing.prices.service';
import { setTaxOverride } from './pricing.vat.service';

let db: Database;
let ctx: AppContext;
let failing: AppContext;
let skuId: string;
let productId: string;
let storeId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = createContext(db);
  ctx.clock = () => new Date('2026-06-15T10:00:00Z');
  await seedDemoData(db, { hashPassword: async (p) => `fake$${p}`, now: ctx.clock(), newId: ctx.newId });
  // The same database, but every transaction fails once the service's work is done.
  const failAfterWork = <T>(work: (tx: Queryable) => Promise<T>) =>
    db.transaction(async (tx) => {
      await work(tx);
      throw new Error('the commit was lost');
    });
  failing = { ...ctx, db: { ...db, transaction: failAfterWork } };
  const [row] = await db.query<{ id: string; productId: string }>(
    `select id, product_id as "productId" from skus where sku = 'KO-MUG'`,
  );
  skuId = row!.id;
  productId = row!.productId;
  storeId = (await db.query<{ id: string }>(`select id from stores where code = 'STHLM'`))[0]!.id;
});
afterAll(() => db.close());

const count = async (sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`select count(*)::integer as n from (${sql}) as rows`, params))[0]!.n;
const events = () => count('select 1 from outbox_events');

describe('pricing writes and their events share one transaction', () => {
  const price = { skuId: '', unitPriceInclVat: { amount: 4900, currency: 'SEK' } };

  it('leaves neither a store override nor its event when the transaction fails', async () => {
    const before = await events();
    await expect(setPrices(failing, { kind: 'store', storeId }, [{ ...price, skuId }])).rejects.toThrow(
      'lost',
    );
    expect(await count('select 1 from store_prices where sku_id = $1', [skuId])).toBe(0);
    expect(await events()).toBe(before);
    await setPrices(ctx, { kind: 'store', storeId }, [{ ...price, skuId }]);
    expect(await count('select 1 from store_prices where sku_id = $1', [skuId])).toBe(1);
    expect(await events()).toBe(before + 1);
  });

  it('leaves neither a campaign nor its event when the transaction fails', async () => {
    const before = await events();
    const input = {
      name: 'Mugg-rea',
      storeId: null,
      startsAt: '2026-07-01T00:00:00Z',
      endsAt: '2026-08-01T00:00:00Z',
      prices: [{ skuId, unitPriceInclVat: { amount: 5900, currency: 'SEK' } }],
    };
    await expect(createCampaign(failing, input)).rejects.toThrow('lost');
    expect(await count(`select 1 from campaigns where name = 'Mugg-rea'`)).toBe(0);
    expect(await events()).toBe(before);
    await createCampaign(ctx, input);
    expect(await count(`select 1 from campaigns where name = 'Mugg-rea'`)).toBe(1);
    expect(await events()).toBe(before + 1);
  });

  it('leaves neither a tax override nor its event when the transaction fails', async () => {
    const before = await events();
    await expect(setTaxOverride(failing, { productId, country: 'NO' }, { taxClass: 'food' })).rejects.toThrow(
      'lost',
    );
    expect(await count('select 1 from product_tax_overrides where product_id = $1', [productId])).toBe(0);
    expect(await events()).toBe(before);
  });
});
