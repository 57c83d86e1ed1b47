// The checkout per shop: the Finnish host sells from its euro list with its own methods, records
// its shop and price list on the order, and taxes deliveries to Finland at Finnish VAT only while
// registered for OSS; a Swedish pickup carries Swedish VAT; refusals name the field and hold nothing.
import type { CheckoutBody, Order } from '@handla/api';
import { DEMO_FI_SHOP } from '@handla/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD, useOrdersHttp } from '../orders/orders.http-harness';
import { resolvePrices } from '../pricing/pricing.resolve.service';

const { h, pickupBody, snapshot } = useOrdersHttp();
const FI = 'fi.localhost';
let euro: { id: string; price: number }[];
let fiShopId: string;

beforeAll(async () => {
  const [list] = await h.t.ctx.db.query<{ id: string }>('select id from price_lists where code = $1', [
    DEMO_FI_SHOP.priceListCode,
  ]);
  const prices = await resolvePrices(h.t.ctx, {
    skuIds: h.skus.map((s) => s.id),
    at: h.now,
    basePriceListId: list!.id,
  });
  euro = prices.map((p) => ({ id: p.skuId, price: p.unitPriceInclVat.amount }));
  expect(prices.every((p) => p.unitPriceInclVat.currency === 'EUR')).toBe(true);
  fiShopId = (
    await h.t.ctx.db.query<{ id: string }>('select shop_id as id from shop_hosts where host_name = $1', [FI])
  )[0]!.id;
});

const checkoutAt = (host: string, body: unknown) =>
  h.t.app.inject({ method: 'POST', url: '/api/checkout', headers: { host }, payload: body as object });

const finnishDelivery = async (patch: Partial<CheckoutBody> = {}): Promise<CheckoutBody> => ({
  ...(await pickupBody()),
  locale: 'en',
  lines: [
    { skuId: euro[0]!.id, quantity: 2, unitPrice: euro[0]!.price },
    { skuId: euro[1]!.id, quantity: 1, unitPrice: euro[1]!.price },
  ],
  fulfilment: {
    kind: 'delivery',
    shippingMethodId: DEMO_FI_SHOP.shippingMethodId,
    address: {
      name: 'Aino Virtanen',
      street: 'Mannerheimintie 1',
      postalCode: '00100',
      city: 'Helsinki',
      country: 'FI',
    },
  },
  payment: { method: 'card', cardToken: CARD.approve },
  ...patch,
});

const recorded = async (orderId: string) => {
  const [order] = await h.t.ctx.db.query<{
    shopId: string;
    priceListCode: string;
    currency: string;
    shippingVat: number;
  }>(
    `select o.shop_id as "shopId", pl.code as "priceListCode", o.currency, o.shipping_vat_rate_bp as "shippingVat"
       from orders o left join price_lists pl on pl.id = o.price_list_id where o.id = $1`,
    [orderId],
  );
  const lines = await h.t.ctx.db.query<{ vat: number }>(
    'select vat_rate_bp as vat from order_lines where order_id = $1 order by position',
    [orderId],
  );
  return { ...order!, lineVat: lines.map((l) => l.vat) };
};

const setOss = async (isOssRegistered: boolean) => {
  const cookie = h.manager;
  const shop = (await h.t.app.inject({ url: `/api/shops/${fiShopId}`, headers: { cookie } })).json();
  const response = await h.t.app.inject({
    method: 'PATCH',
    url: `/api/shops/${fiShopId}`,
    headers: { cookie },
    payload: { version: shop.version, isOssRegistered },
  });
  expect(response.statusCode).toBe(200);
};

describe('checkout per shop', () => {
  it('a Finnish delivery from the OSS-registered Finnish shop: euros, Finnish VAT 25.5 %, shop recorded', async () => {
    const response = await checkoutAt(FI, await finnishDelivery());
    expect(response.statusCode).toBe(201);
    const order = response.json().order as Order;
    expect(order.totals.total.currency).toBe('EUR');
    // Lines and shipping at one rate: the order's VAT is all Finnish.
    expect(order.totals.vat.map((v) => v.rateBp)).toEqual([2550]);
    expect(await recorded(order.id)).toEqual({
      shopId: fiShopId,
      priceListCode: DEMO_FI_SHOP.priceListCode,
      currency: 'EUR',
      shippingVat: 2550,
      lineVat: [2550, 2550],
    });
  });

  it('without OSS the same delivery carries Swedish VAT', async () => {
    await setOss(false);
    try {
      const response = await checkoutAt(FI, await finnishDelivery());
      expect(response.statusCode).toBe(201);
      const order = await recorded(response.json().order.id);
      expect(order).toMatchObject({ currency: 'EUR', shippingVat: 2500, lineVat: [2500, 2500] });
    } finally {
      await setOss(true);
    }
  });

  it('a pickup in a Swedish store from the Finnish shop carries Swedish VAT', async () => {
    const body = await finnishDelivery({ fulfilment: (await pickupBody()).fulfilment });
    const response = await checkoutAt(FI, body);
    expect(response.statusCode).toBe(201);
    expect(await recorded(response.json().order.id)).toMatchObject({
      shopId: fiShopId,
      lineVat: [2500, 2500],
    });
  });

  it('the default host records the default shop and its retail list', async () => {
    const response = await checkoutAt('localhost', await pickupBody());
    expect(response.statusCode).toBe(201);
    const order = await recorded(response.json().order.id);
    expect(order).toMatchObject({ priceListCode: 'RETAIL', currency: 'SEK' });
    expect(order.shopId).toMatch(/^shp_default_/);
  });

  it.each([
    ['a payment method the shop does not take', { payment: { method: 'swish' } }, 400, 'payment.method'],
    [
      "another shop's shipping method",
      {
        fulfilment: {
          kind: 'delivery',
          shippingMethodId: 'shm_postnord_home',
          address: { name: 'A', street: 'B 1', postalCode: '00100', city: 'Helsinki', country: 'FI' },
        },
      },
      400,
      'fulfilment.shippingMethodId',
    ],
    ['Swedish prices at the Finnish shop', 'sek', 409, 'lines[0].unitPrice'],
  ])('refuses %s, naming the field, holding nothing', async (_what, patch, status, field) => {
    const body =
      patch === 'sek'
        ? await finnishDelivery({
            lines: [{ skuId: h.skus[0]!.id, quantity: 1, unitPrice: h.skus[0]!.price }],
          })
        : await finnishDelivery(patch as Partial<CheckoutBody>);
    const before = await snapshot();
    const response = await checkoutAt(FI, body);
    expect(response.statusCode).toBe(status);
    expect(response.json().errors[0].field).toBe(field);
    expect(await snapshot()).toEqual(before);
  });
});
