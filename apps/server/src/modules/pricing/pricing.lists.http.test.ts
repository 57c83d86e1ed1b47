import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPricingFixture, expectProblem, type PricingFixture, sek } from './pricing.fixture';

let f: PricingFixture;
let listId: string;
const skus: string[] = [];
beforeAll(async () => {
  f = await createPricingFixture();
  for (const article of ['TS-ORG-SVA-S', 'TS-ORG-SVA-M', 'TS-ORG-SVA-L', 'KO-MUG'])
    skus.push(await f.sku(article));
});
afterAll(() => f.close());

type Auth = { cookie: string } | { authorization: string };
const as = (who: string | Auth): Auth => (typeof who === 'string' ? { cookie: who } : who);
const inject = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  who: string | Auth,
  payload?: object,
) => f.t.app.inject({ method, url, headers: as(who), payload });
const priceRows = (owner: string) =>
  f.t.ctx.db.query(
    `select sku_id, unit_price_incl_vat, version from prices where price_list_id = $1
     union all select sku_id, unit_price_incl_vat, version from store_prices where store_id = $1 order by 1`,
    [owner],
  );

describe('price lists', () => {
  it('creates a B2B list, with a price_list.created event', async () => {
    const created = await inject('POST', '/api/price-lists', f.manager, {
      code: 'GROSS',
      name: 'Grossist',
      currency: 'SEK',
    });
    expect(created.statusCode, created.body).toBe(201);
    listId = created.json().id;
    expect(created.json()).toMatchObject({ code: 'GROSS', kind: 'b2b', currency: 'SEK', version: 1 });
    expect((await f.events(listId)).map((e) => e.type)).toEqual(['price_list.created']);
  });

  it('refuses a code in use, a second retail list and bad fields', async () => {
    const body = { code: 'GROSS', name: 'Igen', currency: 'SEK' };
    expectProblem(await inject('POST', '/api/price-lists', f.manager, body), 409, 'duplicate', ['code']);
    expectProblem(
      await inject('POST', '/api/price-lists', f.manager, { ...body, code: 'R2', kind: 'retail' }),
      409,
      'duplicate',
      ['kind'],
    );
    const bad = await inject('POST', '/api/price-lists', f.manager, {
      code: 'bad code',
      name: '',
      currency: 'kr',
      kind: 'vip',
    });
    expectProblem(bad, 400, 'validation_failed', ['code', 'name', 'currency', 'kind']);
  });

  it('renames at the version read; a stale version is 409 and changes nothing', async () => {
    const renamed = await inject('PATCH', `/api/price-lists/${listId}`, f.manager, {
      version: 1,
      name: 'Grossister',
    });
    expect(renamed.json()).toMatchObject({ name: 'Grossister', version: 2 });
    const stale = await inject('PATCH', `/api/price-lists/${listId}`, f.manager, { version: 1, name: 'Fel' });
    expectProblem(stale, 409, 'version_conflict', ['version']);
    expect((await inject('GET', `/api/price-lists/${listId}`, f.cashier)).json()).toMatchObject({
      name: 'Grossister',
      version: 2,
    });
    expectProblem(await inject('GET', '/api/price-lists/prl_nope', f.cashier), 404, 'not_found');
  });

  it('pages through the lists with a cursor', async () => {
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const body = (await inject('GET', `/api/price-lists?limit=1${query}`, f.cashier)).json();
      codes.push(...body.items.map((l: { code: string }) => l.code));
      cursor = body.nextCursor;
    } while (cursor);
    expect(codes).toEqual(['B2B', 'GROSS', 'RETAIL', 'RETAIL-EUR']); // RETAIL-EUR: the Finnish demo shop's
    expectProblem(
      await inject('GET', '/api/price-lists?cursor=bm9wZQ', f.cashier),
      400,
      'validation_failed',
      ['cursor'],
    );
  });
});

