import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';

let t: TestApp;
let manager: string;
let cashier: string;
let tshirt: { skuId: string; price: number };
let mug: { skuId: string; price: number };
let tshirtsCategory: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = await signIn(t.app, 'manager');
  cashier = await signIn(t.app, 'cashier');
  tshirt = await skuOf('T-shirt Ekologisk bomull');
  mug = await skuOf('Mugg Stengods');
  [{ id: tshirtsCategory }] = (await t.ctx.db.query<{ id: string }>(
    `select id from categories where slug = 't-shirts'`,
  )) as [{ id: string }];
  // The demo's own rules would also price these baskets: archive them so each test sees its own.
  const demo = (await inject('GET', '/api/promotions', manager)).json().items as {
    id: string;
    version: number;
  }[];
  for (const rule of demo)
    await inject('DELETE', `/api/promotions/${rule.id}?version=${rule.version}`, manager);
});
afterAll(() => t.close());

async function skuOf(productName: string) {
  const [row] = await t.ctx.db.query<{ skuId: string; price: number }>(
    `select s.id as "skuId", pr.unit_price_incl_vat as price
       from skus s join products p on p.id = s.product_id
       join prices pr on pr.sku_id = s.id join price_lists l on l.id = pr.price_list_id and l.is_retail
      where p.name_sv = $1 order by s.sku limit 1`,
    [productName],
  );
  return row!;
}

const inject = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  cookie?: string,
  payload?: object,
) => t.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload });
const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field);
const countRows = async (table: string) =>
  (await t.ctx.db.query<{ n: number }>(`select count(*)::integer as n from ${table}`))[0]!.n;

const threeForTwo = () => ({
  name: '3 för 2 på t-shirts',
  effect: { type: 'x_for_y', target: { kind: 'category', ids: [tshirtsCategory] }, buy: 3, pay: 2 },
  priority: 10,
});

