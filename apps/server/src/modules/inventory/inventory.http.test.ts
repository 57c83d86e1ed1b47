import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';

let t: TestApp;
let manager: string;
let cashier: string;
const loc: Record<string, string> = {};
const sku: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  manager = await signIn(t.app, 'manager');
  cashier = await signIn(t.app, 'cashier'); // Kalle Kassa, Stockholm
  for (const row of await t.ctx.db.query<{ id: string; code: string }>('select id, code from locations')) {
    loc[row.code] = row.id;
  }
  const skus = await t.ctx.db.query<{ id: string; sku: string }>(
    `select id, sku from skus where sku in ('LV-FIKA', 'KO-MUG', 'LV-KAF', 'LV-MOR', 'LV-ESP', 'KO-KAN')`,
  );
  for (const row of skus) sku[row.sku] = row.id;
});
afterAll(() => t.close());

const post = (url: string, payload: object, cookie = manager) =>
  t.app.inject({ method: 'POST', url, payload, headers: { cookie } });
const get = (url: string, headers: Record<string, string> = { cookie: manager }) =>
  t.app.inject({ url, headers });
const onHand = async (skuId: string, locationId: string) => {
  const [row] = await t.ctx.db.query<{ on_hand: number; reserved: number }>(
    'select on_hand, reserved from stock_levels where sku_id = $1 and location_id = $2',
    [skuId, locationId],
  );
  return row ?? { on_hand: 0, reserved: 0 };
};
const movementCount = async () =>
  (await t.ctx.db.query<{ n: number }>('select count(*)::integer as n from stock_movements'))[0]!.n;
const eventCount = async () =>
  (await t.ctx.db.query<{ n: number }>('select count(*)::integer as n from outbox_events'))[0]!.n;

async function apiKey(scopes: string[]) {
  const response = await post('/api/api-keys', { name: `Lager ${scopes.join(' ')}`, scopes });
  return `Bearer ${(response.json() as { secret: string }).secret}`;
}