describe('prices in a list', () => {
  it('sets a new price without a version and changes it only with the current one', async () => {
    const url = `/api/price-lists/${listId}/prices/${skus[0]}`;
    const created = await inject('PUT', url, f.manager, { unitPriceInclVat: sek(12000) });
    expect(created.json()).toMatchObject({
      skuId: skus[0],
      sku: 'TS-ORG-SVA-S',
      unitPriceInclVat: sek(12000),
      version: 1,
    });
    expectProblem(
      await inject('PUT', url, f.manager, { unitPriceInclVat: sek(11000) }),
      409,
      'version_conflict',
      ['version'],
    );
    expectProblem(
      await inject('PUT', url, f.manager, { unitPriceInclVat: sek(11000), version: 5 }),
      409,
      'version_conflict',
      ['version'],
    );
    expect(await priceRows(listId)).toEqual([{ sku_id: skus[0], unit_price_incl_vat: 12000, version: 1 }]);
    const changed = await inject('PUT', url, f.manager, { unitPriceInclVat: sek(11000), version: 1 });
    expect(changed.json()).toMatchObject({ unitPriceInclVat: sek(11000), version: 2 });
  });

  it('names bad input and unknown targets, changing nothing', async () => {
    const before = await priceRows(listId);
    const url = `/api/price-lists/${listId}/prices/${skus[1]}`;
    expectProblem(
      await inject('PUT', url, f.manager, { unitPriceInclVat: { amount: 100, currency: 'EUR' } }),
      400,
      'validation_failed',
      ['unitPriceInclVat.currency'],
    );
    expectProblem(
      await inject('PUT', url, f.manager, { unitPriceInclVat: { amount: -1, currency: 'SEK' } }),
      400,
      'validation_failed',
      ['unitPriceInclVat.amount'],
    );
    expectProblem(
      await inject('PUT', url, f.manager, { unitPriceInclVat: { amount: 1.5, currency: 'SEK' }, extra: 1 }),
      400,
      'validation_failed',
      ['unitPriceInclVat.amount', 'extra'],
    );
    expectProblem(
      await inject('PUT', `/api/price-lists/${listId}/prices/sku_nope`, f.manager, {
        unitPriceInclVat: sek(1),
      }),
      404,
      'not_found',
      ['skuId'],
    );
    expectProblem(
      await inject('PUT', `/api/price-lists/prl_nope/prices/${skus[1]}`, f.manager, {
        unitPriceInclVat: sek(1),
      }),
      404,
      'not_found',
      ['id'],
    );
    expect(await priceRows(listId)).toEqual(before);
  });

  it('bulk-sets all or nothing, naming every bad item', async () => {
    const url = `/api/price-lists/${listId}/prices/bulk`;
    const events = await f.eventCount();
    const before = await priceRows(listId);
    const stale = await inject('POST', url, f.manager, {
      items: [
        { skuId: skus[1], unitPriceInclVat: sek(13000) },
        { skuId: skus[0], unitPriceInclVat: sek(9000), version: 1 },
      ],
    });
    expectProblem(stale, 409, 'version_conflict', ['items.1.version']);
    const invalid = await inject('POST', url, f.manager, {
      items: [
        { skuId: skus[1], unitPriceInclVat: sek(13000) },
        { skuId: 'sku_nope', unitPriceInclVat: sek(1) },
        { skuId: skus[2], unitPriceInclVat: { amount: 1, currency: 'NOK' } },
      ],
    });
    expectProblem(invalid, 400, 'validation_failed', ['items.1.skuId', 'items.2.unitPriceInclVat.currency']);
    const twice = await inject('POST', url, f.manager, {
      items: [
        { skuId: skus[1], unitPriceInclVat: sek(1) },
        { skuId: skus[1], unitPriceInclVat: sek(2) },
      ],
    });
    expectProblem(twice, 400, 'validation_failed', ['items.1.skuId']);
    expectProblem(await inject('POST', url, f.manager, { items: [] }), 400, 'validation_failed', ['items']);
    expect(await priceRows(listId)).toEqual(before);
    expect(await f.eventCount()).toBe(events);

    const ok = await inject('POST', url, f.manager, {
      items: [
        { skuId: skus[2], unitPriceInclVat: sek(14000) },
        { skuId: skus[0], unitPriceInclVat: sek(9000), version: 2 },
        { skuId: skus[1], unitPriceInclVat: sek(13000) },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items.map((p: { skuId: string; version: number }) => [p.skuId, p.version])).toEqual([
      [skus[2], 1],
      [skus[0], 3],
      [skus[1], 1],
    ]);
    const [event] = (await f.events(listId)).filter((e) => e.data.change === 'list_prices_set').slice(-1);
    expect(event?.data.prices).toHaveLength(3);
    expect(await f.eventCount()).toBe(events + 1);
  });

  it('lists the prices with a cursor, and removes one at its version', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const body = (
        await inject('GET', `/api/price-lists/${listId}/prices?limit=2${query}`, f.cashier)
      ).json();
      seen.push(...body.items.map((p: { skuId: string }) => p.skuId));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([skus[0], skus[1], skus[2]].sort());
    const one = (await inject('GET', `/api/price-lists/${listId}/prices?skuId=${skus[1]}`, f.cashier)).json();
    expect(one.items.map((p: { skuId: string }) => p.skuId)).toEqual([skus[1]]);
    const url = `/api/price-lists/${listId}/prices/${skus[2]}`;
    expectProblem(await inject('DELETE', `${url}?version=9`, f.manager), 409, 'version_conflict');
    expectProblem(await inject('DELETE', url, f.manager), 400, 'validation_failed', ['version']);
    expect((await inject('DELETE', `${url}?version=1`, f.manager)).statusCode).toBe(204);
    expect((await f.events(listId)).at(-1)?.data).toMatchObject({
      change: 'list_price_removed',
      skuId: skus[2],
    });
  });
});

describe('store price overrides', () => {
  it('sets, lists and removes a store’s own price, with events for that store', async () => {
    const gbg = await f.store('GBG');
    const url = `/api/stores/${gbg}/price-overrides/${skus[3]}`;
    const set = await inject('PUT', url, f.manager, { unitPriceInclVat: sek(9900) });
    expect(set.json()).toMatchObject({ sku: 'KO-MUG', unitPriceInclVat: sek(9900), version: 1 });
    const listed = (await inject('GET', `/api/stores/${gbg}/price-overrides`, f.cashier)).json();
    expect(listed.items.map((p: { sku: string }) => p.sku)).toContain('KO-MUG');
    expectProblem(
      await inject('PUT', url, f.manager, { unitPriceInclVat: sek(1), version: 2 }),
      409,
      'version_conflict',
    );
    expect((await inject('DELETE', `${url}?version=1`, f.manager)).statusCode).toBe(204);
    const events = await f.events(gbg);
    expect(events.map((e) => [e.type, e.storeId, e.data.change])).toEqual([
      ['price.changed', gbg, 'store_prices_set'],
      ['price.changed', gbg, 'store_price_removed'],
    ]);
    expectProblem(
      await inject('PUT', `/api/stores/sto_nope/price-overrides/${skus[3]}`, f.manager, {
        unitPriceInclVat: sek(1),
      }),
      404,
      'not_found',
      ['storeId'],
    );
  });
});

describe('who may change prices', () => {
  it('lets cashiers read but not write, and API keys by scope', async () => {
    const url = `/api/price-lists/${listId}/prices/${skus[3]}`;
    expectProblem(await inject('PUT', url, f.cashier, { unitPriceInclVat: sek(1) }), 403, 'forbidden');
    expectProblem(
      await inject('POST', '/api/price-lists', f.cashier, { code: 'X', name: 'X', currency: 'SEK' }),
      403,
      'forbidden',
    );
    expect((await inject('GET', `/api/price-lists/${listId}/prices`, f.cashier)).statusCode).toBe(200);
    const reader = { authorization: await f.apiKey(['catalog:read']) };
    expectProblem(await inject('PUT', url, reader, { unitPriceInclVat: sek(1) }), 403, 'forbidden');
    const writer = { authorization: await f.apiKey(['catalog:write']) };
    expect((await inject('PUT', url, writer, { unitPriceInclVat: sek(4900) })).statusCode).toBe(200);
    expect(await priceRows(listId)).toContainEqual({
      sku_id: skus[3],
      unit_price_incl_vat: 4900,
      version: 1,
    });
  });
});
