// Shops over HTTP: the shop a host name opens (and X-Forwarded-Host only behind a trusted proxy),
// the managers' edits with their refusals, and two managers racing for one host name.
import type { PublicShop, Shop } from '@handla/api';
import { DEMO_FI_SHOP } from '@handla/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';

let t: TestApp;
let manager: string;
let cashier: string;
let lists: Record<string, string>;

const shopAt = async (host: string, extra: Record<string, string> = {}, app = t.app) => {
  const response = await app.inject({ url: '/api/shop', headers: { host, ...extra } });
  expect(response.statusCode).toBe(200);
  return response.json() as PublicShop;
};
const post = (payload: object, cookie = manager) =>
  t.app.inject({ method: 'POST', url: '/api/shops', headers: { cookie }, payload });
const shopCount = async () =>
  (await t.ctx.db.query<{ n: number }>('select count(*)::integer as n from shops'))[0]!.n;
const hostCount = async () =>
  (await t.ctx.db.query<{ n: number }>('select count(*)::integer as n from shop_hosts'))[0]!.n;

const norway = () => ({
  name: 'Demo Butikk Norge',
  hostNames: ['no.localhost', 'Butikk.Example.NO'],
  defaultLanguage: 'en',
  currency: 'SEK',
  priceListId: lists.RETAIL!,
  country: 'NO',
  shippingMethodIds: ['shm_postnord_home'],
  paymentMethods: ['card'],
});

beforeAll(async () => {
  t = await createTestApp();
  manager = await signIn(t.app, 'manager');
  cashier = await signIn(t.app, 'cashier');
  lists = Object.fromEntries(
    (await t.ctx.db.query<{ id: string; code: string }>('select id, code from price_lists')).map((l) => [
      l.code,
      l.id,
    ]),
  );
});
afterAll(() => t.close());

describe('the shop of a host name', () => {
  it('fi.localhost opens the Finnish shop; localhost and unknown hosts the default shop', async () => {
    const fi = await shopAt('fi.localhost:3000');
    expect(fi).toMatchObject({
      name: DEMO_FI_SHOP.name,
      currency: 'EUR',
      defaultLanguage: 'en',
      country: 'FI',
    });
    expect(fi.usesRetailPrices).toBe(false);
    expect(fi.paymentMethods).toEqual(['card', 'klarna']);
    expect(fi.shippingMethods.map((m) => [m.id, m.price.currency])).toEqual([['shm_posti_home', 'EUR']]);

    for (const host of ['localhost:3000', 'shop.unknown.example']) {
      const se = await shopAt(host);
      expect(se).toMatchObject({
        name: 'Demo Butik AB',
        currency: 'SEK',
        defaultLanguage: 'sv',
        usesRetailPrices: true,
      });
      expect(se.shippingMethods.map((m) => m.id)).not.toContain('shm_posti_home');
      expect(se.shippingMethods.length).toBeGreaterThan(1);
    }
  });

  it('lists only the shop’s shipping methods at /api/shipping-methods', async () => {
    const ids = async (host: string) =>
      (
        (await t.app.inject({ url: '/api/shipping-methods', headers: { host } })).json() as {
          items: { id: string }[];
        }
      ).items.map((m) => m.id);
    expect(await ids('fi.localhost')).toEqual(['shm_posti_home']);
    expect(await ids('localhost')).toContain('shm_postnord_home');
  });

  it('serves the Finnish price list in euros, page by page', async () => {
    const first = await t.app.inject({ url: '/api/shop/prices?limit=5', headers: { host: 'fi.localhost' } });
    const page = first.json() as {
      items: { skuId: string; unitPriceInclVat: { currency: string } }[];
      nextCursor: string;
    };
    expect(page.items).toHaveLength(5);
    expect(new Set(page.items.map((p) => p.unitPriceInclVat.currency))).toEqual(new Set(['EUR']));
    const next = await t.app.inject({
      url: `/api/shop/prices?limit=5&cursor=${page.nextCursor}`,
      headers: { host: 'fi.localhost' },
    });
    const second = next.json() as { items: { skuId: string }[] };
    expect(second.items[0]!.skuId > page.items.at(-1)!.skuId).toBe(true);
  });

  it('ignores X-Forwarded-Host unless the proxy is trusted', async () => {
    const forwarded = { 'x-forwarded-host': 'fi.localhost', 'x-forwarded-proto': 'https' };
    expect((await shopAt('localhost', forwarded)).currency).toBe('SEK');
    const behindProxy = await createTestApp({ trustProxy: true });
    try {
      expect((await shopAt('localhost', forwarded, behindProxy.app)).currency).toBe('EUR');
    } finally {
      await behindProxy.close();
    }
  });
});

