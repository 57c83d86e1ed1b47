import { insertStore } from '@handla/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPricingFixture, expectProblem, type PricingFixture, sek } from './pricing.fixture';

let f: PricingFixture;
let ids: Record<string, string>;
beforeAll(async () => {
  f = await createPricingFixture();
  ids = {
    jacket: await f.sku('JA-DUN-SVA-M'),
    coffee: await f.sku('LV-KAF'),
    tote: await f.sku('AC-TYG'),
    tshirt: await f.sku('TS-ORG-SVA-M'),
    STHLM: await f.store('STHLM'),
    GBG: await f.store('GBG'),
    customer: (await f.t.ctx.db.query<{ id: string }>('select id from customers'))[0]!.id,
  };
});
afterAll(() => f.close());

async function resolve(query: Record<string, string>, auth: Record<string, string> = { cookie: f.cashier }) {
  return f.t.app.inject({ url: `/api/prices/resolve?${new URLSearchParams(query)}`, headers: auth });
}

async function resolved(query: Record<string, string>) {
  const response = await resolve(query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('GET /api/prices/resolve on the demo data', () => {
  it.each([
    // [what, sku, store, customer?, price, source]
    ['retail, web shop', 'tshirt', null, false, 19900, 'retail'],
    ['retail in a store without an override', 'coffee', 'STHLM', false, 6900, 'retail'],
    ['the Göteborg store override', 'coffee', 'GBG', false, 5900, 'store_override'],
    ['the Stockholm store override', 'tote', 'STHLM', false, 8900, 'store_override'],
    ['Vinterrea undercuts retail', 'jacket', null, false, 199900, 'campaign'],
    ['Vinterrea in a store', 'jacket', 'GBG', false, 199900, 'campaign'],
    ['the B2B list replaces retail', 'tshirt', null, true, 14900, 'customer_list'],
    ['the B2B list replaces the store override', 'coffee', 'GBG', true, 5200, 'customer_list'],
    ['a B2B price below Vinterrea keeps the B2B price', 'jacket', 'STHLM', true, 187400, 'customer_list'],
  ] as const)('%s', async (_what, sku, store, withCustomer, amount, source) => {
    const query: Record<string, string> = { skuId: ids[sku]!, at: '2026-06-15T10:00:00Z' };
    if (store) query.storeId = ids[store]!;
    if (withCustomer) query.customerId = ids.customer!;
    const body = await resolved(query);
    expect(body).toMatchObject({ skuId: ids[sku], unitPriceInclVat: sek(amount), source, country: 'SE' });
    expect(body.campaignId === null).toBe(source !== 'campaign');
  });

  it('reports the regular price next to a campaign price, and the standard VAT rate', async () => {
    expect(await resolved({ skuId: ids.jacket!, at: '2026-06-15T10:00:00Z' })).toEqual({
      skuId: ids.jacket,
      unitPriceInclVat: sek(199900),
      source: 'campaign',
      campaignId: expect.stringMatching(/^cpn_/),
      regularUnitPriceInclVat: sek(249900),
      regularSource: 'retail',
      vatRateBp: 2500,
      taxClass: 'standard',
      country: 'SE',
      at: '2026-06-15T10:00:00.000Z',
    });
  });

  it('starts Vinterrea at midnight on New Year in Stockholm, not in UTC', async () => {
    const before = await resolved({ skuId: ids.jacket!, at: '2025-12-31T22:59:59Z' });
    const after = await resolved({ skuId: ids.jacket!, at: '2025-12-31T23:00:00Z' });
    expect([before.source, after.source]).toEqual(['retail', 'campaign']);
  });

  it('defaults `at` to the clock', async () => {
    expect((await resolved({ skuId: ids.tshirt! })).at).toBe('2026-06-15T10:00:00.000Z');
  });
});

describe('VAT in force at the moment of sale, in the store’s time zone', () => {
  it.each([
    ['2026-03-31T21:59:59Z', 1200], // 23:59:59 on 31 March in Stockholm
    ['2026-03-31T22:30:00Z', 600], // 00:30 on 1 April in Stockholm, still 31 March in UTC
    ['2027-12-31T22:59:59Z', 600],
    ['2027-12-31T23:00:00Z', 1200], // midnight into 2028 in Stockholm
  ])('food at %s carries %i bp', async (at, vatRateBp) => {
    const body = await resolved({ skuId: ids.coffee!, storeId: ids.STHLM!, at });
    expect(body).toMatchObject({ taxClass: 'food', vatRateBp });
  });

  it('keeps restaurant and catering at 12 % across the food cut', async () => {
    const product = await f.product('TS-ORG-SVA-M');
    const set = await f.t.app.inject({
      method: 'PUT',
      url: `/api/products/${product}/tax-overrides/SE`,
      headers: { cookie: f.manager },
      payload: { taxClass: 'restaurant' },
    });
    expect(set.statusCode, set.body).toBe(200);
    for (const at of ['2026-03-31T21:59:59Z', '2026-03-31T22:30:00Z']) {
      expect(await resolved({ skuId: ids.tshirt!, storeId: ids.STHLM!, at })).toMatchObject({
        taxClass: 'restaurant',
        vatRateBp: 1200,
      });
    }
    const removed = await f.t.app.inject({
      method: 'DELETE',
      url: `/api/products/${product}/tax-overrides/SE?version=1`,
      headers: { cookie: f.manager },
    });
    expect(removed.statusCode).toBe(204);
    expect(await resolved({ skuId: ids.tshirt!, at: '2026-04-01T10:00:00Z' })).toMatchObject({
      taxClass: 'standard',
      vatRateBp: 2500,
    });
  });

  it('uses the country of the store, and a product’s override for that country only', async () => {
    const [company] = await f.t.ctx.db.query<{ id: string }>('select id from companies');
    const oslo = await insertStore(f.t.ctx.db, {
      id: 'sto_test_oslo',
      companyId: company!.id,
      code: 'OSLO',
      country: 'NO',
      timeZone: 'Europe/Oslo',
    });
    const at = '2026-06-15T10:00:00Z';
    expect(await resolved({ skuId: ids.coffee!, storeId: oslo, at })).toMatchObject({
      country: 'NO',
      taxClass: 'food',
      vatRateBp: 1500,
    });
    const product = await f.product('LV-KAF');
    const set = await f.t.app.inject({
      method: 'PUT',
      url: `/api/products/${product}/tax-overrides/NO`,
      headers: { cookie: f.manager },
      payload: { taxClass: 'standard' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(await resolved({ skuId: ids.coffee!, storeId: oslo, at })).toMatchObject({ vatRateBp: 2500 });
    expect(await resolved({ skuId: ids.coffee!, storeId: ids.STHLM!, at })).toMatchObject({ vatRateBp: 600 });
  });
});

describe('resolve refuses what it cannot answer', () => {
  it('names an unknown SKU, store or customer with 404', async () => {
    expectProblem(await resolve({ skuId: 'sku_nope' }), 404, 'not_found', ['skuId']);
    expectProblem(await resolve({ skuId: ids.tshirt!, storeId: 'sto_nope' }), 404, 'not_found', ['storeId']);
    expectProblem(await resolve({ skuId: ids.tshirt!, customerId: 'cus_nope' }), 404, 'not_found', [
      'customerId',
    ]);
  });

  it('names bad query fields with 400', async () => {
    expectProblem(await resolve({ skuId: ids.tshirt!, at: 'tomorrow' }), 400, 'validation_failed', ['at']);
    expectProblem(await resolve({}), 400, 'validation_failed', ['skuId']);
    expectProblem(await resolve({ skuId: ids.tshirt!, store: 'x' }), 400, 'validation_failed', ['store']);
  });

  it('answers 409 for a day without a VAT rate', async () => {
    expectProblem(await resolve({ skuId: ids.tshirt!, at: '2021-06-01T10:00:00Z' }), 409, 'invalid_state', [
      'at',
    ]);
  });

  it('lets catalog:read keys in and keeps other callers out', async () => {
    expect(
      (await resolve({ skuId: ids.tshirt! }, { authorization: await f.apiKey(['catalog:read']) })).statusCode,
    ).toBe(200);
    expectProblem(
      await resolve({ skuId: ids.tshirt! }, { authorization: await f.apiKey(['stock:read']) }),
      403,
      'forbidden',
    );
    expectProblem(await resolve({ skuId: ids.tshirt! }, {}), 401, 'unauthenticated');
  });
});
