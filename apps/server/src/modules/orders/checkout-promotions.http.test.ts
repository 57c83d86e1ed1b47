// Promotions at the web checkout: discounts by rule name on the order's lines, VAT after discounts,
// coupons redeemed with the order (never past their limit, even at once), released on a decline.
import type { CheckoutBody, CheckoutResult, Order } from '@handla/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import { CARD, useOrdersHttp } from './orders.http-harness';

const { h, pickupBody, checkout, snapshot } = useOrdersHttp();

let tshirt: { id: string; price: number };
let mug: { id: string; price: number };
let fjallull: { id: string; price: number };

async function stockedSku(where: string, params: unknown[] = []) {
  const [row] = await h.t.ctx.db.query<{ id: string; price: number }>(
    `select s.id, pr.unit_price_incl_vat as price
       from skus s join products p on p.id = s.product_id
       join prices pr on pr.sku_id = s.id join price_lists l on l.id = pr.price_list_id and l.is_retail
       join stock_levels st on st.sku_id = s.id
       join locations loc on loc.id = st.location_id and loc.code = 'STHLM-BUTIK'
      where s.status = 'active' and p.status = 'active' and not p.is_bundle
        and st.on_hand - st.reserved >= 4 and ${where}
      order by st.on_hand - st.reserved desc, s.sku limit 1`,
    params,
  );
  if (!row) throw new Error(`No stocked SKU where ${where}`);
  // The price in force (a campaign may beat the list price), as the shop shows it.
  const [price] = await resolvePrices(h.t.ctx, { skuIds: [row.id], at: h.now });
  return { id: row.id, price: price!.unitPriceInclVat.amount };
}

const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  h.t.app.inject({ method, url, headers: { cookie }, payload });

beforeAll(async () => {
  tshirt = await stockedSku(`p.category_id = (select id from categories where slug = 't-shirts')`);
  mug = await stockedSku(`p.name_sv = 'Mugg Stengods'`).catch(() =>
    stockedSku(
      `p.brand is distinct from 'Fjällull' and p.category_id <> (select id from categories where slug = 't-shirts')`,
    ),
  );
  fjallull = await stockedSku(`p.brand = 'Fjällull'`);
});

async function place(patch: Partial<CheckoutBody>, cookie?: string): Promise<Order> {
  const response = await checkout(await pickupBody(patch), cookie);
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as CheckoutResult).order;
}

const couponRow = async (code: string) =>
  (
    await h.t.ctx.db.query<{ count: number; redemptions: number }>(
      `select c.redemption_count as count,
              (select count(*)::integer from promotion_coupon_redemptions r where r.coupon_id = c.id) as redemptions
         from promotion_coupons c where c.code = $1`,
      [code],
    )
  )[0]!;

/** A rule taking a coupon (10 kr off every unit) and one shared code with `limit` uses. */
async function couponRule(code: string, limit: number) {
  const rule = await inject('POST', '/api/promotions', h.manager, {
    name: `Kupong ${code}`,
    effect: { type: 'amount_off', target: { kind: 'all', ids: [] }, amount: 1000 },
    requiresCoupon: true,
    isStackable: true,
  });
  expect(rule.statusCode, rule.body).toBe(201);
  const codes = await inject('POST', `/api/promotions/${rule.json().id}/coupons`, h.manager, {
    kind: 'shared',
    code,
    maxRedemptions: limit,
  });
  expect(codes.statusCode, codes.body).toBe(201);
}