describe('promotion rules', () => {
  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await countRows('promotions');
    const negative = await inject('POST', '/api/promotions', manager, {
      name: 'Spara mer än du handlar',
      effect: {
        type: 'spend_threshold',
        target: { kind: 'all', ids: [] },
        minSpend: 10000,
        amountOff: 20000,
      },
    });
    expect(negative.statusCode).toBe(400);
    expect(fieldsOf(negative.json())).toEqual(['effect.amountOff']);
    const unknown = await inject('POST', '/api/promotions', manager, {
      name: 'Okänd kategori',
      effect: { type: 'percent_off', target: { kind: 'category', ids: ['cat_nope'] }, percentBp: 1000 },
      storeIds: ['sto_nope'],
      startsAt: '2026-06-02T00:00:00Z',
      endsAt: '2026-06-01T00:00:00Z',
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown.json()).sort()).toEqual(['effect.target.ids[0]', 'endsAt', 'storeIds[0]']);
    const badDate = await inject('POST', '/api/promotions', manager, { ...threeForTwo(), startsAt: 'igår' });
    expect(badDate.statusCode).toBe(400);
    expect(fieldsOf(badDate.json())).toContain('startsAt');
    expect(await countRows('promotions')).toBe(before);
  });

  it('lets managers, not cashiers, create rules', async () => {
    expect((await inject('POST', '/api/promotions', cashier, threeForTwo())).statusCode).toBe(403);
  });

  it('prices a basket with 3 för 2 through the public endpoint, the discount by name', async () => {
    const created = await inject('POST', '/api/promotions', manager, threeForTwo());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'active', version: 1, couponCount: 0 });
    const priced = await inject('POST', '/api/promotions/price', undefined, {
      lines: [
        { lineId: 'a', skuId: tshirt.skuId, quantity: 3 },
        { lineId: 'b', skuId: mug.skuId, quantity: 1 },
      ],
    });
    expect(priced.statusCode, priced.body).toBe(200);
    const body = priced.json();
    expect(body.lines[0].discounts).toEqual([
      { ruleId: created.json().id, name: '3 för 2 på t-shirts', level: 'item', amount: tshirt.price },
    ]);
    expect(body.lines[1].discountAmount).toBe(0);
    expect(body.total).toBe(2 * tshirt.price + mug.price);
    expect(body.vat.byRate.reduce((s: number, r: { vatAmount: number }) => s + r.vatAmount, 0)).toBe(
      body.vat.totalVat,
    );
  });

  it('changes and archives a rule with its version; an archived rule no longer applies', async () => {
    const created = (
      await inject('POST', '/api/promotions', manager, {
        name: 'Muggrea',
        effect: { type: 'amount_off', target: { kind: 'all', ids: [] }, amount: 1000 },
        channels: ['store'],
      })
    ).json();
    const stale = await inject('PATCH', `/api/promotions/${created.id}`, manager, { version: 9, name: 'X' });
    expect(stale.statusCode).toBe(409);
    const changed = await inject('PATCH', `/api/promotions/${created.id}`, manager, {
      version: 1,
      name: 'Muggrea!',
    });
    expect(changed.json()).toMatchObject({ name: 'Muggrea!', version: 2 });
    const archived = await inject('DELETE', `/api/promotions/${created.id}?version=2`, manager);
    expect(archived.json()).toMatchObject({ status: 'archived', version: 3 });
    const active = (await inject('GET', '/api/promotions/active')).json();
    expect(active.rules.map((r: { id: string }) => r.id)).not.toContain(created.id);
  });

  it('serves the active rules with an ETag the register can revalidate', async () => {
    const first = await inject('GET', '/api/promotions/active');
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(first.json().etag).toBe(etag);
    const again = await t.app.inject({ url: '/api/promotions/active', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    await inject('POST', '/api/promotions', manager, { ...threeForTwo(), name: 'Ny regel', priority: 1 });
    const changed = await t.app.inject({ url: '/api/promotions/active', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });
});

describe('coupons', () => {
  let ruleId: string;
  beforeAll(async () => {
    const created = await inject('POST', '/api/promotions', manager, {
      name: 'Kupong 50 kr',
      effect: { type: 'spend_threshold', target: { kind: 'all', ids: [] }, minSpend: 10000, amountOff: 5000 },
      requiresCoupon: true,
    });
    ruleId = created.json().id;
  });

  it('creates a batch of single-use codes and a shared code with a limit', async () => {
    const batch = await inject('POST', `/api/promotions/${ruleId}/coupons`, manager, {
      kind: 'single_use',
      count: 25,
      prefix: 'VIP',
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const codes = batch.json().coupons.map((c: { code: string }) => c.code);
    expect(new Set(codes).size).toBe(25);
    expect(codes.every((c: string) => /^VIP-[A-Z2-9]{10}$/.test(c))).toBe(true);
    const shared = await inject('POST', `/api/promotions/${ruleId}/coupons`, manager, {
      kind: 'shared',
      code: 'host26',
      maxRedemptions: 2,
    });
    expect(shared.json().coupons).toMatchObject([{ code: 'HOST26', maxRedemptions: 2, redemptionCount: 0 }]);
    const twice = await inject('POST', `/api/promotions/${ruleId}/coupons`, manager, {
      kind: 'shared',
      code: 'HOST26',
      maxRedemptions: 5,
    });
    expect(twice.statusCode).toBe(409);
    expect(fieldsOf(twice.json())).toEqual(['code']);
  });

  it('prices with a valid coupon only, and redeems it up to its limit', async () => {
    const basket = {
      lines: [
        { skuId: tshirt.skuId, quantity: 1 },
        { skuId: mug.skuId, quantity: 1 },
      ],
    };
    const without = (await inject('POST', '/api/promotions/price', undefined, basket)).json();
    const withCoupon = (
      await inject('POST', '/api/promotions/price', undefined, { ...basket, coupon: 'Host26' })
    ).json();
    expect(without.total - withCoupon.total).toBe(5000);
    expect(withCoupon.appliedCouponCodes).toEqual(['HOST26']);
    const unknown = await inject('POST', '/api/promotions/price', undefined, {
      ...basket,
      coupon: 'NOPE123',
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown.json())).toEqual(['coupon']);

    const redeem = (reference: string) =>
      inject('POST', '/api/promotions/coupons/redeem', cashier, { coupon: 'host26', reference });
    expect((await redeem('ord_1')).json()).toMatchObject({ isRepeat: false, coupon: { redemptionCount: 1 } });
    expect((await redeem('ord_1')).json()).toMatchObject({ isRepeat: true, coupon: { redemptionCount: 1 } });
    expect((await redeem('ord_2')).json()).toMatchObject({ isRepeat: false, coupon: { redemptionCount: 2 } });
    const past = await redeem('ord_3');
    expect(past.statusCode).toBe(409);
    expect(past.json()).toMatchObject({ code: 'coupon_limit_reached', errors: [{ field: 'coupon' }] });
    const [row] = await t.ctx.db.query<{ n: number }>(
      `select redemption_count as n from promotion_coupons where code = 'HOST26'`,
    );
    expect(row!.n).toBe(2);
    const exhausted = await inject('POST', '/api/promotions/price', undefined, {
      ...basket,
      coupon: 'HOST26',
    });
    expect(exhausted.statusCode).toBe(409);
    expect(fieldsOf(exhausted.json())).toEqual(['coupon']);
  });

  it('never lets concurrent redemptions pass the limit', async () => {
    await inject('POST', `/api/promotions/${ruleId}/coupons`, manager, {
      kind: 'shared',
      code: 'RUSH',
      maxRedemptions: 3,
    });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        inject('POST', '/api/promotions/coupons/redeem', cashier, { coupon: 'RUSH', reference: `rcp_${i}` }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(9);
    const [row] = await t.ctx.db.query<{ count: number; redemptions: number }>(
      `select c.redemption_count as count,
              (select count(*)::integer from promotion_coupon_redemptions r where r.coupon_id = c.id) as redemptions
         from promotion_coupons c where c.code = 'RUSH'`,
    );
    expect(row).toEqual({ count: 3, redemptions: 3 });
  });

  it('lists a rule’s codes for the CSV download', async () => {
    const list = await inject('GET', `/api/promotions/${ruleId}/coupons`, manager);
    expect(list.json().items.length).toBe(25 + 2);
  });
});

describe('API reference', () => {
  it('documents the promotion routes', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/promotions',
      '/api/promotions/active',
      '/api/promotions/price',
      '/api/promotions/coupons/redeem',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});

describe('pricing bad input', () => {
  it('refuses a basket beyond the unit bound, naming lines', async () => {
    const lines = Array.from({ length: 3 }, () => ({ skuId: tshirt.skuId, quantity: 1000 }));
    const answer = await inject('POST', '/api/promotions/price', undefined, { lines });
    expect(answer.statusCode).toBe(400);
    expect(fieldsOf(answer.json())).toEqual(['lines']);
  });

  it('names an unknown SKU', async () => {
    const answer = await inject('POST', '/api/promotions/price', undefined, {
      lines: [{ skuId: 'sku_nope', quantity: 1 }],
    });
    expect(answer.statusCode).toBe(404);
    expect(fieldsOf(answer.json())).toEqual(['skuId']);
  });
});
