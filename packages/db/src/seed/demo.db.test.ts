import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database';
import { createTestDatabase } from '../test-database';
import { type DemoSeedResult, demoStockQuantity, seedDemoData } from './demo';
import { DEMO_CREDENTIALS } from './demo-org';
import { isValidEan13 } from './ean';
import { createSeedIdMaker } from './ids';
import { isValidSwedishOrgNumber } from './org-number';

const NOW = new Date('2026-01-15T09:00:00Z');
const TABLES = [
  'companies',
  'stores',
  'locations',
  'registers',
  'staff_users',
  'tax_classes',
  'vat_rates',
  'categories',
  'products',
  'skus',
  'bundle_components',
  'price_lists',
  'prices',
  'stock_movements',
  'stock_levels',
];

let db: Database;
let result: DemoSeedResult;
const hashed: string[] = [];
const deps = () => ({
  hashPassword: async (password: string) => {
    hashed.push(password);
    return `fake$${password}`;
  },
  now: NOW,
  newId: createSeedIdMaker(),
});

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await db.query<{ n: number }>(`select count(*)::integer as n from ${table}`);
    counts[table] = row?.n ?? -1;
  }
  return counts;
}

beforeAll(async () => {
  db = await createTestDatabase();
  result = await seedDemoData(db, deps());
});
afterAll(() => db.close());

