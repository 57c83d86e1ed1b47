import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPricingFixture, expectProblem, type PricingFixture } from './pricing.fixture';

let f: PricingFixture;
beforeAll(async () => {
  f = await createPricingFixture();
});
afterAll(() => f.close());

const inject = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  cookie: string,
  payload?: object,
) => f.t.app.inject({ method, url, headers: { cookie }, payload });

const norwegianFood = async () =>
  (await inject('GET', '/api/vat-rates?country=NO&taxClass=food', f.cashier)).json().items;

describe('tax classes and VAT rates', () => {
  it('lists the classes and each country’s periods to every staff member', async () => {
    const classes = await inject('GET', '/api/tax-classes', f.cashier);
    expect(classes.json().items.map((c: { code: string }) => c.code)).toEqual([
      'books',
      'culture',
      'exempt',
      'food',
      'press',
      'raw_fish',
      'restaurant',
      'standard',
    ]);
    // The current Finnish rates: 25.5 / 13.5 (14 % until 2025, migration 0037) / 10 / 0.
    const finland = await inject('GET', '/api/vat-rates?country=FI', f.cashier);
    const current = finland
      .json()
      .items.filter((r: { validTo: string | null }) => r.validTo === null)
      .map((r: { rateBp: number }) => r.rateBp);
    expect([...new Set(current)].sort((a, b) => (b as number) - (a as number))).toEqual([
      2550, 1350, 1000, 0,
    ]);
    const food = await inject('GET', '/api/vat-rates?country=SE&taxClass=food', f.cashier);
    expect(
      food.json().items.map((r: { rateBp: number; validFrom: string }) => [r.validFrom, r.rateBp]),
    ).toEqual([
      ['2022-01-01', 1200],
      ['2026-04-01', 600],
      ['2028-01-01', 1200],
    ]);
    expectProblem(await inject('GET', '/api/vat-rates?country=sweden', f.cashier), 400, 'validation_failed', [
      'country',
    ]);
  });

  it('refuses a period that overlaps another with 409, changing nothing', async () => {
    const before = await norwegianFood();
    const events = await f.eventCount();
    const response = await inject('POST', '/api/vat-rates', f.owner, {
      country: 'NO',
      taxClass: 'food',
      rateBp: 1111,
      validFrom: '2030-01-01',
    });
    expectProblem(response, 409, 'conflict', ['validFrom']);
    expect(await norwegianFood()).toEqual(before);
    expect(await f.eventCount()).toBe(events);
  });

  it('ends the open period first, then adds the new one, each with its event', async () => {
    const ended = await inject('PATCH', '/api/vat-rates/NO/food/2022-01-01', f.owner, {
      version: 1,
      validTo: '2029-12-31',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ validTo: '2029-12-31', version: 2 });
    const added = await inject('POST', '/api/vat-rates', f.owner, {
      country: 'NO',
      taxClass: 'food',
      rateBp: 1111,
      validFrom: '2030-01-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({
      country: 'NO',
      taxClass: 'food',
      rateBp: 1111,
      validFrom: '2030-01-01',
      validTo: null,
      version: 1,
    });
    expect((await f.events('NO:food:2022-01-01')).map((e) => e.type)).toEqual(['vat_rate.updated']);
    expect((await f.events('NO:food:2030-01-01')).map((e) => e.type)).toEqual(['vat_rate.added']);
    const reopened = await inject('PATCH', '/api/vat-rates/NO/food/2022-01-01', f.owner, {
      version: 2,
      validTo: null,
    });
    expectProblem(reopened, 409, 'conflict', ['validFrom']);
  });

  it('refuses a stale version with 409 version_conflict, changing nothing', async () => {
    const before = await norwegianFood();
    const stale = await inject('PATCH', '/api/vat-rates/NO/food/2022-01-01', f.owner, {
      version: 1,
      validTo: '2029-06-30',
    });
    expectProblem(stale, 409, 'version_conflict', ['version']);
    expect(await norwegianFood()).toEqual(before);
  });

  it('never rewrites the past of a period', async () => {
    const ended = await inject('PATCH', '/api/vat-rates/SE/food/2022-01-01', f.owner, {
      version: 1,
      validTo: null,
    });
    expectProblem(ended, 409, 'invalid_state');
    const backdated = await inject('PATCH', '/api/vat-rates/SE/standard/2022-01-01', f.owner, {
      version: 1,
      validTo: '2026-06-14',
    });
    expectProblem(backdated, 400, 'validation_failed', ['validTo']);
  });

  it('names bad fields with 400', async () => {
    const bad = await inject('POST', '/api/vat-rates', f.owner, {
      country: 'SE',
      taxClass: 'food',
      rateBp: 10_001,
      validFrom: '2030-02-30',
      note: 'x',
    });
    expectProblem(bad, 400, 'validation_failed', ['rateBp', 'validFrom', 'note']);
    const backwards = await inject('POST', '/api/vat-rates', f.owner, {
      country: 'DE',
      taxClass: 'standard',
      rateBp: 1900,
      validFrom: '2030-01-01',
      validTo: '2029-01-01',
    });
    expectProblem(backwards, 400, 'validation_failed', ['validTo']);
    const unknown = await inject('POST', '/api/vat-rates', f.owner, {
      country: 'DE',
      taxClass: 'luxury',
      rateBp: 1900,
      validFrom: '2030-01-01',
    });
    expectProblem(unknown, 400, 'validation_failed', ['taxClass']);
    expectProblem(
      await inject('PATCH', '/api/vat-rates/SE/food/2019-01-01', f.owner, { version: 1, validTo: null }),
      404,
      'not_found',
    );
  });

  it('leaves rates to owners: managers, cashiers and API keys are refused', async () => {
    const body = { country: 'DE', taxClass: 'standard', rateBp: 1900, validFrom: '2030-01-01' };
    expectProblem(await inject('POST', '/api/vat-rates', f.manager, body), 403, 'forbidden');
    expectProblem(await inject('POST', '/api/vat-rates', f.cashier, body), 403, 'forbidden');
    const key = await f.apiKey(['catalog:write']);
    const byKey = await f.t.app.inject({
      method: 'POST',
      url: '/api/vat-rates',
      headers: { authorization: key },
      payload: body,
    });
    expectProblem(byKey, 403, 'forbidden');
    expect(
      (
        await f.t.app.inject({
          url: '/api/vat-rates',
          headers: { authorization: await f.apiKey(['catalog:read']) },
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('product tax-class overrides per country', () => {
  it('creates, changes with its version, and removes an override, each with a price.changed event', async () => {
    const product = await f.product('LV-ESP');
    const url = `/api/products/${product}/tax-overrides/FI`;
    const created = await inject('PUT', url, f.manager, { taxClass: 'standard' });
    expect(created.json()).toMatchObject({
      productId: product,
      country: 'FI',
      taxClass: 'standard',
      version: 1,
    });
    expectProblem(await inject('PUT', url, f.manager, { taxClass: 'exempt' }), 409, 'version_conflict', [
      'version',
    ]);
    expectProblem(
      await inject('PUT', url, f.manager, { taxClass: 'exempt', version: 7 }),
      409,
      'version_conflict',
    );
    const changed = await inject('PUT', url, f.manager, { taxClass: 'exempt', version: 1 });
    expect(changed.json()).toMatchObject({ taxClass: 'exempt', version: 2 });
    expect(
      (await inject('GET', `/api/products/${product}/tax-overrides`, f.cashier)).json().items,
    ).toHaveLength(1);
    expectProblem(await inject('DELETE', `${url}?version=1`, f.manager), 409, 'version_conflict');
    expect((await inject('DELETE', `${url}?version=2`, f.manager)).statusCode).toBe(204);
    expectProblem(await inject('DELETE', `${url}?version=2`, f.manager), 404, 'not_found');
    const events = await f.events(product);
    expect(events.map((e) => [e.type, e.data.change, e.data.taxClass ?? null])).toEqual([
      ['price.changed', 'tax_override_set', 'standard'],
      ['price.changed', 'tax_override_set', 'exempt'],
      ['price.changed', 'tax_override_removed', null],
    ]);
  });

  it('refuses an unknown product, a class without a rate in the country, and cashiers', async () => {
    expectProblem(
      await inject('PUT', '/api/products/prd_nope/tax-overrides/SE', f.manager, { taxClass: 'food' }),
      404,
      'not_found',
      ['productId'],
    );
    const product = await f.product('LV-ESP');
    expectProblem(
      await inject('PUT', `/api/products/${product}/tax-overrides/US`, f.manager, { taxClass: 'food' }),
      400,
      'validation_failed',
      ['taxClass'],
    );
    expectProblem(
      await inject('PUT', `/api/products/${product}/tax-overrides/se`, f.manager, { taxClass: 'food' }),
      400,
      'validation_failed',
      ['country'],
    );
    expectProblem(
      await inject('PUT', `/api/products/${product}/tax-overrides/SE`, f.cashier, { taxClass: 'food' }),
      403,
      'forbidden',
    );
  });
});
