import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPricingFixture, expectProblem, NOW, type PricingFixture, sek } from './pricing.fixture';

let f: PricingFixture;
let jacket: string;
let mug: string;
let sthlm: string;
let gbg: string;
beforeAll(async () => {
  f = await createPricingFixture();
  jacket = await f.sku('JA-DUN-SVA-M');
  mug = await f.sku('KO-MUG');
  sthlm = await f.store('STHLM');
  gbg = await f.store('GBG');
});
afterAll(() => f.close());

const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  f.t.app.inject({ method, url, headers: { cookie }, payload });
const price = async (skuId: string, storeId: string) =>
  (
    await f.t.app.inject({
      url: `/api/prices/resolve?skuId=${skuId}&storeId=${storeId}`,
      headers: { cookie: f.cashier },
    })
  ).json() as { unitPriceInclVat: { amount: number }; source: string; campaignId: string | null };
const campaignRow = (id: string) =>
  f.t.ctx.db.query('select name, starts_at, ends_at, ended_at, version from campaigns where id = $1', [id]);

describe('campaigns', () => {
  let storeSale: { id: string };

  it('creates a store campaign that beats the company-wide one in that store only', async () => {
    const created = await inject('POST', '/api/campaigns', f.manager, {
      name: 'Stockholmsdagar',
      storeId: sthlm,
      startsAt: '2026-06-01T00:00:00+02:00',
      endsAt: '2026-07-01T00:00:00+02:00',
      prices: [{ skuId: jacket, unitPriceInclVat: sek(219900) }],
    });
    expect(created.statusCode, created.body).toBe(201);
    storeSale = created.json();
    expect(created.json()).toMatchObject({
      status: 'active',
      storeId: sthlm,
      startsAt: '2026-05-31T22:00:00.000Z',
      priceCount: 1,
      version: 1,
      prices: [{ skuId: jacket, sku: 'JA-DUN-SVA-M', unitPriceInclVat: sek(219900) }],
    });
    expect(await price(jacket, sthlm)).toMatchObject({
      unitPriceInclVat: sek(219900),
      campaignId: storeSale.id,
    });
    expect(await price(jacket, gbg)).toMatchObject({ unitPriceInclVat: sek(199900), source: 'campaign' });
    const events = await f.events(storeSale.id);
    expect(events.map((e) => [e.type, e.storeId, e.data.change, e.data.skuIds])).toEqual([
      ['price.changed', sthlm, 'campaign_created', [jacket]],
    ]);
  });

  it('lists current, active, upcoming and ended campaigns, for a store or all, with a cursor', async () => {
    const names = async (query: string) =>
      (await inject('GET', `/api/campaigns?${query}`, f.cashier))
        .json()
        .items.map((c: { name: string }) => c.name);
    expect(await names('status=active')).toEqual(['Vinterrea', 'Stockholmsdagar']);
    expect(await names('status=upcoming')).toEqual(['Sommarrea i Göteborg']);
    expect(await names('')).toEqual(['Vinterrea', 'Stockholmsdagar', 'Sommarrea i Göteborg']);
    expect(await names(`storeId=${gbg}`)).toEqual(['Vinterrea', 'Sommarrea i Göteborg']);
    expect(await names('status=ended')).toEqual([]);
    const first = (await inject('GET', '/api/campaigns?limit=2', f.cashier)).json();
    const second = (
      await inject('GET', `/api/campaigns?limit=2&cursor=${first.nextCursor}`, f.cashier)
    ).json();
    expect([...first.items, ...second.items].map((c: { name: string }) => c.name)).toEqual(
      await names('status=all'),
    );
    expect(second.nextCursor).toBeNull();
    expectProblem(await inject('GET', '/api/campaigns?status=soon', f.cashier), 400, 'validation_failed', [
      'status',
    ]);
  });

  it('changes a campaign at its version; a stale one is 409 and changes nothing', async () => {
    const changed = await inject('PATCH', `/api/campaigns/${storeSale.id}`, f.manager, {
      version: 1,
      name: 'Stockholmsdagar 2026',
      prices: [
        { skuId: jacket, unitPriceInclVat: sek(209900) },
        { skuId: mug, unitPriceInclVat: sek(9900) },
      ],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Stockholmsdagar 2026', version: 2, priceCount: 2 });
    const before = await campaignRow(storeSale.id);
    const stale = await inject('PATCH', `/api/campaigns/${storeSale.id}`, f.manager, {
      version: 1,
      name: 'Fel',
    });
    expectProblem(stale, 409, 'version_conflict', ['version']);
    expect(await campaignRow(storeSale.id)).toEqual(before);
    const moved = await inject('PATCH', `/api/campaigns/${storeSale.id}`, f.manager, {
      version: 2,
      startsAt: '2026-06-10T00:00:00Z',
    });
    expectProblem(moved, 409, 'invalid_state', ['startsAt']);
    expect(await price(mug, sthlm)).toMatchObject({ unitPriceInclVat: sek(9900), source: 'campaign' });
  });

  it('ends a campaign now: its prices stop, and it cannot be ended or changed again', async () => {
    const ended = await inject('POST', `/api/campaigns/${storeSale.id}/end`, f.manager, { version: 2 });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endedAt: NOW.toISOString(), version: 3 });
    expect(await price(jacket, sthlm)).toMatchObject({ unitPriceInclVat: sek(199900), source: 'campaign' });
    expect((await price(jacket, sthlm)).campaignId).not.toBe(storeSale.id);
    expectProblem(
      await inject('POST', `/api/campaigns/${storeSale.id}/end`, f.manager, { version: 3 }),
      409,
      'invalid_state',
    );
    expectProblem(
      await inject('PATCH', `/api/campaigns/${storeSale.id}`, f.manager, { version: 3, name: 'X' }),
      409,
      'invalid_state',
    );
    const endedList = (await inject('GET', '/api/campaigns?status=ended', f.cashier)).json().items;
    expect(endedList.map((c: { id: string }) => c.id)).toEqual([storeSale.id]);
    const changes = (await f.events(storeSale.id)).map((e) => e.data.change);
    expect(changes).toEqual(['campaign_created', 'campaign_updated', 'campaign_ended']);
    const history = await f.t.app.inject({
      url: `/api/prices/resolve?skuId=${jacket}&storeId=${sthlm}&at=2026-06-15T09:00:00Z`,
      headers: { cookie: f.cashier },
    });
    expect(history.json(), 'it still applied before it was ended').toMatchObject({
      campaignId: storeSale.id,
    });
  });

  it('names bad fields and changes nothing', async () => {
    const events = await f.eventCount();
    const base = { name: 'Fel', startsAt: '2026-07-01T00:00:00Z', endsAt: '2026-08-01T00:00:00Z' };
    const backwards = await inject('POST', '/api/campaigns', f.manager, {
      ...base,
      endsAt: '2026-06-01T00:00:00Z',
      prices: [{ skuId: jacket, unitPriceInclVat: sek(1) }],
    });
    expectProblem(backwards, 400, 'validation_failed', ['endsAt']);
    const unknown = await inject('POST', '/api/campaigns', f.manager, {
      ...base,
      storeId: 'sto_nope',
      prices: [
        { skuId: 'sku_nope', unitPriceInclVat: sek(1) },
        { skuId: jacket, unitPriceInclVat: { amount: 1, currency: 'EUR' } },
      ],
    });
    expectProblem(unknown, 400, 'validation_failed', [
      'storeId',
      'prices.0.skuId',
      'prices.1.unitPriceInclVat.currency',
    ]);
    const shape = await inject('POST', '/api/campaigns', f.manager, {
      name: '',
      startsAt: 'soon',
      prices: [],
    });
    expectProblem(shape, 400, 'validation_failed', ['name', 'startsAt', 'endsAt', 'prices']);
    const past = await inject('POST', '/api/campaigns', f.manager, {
      ...base,
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: '2026-02-01T00:00:00Z',
      prices: [{ skuId: jacket, unitPriceInclVat: sek(1) }],
    });
    expectProblem(past, 400, 'validation_failed', ['endsAt']);
    expect(await f.eventCount()).toBe(events);
    expectProblem(await inject('GET', '/api/campaigns/cpn_nope', f.cashier), 404, 'not_found');
  });

  it('keeps cashiers from creating or ending campaigns', async () => {
    const body = {
      name: 'X',
      startsAt: '2026-07-01T00:00:00Z',
      endsAt: '2026-08-01T00:00:00Z',
      prices: [{ skuId: mug, unitPriceInclVat: sek(1) }],
    };
    expectProblem(await inject('POST', '/api/campaigns', f.cashier, body), 403, 'forbidden');
    const [vinter] = (await inject('GET', '/api/campaigns?status=active', f.cashier)).json().items;
    expectProblem(
      await inject('POST', `/api/campaigns/${vinter.id}/end`, f.cashier, { version: 1 }),
      403,
      'forbidden',
    );
  });
});