describe('stock changes', () => {
  it('receives stock: one ledger row, the level moved, stock.changed in the outbox', async () => {
    const before = await onHand(sku['LV-ESP']!, loc.CENTRAL!);
    const response = await post('/api/stock/receipts', {
      skuId: sku['LV-ESP'],
      locationId: loc.CENTRAL,
      quantity: 12,
      reference: 'FS-1001',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.movements).toEqual([
      expect.objectContaining({
        kind: 'receive',
        quantity: 12,
        reference: 'FS-1001',
        actor: expect.stringMatching(/^stf_/),
      }),
    ]);
    expect(body.levels[0]).toMatchObject({ onHand: before.on_hand + 12 });
    const [event] = await t.ctx.db.query<{ type: string; data: Record<string, unknown> }>(
      `select type, data from outbox_events where type = 'stock.changed' order by id desc limit 1`,
    );
    expect(event!.data).toMatchObject({
      skuId: sku['LV-ESP'],
      locationId: loc.CENTRAL,
      onHand: before.on_hand + 12,
    });
  });

  it('adjusts only with a reason, and refuses bad input naming the field without changing anything', async () => {
    const movements = await movementCount();
    const events = await eventCount();
    const cases: [object, string][] = [
      [{ skuId: sku['LV-ESP'], locationId: loc.CENTRAL, quantity: -2 }, 'reason'],
      [{ skuId: sku['LV-ESP'], locationId: loc.CENTRAL, quantity: 0, reason: 'Trasig' }, 'quantity'],
      [{ skuId: sku['LV-ESP'], locationId: loc.CENTRAL, quantity: 1.5, reason: 'Trasig' }, 'quantity'],
      [{ skuId: sku['LV-ESP'], locationId: loc.CENTRAL, quantity: -1, reason: 'x', color: 'red' }, 'color'],
      [{ skuId: 'sku_nope', locationId: loc.CENTRAL, quantity: -1, reason: 'Trasig' }, 'skuId'],
      [{ skuId: sku['LV-ESP'], locationId: 'loc_nope', quantity: -1, reason: 'Trasig' }, 'locationId'],
      [{ skuId: sku['LV-FIKA'], locationId: loc.CENTRAL, quantity: -1, reason: 'Trasig' }, 'skuId'],
    ];
    for (const [payload, field] of cases) {
      const response = await post('/api/stock/adjustments', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await movementCount()).toBe(movements);
    expect(await eventCount()).toBe(events);
    const ok = await post('/api/stock/adjustments', {
      skuId: sku['LV-ESP'],
      locationId: loc.CENTRAL,
      quantity: -2,
      reason: 'Trasig förpackning',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().movements[0]).toMatchObject({
      kind: 'adjust',
      quantity: -2,
      reason: 'Trasig förpackning',
    });
  });

  it('sells a bundle as its components, and returns them', async () => {
    const parts = ['KO-MUG', 'LV-KAF', 'LV-MOR'].map((a) => sku[a]!);
    const before = await Promise.all(parts.map((p) => onHand(p, loc['STHLM-BUTIK']!)));
    const sale = await post(
      '/api/stock/sales',
      { skuId: sku['LV-FIKA'], locationId: loc['STHLM-BUTIK'], quantity: 2, reference: 'kvitto-17' },
      cashier,
    );
    expect(sale.statusCode).toBe(201);
    expect(
      sale
        .json()
        .movements.map((m: { skuId: string; quantity: number }) => [m.skuId, m.quantity])
        .sort(),
    ).toEqual(parts.map((p) => [p, -2]).sort());
    const after = await Promise.all(parts.map((p) => onHand(p, loc['STHLM-BUTIK']!)));
    expect(after.map((level) => level.on_hand)).toEqual(before.map((level) => level.on_hand - 2));
    const back = await post(
      '/api/stock/returns',
      { skuId: sku['LV-FIKA'], locationId: loc['STHLM-BUTIK'], quantity: 1 },
      cashier,
    );
    expect(back.statusCode).toBe(201);
    expect(back.json().movements).toHaveLength(3);
  });
});

describe('who may do what', () => {
  it('keeps cashiers to floor work at their own store', async () => {
    const own = await post(
      '/api/stock/receipts',
      { skuId: sku['KO-KAN'], locationId: loc['STHLM-BUTIK'], quantity: 1 },
      cashier,
    );
    expect(own.statusCode).toBe(201);
    const movements = await movementCount();
    const other = await post(
      '/api/stock/receipts',
      { skuId: sku['KO-KAN'], locationId: loc['GBG-BUTIK'], quantity: 1 },
      cashier,
    );
    expect(other.statusCode).toBe(403);
    expect(other.json().errors[0].field).toBe('locationId');
    const adjust = await post(
      '/api/stock/adjustments',
      { skuId: sku['KO-KAN'], locationId: loc['STHLM-BUTIK'], quantity: 5, reason: 'Hittade' },
      cashier,
    );
    expect(adjust.statusCode).toBe(403);
    const reserve = await post(
      '/api/stock/reservations',
      { reservationId: 'kassa-1', skuId: sku['KO-KAN'], locationId: loc['STHLM-BUTIK'], quantity: 1 },
      cashier,
    );
    expect(reserve.statusCode).toBe(403);
    expect(await movementCount()).toBe(movements);
  });

  it('lets stock:read keys read but not write, and stock:write keys write', async () => {
    const reader = await apiKey(['stock:read']);
    expect((await get('/api/stock/levels?limit=5', { authorization: reader })).statusCode).toBe(200);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/stock/receipts',
      headers: { authorization: reader },
      payload: { skuId: sku['KO-KAN'], locationId: loc.CENTRAL, quantity: 1 },
    });
    expect(refused.statusCode).toBe(403);
    const writer = await apiKey(['stock:write']);
    const reserved = await t.app.inject({
      method: 'POST',
      url: '/api/stock/reservations',
      headers: { authorization: writer },
      payload: { reservationId: 'erp-order-1', skuId: sku['KO-KAN'], locationId: loc.CENTRAL, quantity: 1 },
    });
    expect(reserved.statusCode).toBe(201);
    expect(reserved.json().lines).toEqual([{ skuId: sku['KO-KAN'], quantity: 1 }]);
    expect((await get('/api/stock/levels')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/stock/levels' })).statusCode).toBe(401);
  });
});

describe('reservations over HTTP', () => {
  it('answers 201 first, 200 with the same body on a repeat, and 409 when stock is short', async () => {
    const payload = {
      reservationId: 'web-order-42',
      skuId: sku['LV-MOR'],
      locationId: loc.CENTRAL,
      quantity: 2,
    };
    const first = await post('/api/stock/reservations', payload);
    const again = await post('/api/stock/reservations', payload);
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json()).toEqual(first.json());
    const level = await onHand(sku['LV-MOR']!, loc.CENTRAL!);
    const tooMany = await post('/api/stock/reservations', {
      ...payload,
      reservationId: 'web-order-43',
      quantity: level.on_hand,
    });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ code: 'insufficient_stock', errors: [{ field: 'quantity' }] });
    const consumed = await post('/api/stock/reservations/web-order-42/consume', {});
    expect(consumed.json().status).toBe('consumed');
    expect(await onHand(sku['LV-MOR']!, loc.CENTRAL!)).toEqual({
      on_hand: level.on_hand - 2,
      reserved: level.reserved - 2,
    });
    expect((await post('/api/stock/reservations/nope/release', {})).statusCode).toBe(404);
  });
});

