// Migration 0032 on a database that already sold: its backfill makes the company's default shop
// from the retail list and the SEK shipping methods, and gives earlier web orders that shop.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

const migration = readFileSync(
  new URL('../../../../../packages/db/migrations/0032_shops.sql', import.meta.url),
  'utf8',
);
// The migration's backfill: its insert of default shops and its update of earlier orders.
const between = (from: string, to: string) => migration.slice(migration.indexOf(from), migration.indexOf(to));
const backfill =
  between('insert into shops', '-- Null for orders') +
  between('update orders', 'create index orders_shop_idx');

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('backfills the default shop and the shop of earlier web orders', async () => {
  const q = t.ctx.db;
  const [company] = await q.query<{ id: string }>('select id from companies');
  const [retail] = await q.query<{ id: string }>('select id from price_lists where is_retail');
  await q.transaction(async (tx) => {
    const [location] = await tx.query<{ id: string }>(`select id from locations where code = 'CENTRAL'`);
    await tx.query(
      `insert into orders (id, company_id, number, checkout_id, status, channel, locale, customer_name,
                           customer_email, fulfilment, location_id, lines_total_incl_vat, total_incl_vat,
                           currency, payment_method, status_token, status_url, pickup_code, created_at, updated_at)
       values ('ord_before_shops', $1, 1, 'chk_before', 'placed', 'web', 'sv', 'A', 'a@example.se', 'delivery',
               $2, 100, 100, 'SEK', 'card', 'tok_before', 'http://x/', 'CODE1', now(), now())`,
      [company!.id, location!.id],
    );
    // As the database stood before the migration: no shops.
    await tx.query('delete from shop_hosts');
    await tx.query('delete from shops');
    await tx.exec(backfill);
  });
  const shops = await q.query<{ id: string; priceListId: string; methods: string[]; isDefault: boolean }>(
    `select id, price_list_id as "priceListId", shipping_method_ids as methods, is_default as "isDefault" from shops`,
  );
  expect(shops).toEqual([
    {
      id: `shp_default_${company!.id}`,
      priceListId: retail!.id,
      methods: ['shm_postnord_home', 'shm_schenker_agent', 'shm_express'],
      isDefault: true,
    },
  ]);
  const [order] = await q.query<{ shopId: string; priceListId: string }>(
    `select shop_id as "shopId", price_list_id as "priceListId" from orders where id = 'ord_before_shops'`,
  );
  expect(order).toEqual({ shopId: shops[0]!.id, priceListId: retail!.id });
  // With no shop claiming it, any host name opens the backfilled default shop.
  const shop = (await t.app.inject({ url: '/api/shop', headers: { host: 'fi.localhost' } })).json();
  expect(shop).toMatchObject({ id: shops[0]!.id, currency: 'SEK' });
});