describe('checkout with promotions', () => {
  it('prices "3 för 2" like the cart and stores the discount by name on the line', async () => {
    const priced = await h.t.app.inject({
      method: 'POST',
      url: '/api/promotions/price',
      payload: { lines: [{ skuId: tshirt.id, quantity: 3 }] },
    });
    const order = await place({ lines: [{ skuId: tshirt.id, quantity: 3, unitPrice: tshirt.price }] });
    const [line] = order.lines;
    expect(line!.discounts).toEqual([
      {
        ruleId: expect.stringMatching(/^prm_/),
        name: '3 för 2 på t-shirts',
        amount: { amount: tshirt.price, currency: 'SEK' },
      },
    ]);
    expect(line!.unitPrice.amount).toBe(tshirt.price);
    expect(line!.lineTotal.amount).toBe(2 * tshirt.price);
    expect(order.totals.discount?.amount).toBe(tshirt.price);
    expect(order.totals.total.amount).toBe(2 * tshirt.price);
    expect(order.totals.total.amount).toBe(priced.json().total);
    // VAT per rate on what is left after the discount, and the payment for the discounted total.
    expect(order.totals.vat.reduce((s, v) => s + v.totalInclVat.amount, 0)).toBe(2 * tshirt.price);
    expect(order.totals.vat[0]!.vat.amount).toBe(priced.json().vat.totalVat);
    expect(order.payment.authorized.amount).toBe(2 * tshirt.price);
    expect(order.amountDue.amount).toBe(2 * tshirt.price);
  });

  it('redeems the demo coupon with the order, naming its discount', async () => {
    const before = await couponRow('SOMMAR26');
    const quantity = Math.ceil(50_000 / mug.price) + 1;
    const order = await place({
      lines: [{ skuId: mug.id, quantity, unitPrice: mug.price }],
      couponCode: 'sommar26',
    });
    const gross = quantity * mug.price;
    const names = order.lines.flatMap((l) => l.discounts ?? []).map((d) => d.name);
    expect(names).toContain('Sommarkupong: 50 kr på 500 kr');
    expect(order.couponCode).toBe('SOMMAR26');
    expect(order.totals.total.amount).toBe(gross - (order.totals.discount?.amount ?? 0));
    expect(order.totals.discount?.amount).toBeGreaterThanOrEqual(5_000);
    expect(await couponRow('SOMMAR26')).toEqual({
      count: before.count + 1,
      redemptions: before.redemptions + 1,
    });
    const [redemption] = await h.t.ctx.db.query<{ reference: string }>(
      `select reference from promotion_coupon_redemptions r join promotion_coupons c on c.id = r.coupon_id
        where c.code = 'SOMMAR26' order by occurred_at desc limit 1`,
    );
    expect(redemption!.reference).toBe(order.id);
  });

  it('refuses an unknown or used-up coupon naming couponCode, and changes nothing', async () => {
    const before = await snapshot();
    const unknown = await checkout(await pickupBody({ couponCode: 'FINNS-INTE' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'couponCode', message: 'Unknown coupon code' }]);
    await couponRule('ENGANG', 1);
    await place({ couponCode: 'ENGANG' });
    const afterFirst = await snapshot();
    const usedUp = await checkout(await pickupBody({ couponCode: 'ENGANG' }));
    expect(usedUp.statusCode).toBe(409);
    expect(usedUp.json()).toMatchObject({ code: 'coupon_limit_reached', errors: [{ field: 'couponCode' }] });
    expect(await snapshot()).toEqual(afterFirst);
    expect(afterFirst.orders).toBe(before.orders + 1);
    expect(await couponRow('ENGANG')).toEqual({ count: 1, redemptions: 1 });
  });

  it('gives exactly k of N concurrent checkouts a coupon limited to k', async () => {
    await couponRule('RUSNING', 3);
    const before = await snapshot();
    // Home delivery: no pickup slot to fill up before the coupon does.
    const shipping = (await h.t.app.inject({ url: '/api/shipping-methods' })).json().items[0].id as string;
    const bodies = await Promise.all(
      Array.from({ length: 8 }, () =>
        pickupBody({
          lines: [{ skuId: h.skus[0]!.id, quantity: 1, unitPrice: h.skus[0]!.price }],
          fulfilment: {
            kind: 'delivery',
            shippingMethodId: shipping,
            address: {
              name: 'Anna Andersson',
              street: 'Storgatan 1',
              postalCode: '111 22',
              city: 'Stockholm',
              country: 'SE',
            },
          },
          couponCode: 'RUSNING',
        }),
      ),
    );
    const answers = await Promise.all(bodies.map((b) => checkout(b)));
    const placed = answers.filter((a) => a.statusCode === 201);
    expect(
      answers.map((a) => (a.statusCode === 201 ? 201 : `${a.statusCode} ${a.json().code}`)).sort(),
    ).toEqual([201, 201, 201, ...Array(5).fill('409 coupon_limit_reached')]);
    expect(
      answers.filter((a) => a.statusCode === 409).every((a) => a.json().errors[0].field === 'couponCode'),
    ).toBe(true);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(5);
    for (const a of placed) expect((a.json() as CheckoutResult).order.couponCode).toBe('RUSNING');
    expect(await couponRow('RUSNING')).toEqual({ count: 3, redemptions: 3 });
    const after = await snapshot();
    expect(after.orders).toBe(before.orders + 3);
    expect(after.reserved).toBe(before.reserved + 3);
    expect(after.payments).toBe(before.payments + 3);
  });

  it('releases a single-use coupon when the payment is declined, so it can be used again', async () => {
    await couponRule('NEKAD', 1);
    const declined = await checkout(
      await pickupBody({ couponCode: 'NEKAD', payment: { method: 'card', cardToken: CARD.decline } }),
    );
    expect(declined.statusCode).toBe(402);
    expect(await couponRow('NEKAD')).toEqual({ count: 0, redemptions: 0 });
    const order = await place({ couponCode: 'NEKAD' });
    expect(order.couponCode).toBe('NEKAD');
    expect(await couponRow('NEKAD')).toEqual({ count: 1, redemptions: 1 });
  });

  it('a repeated checkout id returns the first order and redeems the coupon once', async () => {
    await couponRule('UPPREPA', 5);
    const body = await pickupBody({ couponCode: 'UPPREPA' });
    const [first, second] = await Promise.all([checkout(body), checkout(body)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    expect((first.json() as CheckoutResult).order.id).toBe((second.json() as CheckoutResult).order.id);
    expect(await couponRow('UPPREPA')).toEqual({ count: 1, redemptions: 1 });
  });

  it('gives member prices only to a signed-in member', async () => {
    const lines = [{ skuId: fjallull.id, quantity: 1, unitPrice: fjallull.price }];
    const guest = await place({ lines });
    expect(guest.totals.discount?.amount ?? 0).toBe(0);
    const signUp = await h.t.app.inject({
      method: 'POST',
      url: '/api/account/sign-up',
      payload: { email: 'medlem@example.se', password: 'hemligt-losen-1', name: 'Maja Medlem' },
    });
    expect(signUp.statusCode).toBe(201);
    const cookie = `handla_customer=${signUp.cookies.find((c) => c.name === 'handla_customer')!.value}`;
    const notYet = await place({ lines }, cookie);
    expect(notYet.totals.discount?.amount ?? 0).toBe(0);
    const join = await inject('POST', '/api/loyalty/me/join', cookie);
    expect(join.statusCode, join.body).toBe(201);
    const member = await place({ lines }, cookie);
    expect(member.lines[0]!.discounts?.map((d) => d.name)).toEqual(['Medlemspris Fjällull −15 %']);
    expect(member.totals.total.amount).toBe(fjallull.price - Math.round(fjallull.price * 0.15));
  });
});