describe('where is this SKU?', () => {
  it('lists every location for a SKU, and a bundle as whole bundles from its scarcest component', async () => {
    const mug = (await get(`/api/stock/skus/${sku['KO-MUG']}/locations`)).json();
    expect(mug.locations.map((l: { location: { code: string } }) => l.location.code).sort()).toEqual([
      '3PL-BORAS',
      'CENTRAL',
      'GBG-BUTIK',
      'STHLM-BUTIK',
    ]);
    const response = await get(`/api/stock/skus/${sku['LV-FIKA']}/locations`, { cookie: cashier });
    expect(response.statusCode).toBe(200);
    const bundle = response.json();
    expect(bundle.isBundle).toBe(true);
    expect(bundle.components).toHaveLength(3);
    const parts = await Promise.all(
      ['KO-MUG', 'LV-KAF', 'LV-MOR'].map((a) =>
        get(`/api/stock/skus/${sku[a]}/locations`).then((r) => r.json()),
      ),
    );
    for (const row of bundle.locations as { location: { id: string }; available: number }[]) {
      const floors = parts.map(
        (p) =>
          p.locations.find((l: { location: { id: string } }) => l.location.id === row.location.id).available,
      );
      expect(row.available).toBe(Math.min(...floors));
    }
    expect(bundle.totalAvailable).toBe(
      bundle.locations.reduce((s: number, l: { available: number }) => s + l.available, 0),
    );
  });

  it('tells the shop, without signing in, what each store has', async () => {
    const response = await t.app.inject({ url: `/api/stock/skus/${sku['KO-MUG']}/availability` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.stores).toHaveLength(2);
    expect(body).not.toHaveProperty('locations');
    expect((await t.app.inject({ url: '/api/stock/skus/sku_nope/availability' })).statusCode).toBe(404);
  });
});

describe('the ledger', () => {
  it('pages a SKU’s movements newest first with a cursor, without gaps or repeats', async () => {
    for (let i = 1; i <= 5; i++) {
      await post('/api/stock/receipts', { skuId: sku['KO-KAN'], locationId: loc.CENTRAL, quantity: i });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `skuId=${sku['KO-KAN']}&locationId=${loc.CENTRAL}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await get(`/api/stock/movements?${query}`);
      expect(response.statusCode).toBe(200);
      const body = response.json() as {
        items: { id: string; occurredAt: string }[];
        nextCursor: string | null;
      };
      seen.push(...body.items.map((m) => m.id));
      cursor = body.nextCursor;
    } while (cursor);
    const all = await t.ctx.db.query<{ id: string }>(
      'select id from stock_movements where sku_id = $1 and location_id = $2 order by occurred_at desc, id desc',
      [sku['KO-KAN'], loc.CENTRAL],
    );
    expect(seen).toEqual(all.map((r) => r.id));
    expect((await get('/api/stock/movements?cursor=garbage')).json().errors[0].field).toBe('cursor');
  });

  it('lists levels that need a count after a sale took them below zero', async () => {
    const level = await onHand(sku['KO-KAN']!, loc['GBG-BUTIK']!);
    await post('/api/stock/sales', {
      skuId: sku['KO-KAN'],
      locationId: loc['GBG-BUTIK'],
      quantity: level.on_hand + 1,
    });
    const listed = (await get(`/api/stock/levels?countNeeded=true&locationId=${loc['GBG-BUTIK']}`)).json();
    expect(listed.items).toContainEqual(
      expect.objectContaining({ skuId: sku['KO-KAN'], onHand: -1, isCountNeeded: true, available: 0 }),
    );
  });
});
