// Shops that deliver abroad (issue 9): the Swedish demo shop delivers to Finland at Finnish VAT
// under OSS, with the Finnish tax class of a product that has one; a country it does not deliver
// to, or a method that does not go there, is refused naming the field with nothing held; and the
// Finnish shop's mails link to its own address.
import type { CheckoutBody, Order, PublicShop } from '@handla/api';
import { vatOfInclusive } from '@handla/core';
import { DEMO_FI_SHOP } from '@handla/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { CARD, useOrdersHttp } from '../orders/orders.http-harness';
import { resolvePrices } from '../pricing/pricing.resolve.service';

const { h, pickupBody, snapshot } = useOrdersHttp();
let defaultShop: { id: string; version: number };

const checkoutAt = (host: string, body: unknown) =>
  h.t.app.inject({ method: 'POST', url: '/api/checkout', headers: { host }, payload: body as object });

const patchShop = async (id: string, patch: Record<string, unknown>) => {
  const cookie = h.manager;
  const shop = (await h.t.app.inject({ url: `/api/shops/${id}`, headers: { cookie } })).json();
  return h.t.app.inject({
    method: 'PATCH',
    url: `/api/shops/${id}`,
    headers: { cookie },
    payload: { version: shop.version, ...patch },
  });
};

const deliveryTo = async (
  country: string,
  shippingMethodId = 'shm_postnord_home',
): Promise<CheckoutBody> => ({
  ...(await pickupBody()),
  fulfilment: {
    kind: 'delivery',
    shippingMethodId,
    address: {
      name: 'Aino Virtanen',
      street: 'Mannerheimintie 1',
      postalCode: '00100',
      city: 'Helsinki',
      country,
    },
  },
  payment: { method: 'card', cardToken: CARD.approve },
});

const vatOf = async (orderId: string) => {
  const [order] = await h.t.ctx.db.query<{ shippingVat: number }>(
    'select shipping_vat_rate_bp as "shippingVat" from orders where id = $1',
    [orderId],
  );
  const lines = await h.t.ctx.db.query<{ vat: number }>(
    'select vat_rate_bp as vat from order_lines where order_id = $1 order by position',
    [orderId],
  );
  return { shipping: order!.shippingVat, lines: lines.map((l) => l.vat) };
};

beforeAll(async () => {
  const shops = (await h.t.app.inject({ url: '/api/shops', headers: { cookie: h.manager } })).json();
  defaultShop = shops.items.find((s: { isDefault: boolean }) => s.isDefault);
  expect((await patchShop(defaultShop.id, { isOssRegistered: true })).statusCode).toBe(200);
});

