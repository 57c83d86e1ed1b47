import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';

let t: TestApp;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = await signIn(t.app, 'manager');
});
afterAll(() => t.close());

const count = async (table: string) =>
  (await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

async function importCsv(kind: string, csv: string, dryRun: boolean, cookie = manager) {
  return t.app.inject({
    method: 'POST',
    url: `/api/imports?kind=${kind}&dryRun=${dryRun}&wait=true&fileName=test.csv`,
    headers: { cookie, 'content-type': 'text/csv' },
    payload: csv,
  });
}

const PRODUCT_HEADER =
  'product;name_sv;name_en;category;tax_class;brand;sku;ean;option1_name;option1_value;option2_name;option2_value;price';

describe('CSV import and export', () => {
  it('exports products in the import format, and a dry run of the same file changes nothing', async () => {
    const exported = await t.app.inject({ url: '/api/exports/products.csv', headers: { cookie: manager } });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    const lines = exported.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^product;name_sv;name_en;/);
    const skus = await count('skus s join products p on p.id = s.product_id where not p.is_bundle');
    expect(lines.length - 1).toBe(skus);
    const before = await count('outbox_events');
    const response = await importCsv('products', exported.body, true);
    expect(response.statusCode).toBe(200);
    const job = response.json();
    expect(job).toMatchObject({ status: 'succeeded', isDryRun: true, errorCount: 0, totalRows: skus });
    expect(job.summary).toMatchObject({ productsToCreate: 0 });
    expect(await count('outbox_events')).toBe(before);
  });

  it('creates a product with variants, EANs and retail prices in one go', async () => {
    const csv = [
      PRODUCT_HEADER,
      'seglarjacka;Seglarjacka;Sailing jacket;jackor;standard;Skärgårdsliv;RJ-GUL-M;7359990999997;Färg;Gul;Storlek;M;899,00',
      'seglarjacka;;;;;;RJ-GUL-L;;Färg;Gul;Storlek;L;899,00',
      'seglarjacka;;;;;;RJ-BLA-M;;Färg;Blå;Storlek;M;949,50',
    ].join('\n');
    const job = (await importCsv('products', csv, false)).json();
    expect(job, JSON.stringify(job)).toMatchObject({
      status: 'succeeded',
      summary: { productsCreated: 1, skusWritten: 3 },
    });
    const skus = await t.ctx.db.query<{ sku: string; ean: string | null; price: number }>(
      `select s.sku, s.ean, pr.unit_price_incl_vat as price from skus s
         join products p on p.id = s.product_id join prices pr on pr.sku_id = s.id
         join price_lists pl on pl.id = pr.price_list_id and pl.is_retail
        where p.slug = 'seglarjacka' order by s.sort_order`,
    );
    expect(skus).toEqual([
      { sku: 'RJ-GUL-M', ean: '7359990999997', price: 89900 },
      { sku: 'RJ-GUL-L', ean: null, price: 89900 },
      { sku: 'RJ-BLA-M', ean: null, price: 94950 },
    ]);
    const events = await t.ctx.db.query<{ type: string }>(
      "select type from outbox_events where type in ('product.created', 'import.completed') order by id desc limit 2",
    );
    expect(events.map((e) => e.type).sort()).toEqual(['import.completed', 'product.created']);
  });

  it('reports every bad row with its line and column in a dry run, and writes nothing', async () => {
    const csv = [
      PRODUCT_HEADER,
      'ny-mossa;Mössa;Beanie;no-such-category;standard;;MO-1;7359990000001;;;;;99,00',
      'ny-mossa;;;;;;MO-1;;;;;;99,00',
      'annan;;;;;;AN-1;;;;;;abc',
      'tredje;Tredje;Third;;moms-fri;;TR-1;;;;;;10',
      'fjarde;Fjärde;Fourth;;standard;;FJ-1;07359990999997;;;;;10',
    ].join('\n');
    const products = await count('products');
    const job = (await importCsv('products', csv, true)).json();
    expect(job.status).toBe('failed');
    const problems = job.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        '2:category',
        '2:ean',
        '3:sku',
        '4:name_sv',
        '4:price',
        '5:tax_class',
        '6:ean',
      ]),
    );
    expect(await count('products')).toBe(products);
  });

  it('writes nothing at all when a single row of a real import is bad', async () => {
    const csv = [
      PRODUCT_HEADER,
      'bra-vara;Bra vara;Good;;standard;;BV-1;;;;;;10,00',
      'dalig;;;;;;DV-1;;;;;;10,00',
    ].join('\n');
    const products = await count('products');
    const job = (await importCsv('products', csv, false)).json();
    expect(job).toMatchObject({ status: 'failed', errorCount: 1 });
    expect(job.errors[0]).toMatchObject({ line: 3, field: 'name_sv' });
    expect(await count('products')).toBe(products);
  });

  it('imports prices into a named price list', async () => {
    const job = (
      await importCsv('prices', 'price_list;sku;price\nB2B;RJ-GUL-M;700,00\nNOPE;RJ-GUL-M;1,00', false)
    ).json();
    expect(job.errors).toEqual([{ line: 3, field: 'price_list', message: 'Unknown price list "NOPE"' }]);
    const ok = (await importCsv('prices', 'price_list,sku,price\nB2B,RJ-GUL-M,700.00', false)).json();
    expect(ok).toMatchObject({ status: 'succeeded', summary: { pricesChanged: 1 } });
    const exported = await t.app.inject({
      url: '/api/exports/prices.csv?priceList=B2B',
      headers: { cookie: manager },
    });
    expect(exported.body).toContain('B2B;RJ-GUL-M;700,00');
  });

  it('sets counted stock through count movements, so the ledger still explains on-hand', async () => {
    const job = (
      await importCsv('stock', 'location;sku;on_hand\nSTHLM-BUTIK;RJ-GUL-M;7\nGBG-BUTIK;RJ-GUL-M;-2', false)
    ).json();
    expect(job).toMatchObject({ status: 'succeeded', summary: { levelsChanged: 2 } });
    const [level] = await t.ctx.db.query<{ onHand: number; ledger: number }>(
      `select l.on_hand as "onHand",
              (select sum(m.quantity)::int from stock_movements m where m.sku_id = l.sku_id and m.location_id = l.location_id) as ledger
         from stock_levels l join skus s on s.id = l.sku_id join locations lo on lo.id = l.location_id
        where s.sku = 'RJ-GUL-M' and lo.code = 'STHLM-BUTIK'`,
    );
    expect(level).toEqual({ onHand: 7, ledger: 7 });
    const exported = await t.app.inject({
      url: '/api/exports/stock.csv?location=GBG-BUTIK',
      headers: { cookie: manager },
    });
    expect(exported.body).toContain('GBG-BUTIK;RJ-GUL-M;-2');
    const bundle = (await importCsv('stock', 'location;sku;on_hand\nCENTRAL;FIKAPAKET;5', true)).json();
    expect(bundle.status).toBe('failed');
  });

  it('refuses a file without the required columns, an empty body, cashiers and read-only keys', async () => {
    const missing = (await importCsv('stock', 'location;artikel\nCENTRAL;X', true)).json();
    expect(missing.status).toBe('failed');
    expect(missing.errors).toContainEqual(expect.objectContaining({ field: 'sku' }));
    expect((await importCsv('stock', '', true)).statusCode).toBe(400);
    const cashier = await signIn(t.app, 'cashier');
    expect((await importCsv('stock', 'location;sku;on_hand', true, cashier)).statusCode).toBe(403);
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { cookie: manager },
      payload: { name: 'reader', scopes: ['catalog:read', 'stock:read'] },
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports?kind=prices&dryRun=true',
      headers: { authorization: `Bearer ${key.json().secret}`, 'content-type': 'text/csv' },
      payload: 'price_list;sku;price',
    });
    expect(response.statusCode).toBe(403);
  });

  it('answers at once without wait, with a job to follow', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports?kind=stock&dryRun=true',
      headers: { cookie: manager, 'content-type': 'text/csv' },
      payload: 'location;sku;on_hand\nCENTRAL;RJ-GUL-M;3',
    });
    expect(response.statusCode).toBe(202);
    const id = response.json().id;
    await expect
      .poll(
        async () =>
          (await t.app.inject({ url: `/api/imports/${id}`, headers: { cookie: manager } })).json().status,
      )
      .toBe('succeeded');
  });
});
