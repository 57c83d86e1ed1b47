import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database';
import { createTestDatabase } from '../test-database';
import {
  insertBundleComponent,
  insertCategory,
  insertCompany,
  insertLocation,
  insertPrice,
  insertPriceList,
  insertProduct,
  insertRegister,
  insertSku,
  insertStaffUser,
  insertStore,
  receiveStock,
  receiveStockBatch,
} from './builders';
import { createSeedIdMaker } from './ids';
import { insertSwedishVat } from './swedish-vat';

const AT = new Date('2026-03-01T10:00:00Z');
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertSwedishVat(db);
});
afterAll(() => db.close());

describe('createSeedIdMaker', () => {
  it('counts per prefix, the same on every run', () => {
    const id = createSeedIdMaker();
    expect([id('cmp'), id('sto'), id('sto'), id('cmp')]).toEqual([
      'cmp_seed0001',
      'sto_seed0001',
      'sto_seed0002',
      'cmp_seed0002',
    ]);
    expect(createSeedIdMaker()('cmp')).toBe('cmp_seed0001');
  });
});

describe('seed builders', () => {
  it('build a whole store from ids alone, with the defaults filled in', async () => {
    const id = createSeedIdMaker();
    const companyId = await insertCompany(db, { id: id('cmp') });
    const storeId = await insertStore(db, { id: id('sto'), companyId });
    const locationId = await insertLocation(db, { id: id('loc'), companyId, storeId });
    await insertRegister(db, { id: id('reg'), storeId });
    const staffId = await insertStaffUser(db, { id: id('stf'), companyId, passwordHash: 'fake$x' });
    const categoryId = await insertCategory(db, { id: id('cat'), companyId });
    const productId = await insertProduct(db, { id: id('prd'), companyId, categoryId });
    const skuId = await insertSku(db, { id: id('sku'), productId, ean: '7310865004703' });
    const bundleProductId = await insertProduct(db, { id: id('prd'), companyId, isBundle: true });
    const bundleSkuId = await insertSku(db, { id: id('sku'), productId: bundleProductId });
    await insertBundleComponent(db, { bundleSkuId, componentSkuId: skuId, quantity: 2 });
    const priceListId = await insertPriceList(db, { id: id('prl'), companyId, isRetail: true });
    await insertPrice(db, { priceListId, skuId, unitPriceInclVat: 19900 });

    expect(companyId).toBe('cmp_seed0001');
    const [company] = await db.query(
      'select org_number, vat_number, time_zone from companies where id = $1',
      [companyId],
    );
    expect(company).toEqual({
      org_number: '559999-9991',
      vat_number: 'SE559999999101',
      time_zone: 'Europe/Stockholm',
    });
    const [location] = await db.query('select kind, code from locations where id = $1', [locationId]);
    expect(location).toEqual({ kind: 'store', code: 'LOC_SEED0001' });
    const [sku] = await db.query('select sku, options, image_urls from skus where id = $1', [skuId]);
    expect(sku).toEqual({ sku: 'SKU_SEED0001', options: {}, image_urls: [] });
    const [staff] = await db.query('select role, email, is_active from staff_users where id = $1', [staffId]);
    expect(staff).toEqual({ role: 'cashier', email: 'stf_seed0001@test.handla.se', is_active: true });
  });

  it('write jsonb and arrays as given', async () => {
    const id = createSeedIdMaker();
    const companyId = await insertCompany(db, { id: id('cmpj'), orgNumber: '556012-5790' });
    const hours = [{ weekday: 1, opens: '10:00', closes: '18:00' }];
    const storeId = await insertStore(db, { id: id('stoj'), companyId, openingHours: hours });
    const options = [{ name: { sv: 'Färg', en: 'Colour' }, values: ['Blå'] }];
    const productId = await insertProduct(db, { id: id('prdj'), companyId, options, taxClass: 'food' });
    const skuId = await insertSku(db, {
      id: id('skuj'),
      productId,
      options: { Färg: 'Blå' },
      imageUrls: ['/a.jpg'],
    });
    const [store] = await db.query('select opening_hours from stores where id = $1', [storeId]);
    expect(store).toEqual({ opening_hours: hours });
    const [product] = await db.query('select options, tax_class from products where id = $1', [productId]);
    expect(product).toEqual({ options, tax_class: 'food' });
    const [sku] = await db.query('select options, image_urls from skus where id = $1', [skuId]);
    expect(sku).toEqual({ options: { Färg: 'Blå' }, image_urls: ['/a.jpg'] });
  });
});

describe('receiveStock', () => {
  const level = async (skuId: string, locationId: string) =>
    (
      await db.query<{ on_hand: number; updated_at: Date }>(
        'select on_hand, updated_at from stock_levels where sku_id = $1 and location_id = $2',
        [skuId, locationId],
      )
    )[0];

  it('appends a receive movement and moves on-hand with it', async () => {
    const id = createSeedIdMaker();
    const companyId = await insertCompany(db, { id: id('cmps') });
    const locationId = await insertLocation(db, { id: id('locs'), companyId, kind: 'warehouse' });
    const productId = await insertProduct(db, { id: id('prds'), companyId });
    const skuId = await insertSku(db, { id: id('skus'), productId });

    const first = await receiveStock(db, { id: id('mov'), skuId, locationId, quantity: 5, occurredAt: AT });
    expect(first).toBe('mov_seed0001');
    expect(await level(skuId, locationId)).toEqual({ on_hand: 5, updated_at: AT });

    const later = new Date(AT.getTime() + 60_000);
    await receiveStockBatch(db, [
      { id: id('mov'), skuId, locationId, quantity: 3, occurredAt: later, actor: 'stf_x', reference: 'PO-1' },
      { id: id('mov'), skuId, locationId, quantity: 2, occurredAt: AT },
    ]);
    expect(await level(skuId, locationId)).toEqual({ on_hand: 10, updated_at: later });

    const movements = await db.query(
      'select kind, quantity, actor from stock_movements where sku_id = $1 order by id',
      [skuId],
    );
    expect(movements).toEqual([
      { kind: 'receive', quantity: 5, actor: 'system' },
      { kind: 'receive', quantity: 3, actor: 'stf_x' },
      { kind: 'receive', quantity: 2, actor: 'system' },
    ]);
  });

  it('refuses quantities that are not whole numbers above zero, writing nothing', async () => {
    const line = { id: 'mov_bad', skuId: 'sku_x', locationId: 'loc_x', occurredAt: AT };
    for (const quantity of [0, -1, 1.5]) {
      await expect(receiveStock(db, { ...line, quantity })).rejects.toThrow(RangeError);
    }
    const [row] = await db.query<{ n: number }>(
      "select count(*)::integer as n from stock_movements where id = 'mov_bad'",
    );
    expect(row?.n).toBe(0);
  });
});