describe('delivery abroad', () => {
  it('GET /api/shop lists the countries and, per method, where it goes', async () => {
    const shop = (
      await h.t.app.inject({ url: '/api/shop', headers: { host: 'localhost' } })
    ).json() as PublicShop;
    expect(shop.deliveryCountries).toEqual(['SE', 'FI', 'DK']);
    const methods = Object.fromEntries(shop.shippingMethods.map((m) => [m.id, m.countries]));
    expect(methods.shm_postnord_home).toEqual(['SE', 'FI', 'DK']);
    // A method without countries goes to the shop's own country only.
    expect(methods.shm_express).toEqual(['SE']);
  });

  it('a Swedish-shop delivery to Finland with OSS carries Finnish VAT, 25.5 %, on lines and shipping', async () => {
    const response = await checkoutAt('localhost', await deliveryTo('FI'));
    expect(response.statusCode).toBe(201);
    const order = response.json().order as Order;
    expect(order.totals.total.currency).toBe('SEK');
    expect(order.totals.vat.map((v) => v.rateBp)).toEqual([2550]);
    expect(await vatOf(order.id)).toEqual({ shipping: 2550, lines: [2550, 2550] });
  });

  it("a product's Finnish tax class applies in Finland (not the class resolved for Sweden)", async () => {
    const [sku] = await h.t.ctx.db.query<{ productId: string }>(
      'select product_id as "productId" from skus where id = $1',
      [h.skus[1]!.id],
    );
    await h.t.ctx.db.query(
      `insert into product_tax_overrides (product_id, country, tax_class, updated_at) values ($1, 'FI', 'food', now())`,
      [sku!.productId],
    );
    try {
      const response = await checkoutAt('localhost', await deliveryTo('FI'));
      expect(response.statusCode).toBe(201);
      const order = response.json().order as Order;
      expect(await vatOf(order.id)).toEqual({ shipping: 2550, lines: [2550, 1350] });
      // VAT per rate, each on its own lines (plus the fee at the standard rate).
      expect(order.totals.vat.map((v) => v.rateBp)).toEqual([2550, 1350]);
      const sum = order.totals.vat.reduce((s, v) => s + v.totalInclVat.amount, 0);
      expect(sum).toBe(order.totals.total.amount);
    } finally {
      await h.t.ctx.db.query('delete from product_tax_overrides where product_id = $1', [sku!.productId]);
    }
  });

  it('a coupon on an OSS order: VAT per Finnish rate on what is left after the discounts', async () => {
    const rule = await h.t.app.inject({
      method: 'POST',
      url: '/api/promotions',
      headers: { cookie: h.manager },
      payload: {
        name: 'Kupong OSS',
        effect: { type: 'amount_off', target: { kind: 'all', ids: [] }, amount: 1000 },
        requiresCoupon: true,
        isStackable: true,
      },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const code = await h.t.app.inject({
      method: 'POST',
      url: `/api/promotions/${rule.json().id}/coupons`,
      headers: { cookie: h.manager },
      payload: { kind: 'shared', code: 'OSS-10', maxRedemptions: 10 },
    });
    expect(code.statusCode, code.body).toBe(201);
    const [sku] = await h.t.ctx.db.query<{ productId: string }>(
      'select product_id as "productId" from skus where id = $1',
      [h.skus[1]!.id],
    );
    await h.t.ctx.db.query(
      `insert into product_tax_overrides (product_id, country, tax_class, updated_at) values ($1, 'FI', 'food', now())`,
      [sku!.productId],
    );
    try {
      const response = await checkoutAt('localhost', { ...(await deliveryTo('FI')), couponCode: 'OSS-10' });
      expect(response.statusCode, response.body).toBe(201);
      const order = response.json().order as Order;
      // 10 kr off each unit: two of the first SKU, one of the second; the fee at the standard rate.
      const standard = 2 * h.skus[0]!.price - 2000 + 5900;
      const food = h.skus[1]!.price - 1000;
      expect(order.totals.vat.map((v) => [v.rateBp, v.totalInclVat.amount, v.vat.amount])).toEqual([
        [2550, standard, vatOfInclusive(standard, 2550)],
        [1350, food, vatOfInclusive(food, 1350)],
      ]);
      expect(order.totals.total.amount).toBe(standard + food);
    } finally {
      await h.t.ctx.db.query('delete from product_tax_overrides where product_id = $1', [sku!.productId]);
    }
  });

  it.each([
    ['a country the shop does not deliver to', 'DE', 'shm_postnord_home', 'fulfilment.address.country'],
    ['Norway (an export)', 'NO', 'shm_postnord_home', 'fulfilment.address.country'],
    ['a method that does not go there', 'FI', 'shm_express', 'fulfilment.shippingMethodId'],
  ])('refuses %s with 400 naming the field, holding nothing', async (_what, country, method, field) => {
    const before = await snapshot();
    const response = await checkoutAt('localhost', await deliveryTo(country, method));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe(field);
    expect(await snapshot()).toEqual(before);
  });
});

describe('shop settings', () => {
  it.each([
    [{ deliveryCountries: ['SE', 'NO'] }, 'deliveryCountries[1]'],
    [{ deliveryCountries: ['SE', 'XX'] }, 'deliveryCountries[1]'],
    [{ deliveryCountries: ['SE', 'SE'] }, 'deliveryCountries[1]'],
    [{ publicUrl: 'https://shop.example.se/?x=1' }, 'publicUrl'],
  ])('refuses %j naming %s, changing nothing', async (patch, field) => {
    const before = (
      await h.t.app.inject({ url: `/api/shops/${defaultShop.id}`, headers: { cookie: h.manager } })
    ).json();
    const response = await patchShop(defaultShop.id, patch);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe(field);
    const after = (
      await h.t.app.inject({ url: `/api/shops/${defaultShop.id}`, headers: { cookie: h.manager } })
    ).json();
    expect(after).toEqual(before);
  });

  it("sets where a shipping method goes; a method no country of the shop's is left out", async () => {
    const put = (countries: string[]) =>
      h.t.app.inject({
        method: 'PUT',
        url: '/api/shops/shipping-methods/shm_express/countries',
        headers: { cookie: h.manager },
        payload: { countries },
      });
    expect((await put(['FI', 'FI'])).json().errors[0].field).toBe('countries[1]');
    expect((await put(['DE'])).json()).toMatchObject({ id: 'shm_express', countries: ['DE'] });
    const shop = (
      await h.t.app.inject({ url: '/api/shop', headers: { host: 'localhost' } })
    ).json() as PublicShop;
    expect(shop.shippingMethods.map((m) => m.id)).not.toContain('shm_express');
    expect((await put([])).statusCode).toBe(200);
  });
});

describe('links per shop', () => {
  const mailTextOf = async (orderId: string) => {
    await h.t.app.jobs.runOnce('notifications.send');
    const [message] = await h.t.ctx.db.query<{ text: string; html: string }>(
      `select body_text as text, body_html as html from outgoing_messages
        where order_id = $1 and channel = 'email' and template = 'order_confirmation'`,
      [orderId],
    );
    return message!;
  };

  it("the Finnish shop's order links to fi.localhost, in its status URL and its confirmation mail", async () => {
    const [list] = await h.t.ctx.db.query<{ id: string }>('select id from price_lists where code = $1', [
      DEMO_FI_SHOP.priceListCode,
    ]);
    const [euro] = await resolvePrices(h.t.ctx, {
      skuIds: [h.skus[0]!.id],
      at: h.now,
      basePriceListId: list!.id,
    });
    const body: CheckoutBody = {
      ...(await deliveryTo('FI', DEMO_FI_SHOP.shippingMethodId)),
      locale: 'en',
      lines: [{ skuId: h.skus[0]!.id, quantity: 1, unitPrice: euro!.unitPriceInclVat.amount }],
    };
    const response = await checkoutAt(DEMO_FI_SHOP.hostName, body);
    expect(response.statusCode).toBe(201);
    const order = response.json().order as Order;
    expect(order.statusUrl).toMatch(/^http:\/\/fi\.localhost:3000\/#\/order\/[\w-]+$/);
    const mail = await mailTextOf(order.id);
    expect(mail.text).toContain(order.statusUrl);
    expect(mail.html).toContain(`href="${order.statusUrl}"`);
  });

  it('an order of a shop without its own address keeps PUBLIC_URL', async () => {
    const response = await checkoutAt('localhost', await pickupBody());
    expect(response.statusCode).toBe(201);
    const order = response.json().order as Order;
    expect(order.statusUrl.startsWith(`${loadConfig({}).publicUrl}/#/`)).toBe(true);
    expect((await mailTextOf(order.id)).text).toContain(order.statusUrl);
  });
});

describe('the cart priced per shop', () => {
  const priceCart = (host: string) =>
    h.t.app.inject({
      method: 'POST',
      url: '/api/shop/cart/price',
      headers: { host },
      payload: { lines: [{ lineId: h.skus[0]!.id, skuId: h.skus[0]!.id, quantity: 2 }], coupon: null },
    });

  it("prices the Finnish shop's cart from its euro list, as its checkout then charges", async () => {
    const [list] = await h.t.ctx.db.query<{ id: string }>('select id from price_lists where code = $1', [
      DEMO_FI_SHOP.priceListCode,
    ]);
    const [euro] = await resolvePrices(h.t.ctx, {
      skuIds: [h.skus[0]!.id],
      at: h.now,
      basePriceListId: list!.id,
    });
    const response = await priceCart(DEMO_FI_SHOP.hostName);
    expect(response.statusCode).toBe(200);
    const cart = response.json();
    expect(cart.currency).toBe('EUR');
    expect(cart.lines[0]).toMatchObject({
      lineId: h.skus[0]!.id,
      unitPriceInclVat: euro!.unitPriceInclVat.amount,
    });
    expect(euro!.unitPriceInclVat.amount).not.toBe(h.skus[0]!.price);

    const placed = await checkoutAt(DEMO_FI_SHOP.hostName, {
      ...(await deliveryTo('FI', DEMO_FI_SHOP.shippingMethodId)),
      lines: [{ skuId: h.skus[0]!.id, quantity: 2, unitPrice: cart.lines[0].unitPriceInclVat }],
    });
    expect(placed.statusCode).toBe(201);
    expect((placed.json().order as Order).totals.lines.amount).toBe(cart.total);
  });

  it("prices a member price in the shop's currency when asked as a member, for the product cards", async () => {
    const [wool] = await h.t.ctx.db.query<{ id: string }>(
      `select s.id from skus s join products p on p.id = s.product_id
         join prices pr on pr.sku_id = s.id join price_lists l on l.id = pr.price_list_id
        where p.brand = 'Fjällull' and l.code = $1 limit 1`,
      [DEMO_FI_SHOP.priceListCode],
    );
    const ask = (isMember: boolean) =>
      h.t.app.inject({
        method: 'POST',
        url: '/api/shop/cart/price',
        headers: { host: DEMO_FI_SHOP.hostName },
        payload: { lines: [{ lineId: wool!.id, skuId: wool!.id, quantity: 1 }], isMember },
      });
    const asMember = (await ask(true)).json();
    expect(asMember.currency).toBe('EUR');
    expect(asMember.lines[0].discounts.map((d: { name: string }) => d.name)).toEqual([
      'Medlemspris Fjällull −15 %',
    ]);
    const asGuest = (await ask(false)).json();
    expect(asGuest.lines[0].discounts ?? []).toEqual([]);
    expect(asMember.total).toBeLessThan(asGuest.total);
  });

  it("prices the default shop's cart at the retail list in kronor", async () => {
    const cart = (await priceCart('localhost')).json();
    expect(cart).toMatchObject({ currency: 'SEK', grossTotal: 2 * h.skus[0]!.price });
  });
});