describe('managing shops', () => {
  it('lists the default shop first; cashiers may read but not write', async () => {
    const response = await t.app.inject({ url: '/api/shops', headers: { cookie: cashier } });
    const shops = (response.json() as { items: Shop[] }).items;
    expect(shops.map((s) => s.isDefault)).toEqual([true, false]);
    expect(shops[0]!.hostNames).toEqual(['localhost']);
    expect((await post(norway(), cashier)).statusCode).toBe(403);
  });

  it.each([
    [{ hostNames: ['no.localhost', 'bad host'] }, 400, 'hostNames[1]'],
    [{ hostNames: ['no.localhost', 'NO.localhost'] }, 400, 'hostNames[1]'],
    [{ hostNames: ['-x.example'] }, 400, 'hostNames[0]'],
    [{ hostNames: ['FI.localhost'] }, 409, 'hostNames[0]'],
    [{ currency: 'XYZ' }, 400, 'currency'],
    [{ priceListId: 'prl_nope' }, 400, 'priceListId'],
    [{ currency: 'EUR' }, 400, 'priceListId'],
    [{ shippingMethodIds: ['shm_posti_home'] }, 400, 'shippingMethodIds[0]'],
    [{ paymentMethods: ['card', 'card'] }, 400, 'paymentMethods[1]'],
    [{ paymentMethods: ['cash'] }, 400, 'paymentMethods.0'],
  ])('refuses %j with %i naming %s, and changes nothing', async (patch, status, field) => {
    const before = [await shopCount(), await hostCount()];
    const response = await post({ ...norway(), ...patch });
    expect(response.statusCode).toBe(status);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect([await shopCount(), await hostCount()]).toEqual(before);
  });

  it('adds a shop with normalized host names, then edits it under its version', async () => {
    const created = await post(norway());
    expect(created.statusCode).toBe(201);
    const shop = created.json() as Shop;
    expect(shop.hostNames).toEqual(['no.localhost', 'butikk.example.no']);
    expect((await shopAt('butikk.example.no')).name).toBe('Demo Butikk Norge');

    const patch = (body: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/shops/${shop.id}`,
        headers: { cookie: manager },
        payload: body,
      });
    const changed = await patch({ version: 1, hostNames: ['no.localhost'], isOssRegistered: true });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, hostNames: ['no.localhost'], isOssRegistered: true });
    // The freed host name falls back to the default shop.
    expect((await shopAt('butikk.example.no')).name).toBe('Demo Butik AB');

    const stale = await patch({ version: 1, name: 'Gammal' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const taken = await patch({ version: 2, hostNames: ['fi.localhost'] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].field).toBe('hostNames[0]');
    const wrongList = await patch({ version: 2, currency: 'EUR' });
    expect(wrongList.json().errors[0].field).toBe('priceListId');
    expect(
      (await t.app.inject({ url: `/api/shops/${shop.id}`, headers: { cookie: manager } })).json(),
    ).toMatchObject({
      version: 2,
      name: 'Demo Butikk Norge',
      currency: 'SEK',
    });
  });

  it('gives a host name to one of two managers adding it at once', async () => {
    const racers = await Promise.all(
      [1, 2].map((n) => post({ ...norway(), name: `Racer ${n}`, hostNames: ['race.localhost'] })),
    );
    expect(racers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = racers.find((r) => r.statusCode === 409)!;
    expect(loser.json().errors[0].field).toBe('hostNames[0]');
    const owners = await t.ctx.db.query('select shop_id from shop_hosts where host_name = $1', [
      'race.localhost',
    ]);
    expect(owners).toHaveLength(1);
    expect(await t.ctx.db.query(`select id from shops where name like 'Racer %'`)).toHaveLength(1);
  });
});