describe('seedDemoData on an empty database', () => {
  it('reports what it seeded', () => {
    expect(result.seeded).toBe(true);
    expect(result.credentials).toBe(DEMO_CREDENTIALS);
    expect(result.counts.locations).toBe(4);
    expect(result.counts.products).toBeGreaterThanOrEqual(45);
    expect(result.counts.products).toBeLessThanOrEqual(60);
  });

  it('creates the company with a Luhn-valid org number and its VAT number', async () => {
    const companies = await db.query<Record<string, string>>('select * from companies');
    expect(companies).toHaveLength(1);
    const [company] = companies;
    expect(company).toMatchObject({ name: 'Demo Butik AB', country: 'SE', currency: 'SEK' });
    expect(isValidSwedishOrgNumber(company!.org_number!)).toBe(true);
    expect(company!.vat_number).toBe(`SE${company!.org_number!.replace('-', '')}01`);
  });

  it('creates two stores with opening hours, four locations and three registers', async () => {
    const stores = await db.query<{ code: string; opening_hours: { weekday: number }[] }>(
      'select code, opening_hours from stores order by code',
    );
    expect(stores.map((s) => s.code)).toEqual(['GBG', 'STHLM']);
    for (const store of stores)
      expect(store.opening_hours.map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const locations = await db.query<{ kind: string }>('select kind from locations order by kind');
    expect(locations.map((l) => l.kind)).toEqual(['store', 'store', 'third_party', 'warehouse']);
    const registers = await db.query<{ store: string; code: string }>(
      'select s.code as store, r.code from registers r join stores s on s.id = r.store_id order by 1, 2',
    );
    expect(registers).toEqual([
      { store: 'GBG', code: 'KASSA-1' },
      { store: 'STHLM', code: 'KASSA-1' },
      { store: 'STHLM', code: 'KASSA-2' },
    ]);
  });

  it('creates the four staff with passwords from the injected hasher', async () => {
    const staff = await db.query<{
      email: string;
      role: string;
      password_hash: string;
      store: string | null;
    }>(
      `select u.email, u.role, u.password_hash, s.code as store
       from staff_users u left join stores s on s.id = u.store_id order by u.email`,
    );
    expect(staff).toHaveLength(4);
    for (const credential of DEMO_CREDENTIALS) {
      expect(staff.find((u) => u.email === credential.email)).toEqual({
        email: credential.email,
        role: credential.role,
        password_hash: `fake$${credential.password}`,
        store: credential.storeCode,
      });
    }
    expect(hashed.sort()).toEqual(DEMO_CREDENTIALS.map((c) => c.password).sort());
  });

  it('creates products with variants and exactly one bundle with its components', async () => {
    const [widest] = await db.query<{ n: number }>(
      'select count(*)::integer as n from skus group by product_id order by n desc limit 1',
    );
    expect(widest!.n).toBeGreaterThanOrEqual(6);
    const bundles = await db.query<{ id: string; skus: number }>(
      `select p.id, count(s.id)::integer as skus from products p join skus s on s.product_id = p.id
       where p.is_bundle group by p.id`,
    );
    expect(bundles).toEqual([{ id: expect.any(String), skus: 1 }]);
    const components = await db.query<{ sku: string; quantity: number }>(
      `select c.sku, bc.quantity from bundle_components bc
       join skus b on b.id = bc.bundle_sku_id join skus c on c.id = bc.component_sku_id
       where b.product_id = $1 order by c.sku`,
      [bundles[0]!.id],
    );
    expect(components).toEqual([
      { sku: 'KO-MUG', quantity: 1 },
      { sku: 'LV-KAF', quantity: 1 },
      { sku: 'LV-MOR', quantity: 1 },
    ]);
  });

  it('gives every SKU a unique valid EAN and a retail price', async () => {
    const skus = await db.query<{ ean: string | null; price: number | null }>(
      `select s.ean, p.unit_price_incl_vat as price from skus s
       left join prices p on p.sku_id = s.id
        and p.price_list_id = (select id from price_lists where is_retail)`,
    );
    expect(skus).toHaveLength(result.counts.skus);
    expect(skus.every((s) => s.ean !== null && isValidEan13(s.ean))).toBe(true);
    expect(new Set(skus.map((s) => s.ean)).size).toBe(skus.length);
    expect(skus.every((s) => Number.isInteger(s.price) && s.price! > 0)).toBe(true);
  });

  it('keeps stock_levels equal to the ledger, with stock in every location and none for bundles', async () => {
    const mismatches = await db.query(
      `select l.sku_id, l.location_id from stock_levels l
       left join (select sku_id, location_id, sum(quantity)::integer as total
                  from stock_movements group by sku_id, location_id) m using (sku_id, location_id)
       where l.on_hand <> coalesce(m.total, 0)`,
    );
    expect(mismatches).toEqual([]);
    const perLocation = await db.query<{ code: string; n: number }>(
      `select loc.code, count(*)::integer as n from stock_levels l
       join locations loc on loc.id = l.location_id group by loc.code order by loc.code`,
    );
    expect(perLocation.map((r) => r.code)).toEqual(['3PL-BORAS', 'CENTRAL', 'GBG-BUTIK', 'STHLM-BUTIK']);
    const [bundleStock] = await db.query<{ n: number }>(
      `select count(*)::integer as n from stock_movements m
       join skus s on s.id = m.sku_id join products p on p.id = s.product_id where p.is_bundle`,
    );
    expect(bundleStock!.n).toBe(0);
    expect(result.counts.stockRows).toBe(perLocation.reduce((sum, r) => sum + r.n, 0));
  });

  it('receives the quantities demoStockQuantity documents', async () => {
    const onHand = await db.query<{ code: string; on_hand: number }>(
      `select loc.code, l.on_hand from stock_levels l join locations loc on loc.id = l.location_id
       join skus s on s.id = l.sku_id where s.sku = 'TS-ORG-SVA-M' order by loc.code`,
    );
    const expected = ['3PL-BORAS', 'CENTRAL', 'GBG-BUTIK', 'STHLM-BUTIK']
      .map((code) => ({ code, on_hand: demoStockQuantity(code, 1) }))
      .filter((row) => row.on_hand > 0);
    expect(onHand).toEqual(expected);
  });

  it('does nothing the second time', async () => {
    const before = await rowCounts();
    hashed.length = 0;
    const again = await seedDemoData(db, deps());
    expect(again).toEqual({ seeded: false, credentials: DEMO_CREDENTIALS, counts: result.counts });
    expect(await rowCounts()).toEqual(before);
    expect(hashed).toEqual([]);
  });
});
