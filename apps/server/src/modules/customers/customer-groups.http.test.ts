// Customer groups: managers create and rename groups and put customers in them (an unknown code is
// 400 naming groups[i], and nothing changes); a "B2B-rabatt" rule for a group applies at the web
// checkout and in the cart preview for a signed-in customer in the group — read on the server —
// and not for one outside it, nor for a client that claims the group in the body.
import type { CheckoutResult, Customer, CustomerGroup } from '@handla/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrdersHttp } from '../orders/orders.http-harness';
import { demoRegister, pairTestDevice, send } from '../register/register.testing';

const { h, pickupBody, checkout } = useOrdersHttp();
const B2B = 'B2B-rabatt −10 %';

const asManager = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  send(h.t, { cookie: h.manager }, method, url, payload);

let counter = 0;
async function shopper(): Promise<{ cookie: string; customerId: string }> {
  counter += 1;
  const email = `grupp${counter}@foretag.example`;
  const signUp = await h.t.app.inject({
    method: 'POST',
    url: '/api/account/sign-up',
    payload: { email, password: 'hemligt-losen-1', name: `Grupp ${counter}` },
  });
  expect(signUp.statusCode, signUp.body).toBe(201);
  const [row] = await h.t.ctx.db.query<{ customerId: string }>(
    'select customer_id as "customerId" from customer_accounts where email = $1',
    [email],
  );
  const cookie = `handla_customer=${signUp.cookies.find((c) => c.name === 'handla_customer')!.value}`;
  return { cookie, customerId: row!.customerId };
}

const fieldsOf = (body: string) =>
  (JSON.parse(body) as { errors: { field: string }[] }).errors.map((e) => e.field);

async function putInGroups(customerId: string, groups: string[]) {
  const current = (await asManager('GET', `/api/customers/${customerId}`)).json() as Customer;
  return asManager('PATCH', `/api/customers/${customerId}`, { version: current.version, groups });
}

beforeAll(async () => {
  const created = await asManager('POST', '/api/customer-groups', { code: 'b2b-rabatt', name: 'B2B' });
  expect(created.statusCode, created.body).toBe(201);
  const rule = await asManager('POST', '/api/promotions', {
    name: B2B,
    effect: { type: 'percent_off', target: { kind: 'all', ids: [] }, percentBp: 1000 },
    customerGroups: ['b2b-rabatt'],
  });
  expect(rule.statusCode, rule.body).toBe(201);
});

describe('customer groups', () => {
  it('are created once, renamed by code, and given to customers that exist only', async () => {
    const again = await asManager('POST', '/api/customer-groups', { code: 'b2b-rabatt', name: 'Igen' });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again.body)).toEqual(['code']);
    const builtIn = await asManager('POST', '/api/customer-groups', { code: 'company', name: 'Företag' });
    expect(builtIn.statusCode).toBe(400);
    expect(fieldsOf(builtIn.body)).toContain('code');

    const { customerId } = await shopper();
    const before = (await asManager('GET', `/api/customers/${customerId}`)).json() as Customer;
    const unknown = await putInGroups(customerId, ['b2b-rabatt', 'finns-inte']);
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['groups[1]']);
    expect((await asManager('GET', `/api/customers/${customerId}`)).json()).toEqual(before);

    const put = await putInGroups(customerId, ['b2b-rabatt', 'b2b-rabatt']);
    expect(put.statusCode, put.body).toBe(200);
    expect((put.json() as Customer).groups).toEqual(['b2b-rabatt']);

    const renamed = await asManager('PATCH', '/api/customer-groups/b2b-rabatt', { name: 'B2B-rabatt' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const listed = (await asManager('GET', '/api/customer-groups')).json() as { items: CustomerGroup[] };
    expect(listed.items).toContainEqual({ code: 'b2b-rabatt', name: 'B2B-rabatt', customers: 1 });
    expect(((await asManager('GET', `/api/customers/${customerId}`)).json() as Customer).groups).toEqual([
      'b2b-rabatt',
    ]);
    expect((await asManager('PATCH', '/api/customer-groups/saknas', { name: 'X' })).statusCode).toBe(404);

    // The register's customer search carries the groups, which the register keeps with its cart.
    const device = await pairTestDevice(h.t, (await demoRegister(h.t, 'STHLM')).id, h.owner);
    const found = await send(
      h.t,
      device.headers,
      'GET',
      `/api/registers/${device.registerId}/customers?q=${encodeURIComponent(before.email!)}`,
    );
    expect(found.statusCode, found.body).toBe(200);
    expect((found.json() as { items: Customer[] }).items.find((c) => c.id === customerId)?.groups).toEqual([
      'b2b-rabatt',
    ]);
  });

  it('prices a group rule at the checkout and in the cart for a customer in the group only', async () => {
    const member = await shopper();
    expect((await putInGroups(member.customerId, ['b2b-rabatt'])).statusCode).toBe(200);
    const outsider = await shopper();
    const sku = h.skus[1]!;
    const lines = [{ skuId: sku.id, quantity: 1, unitPrice: sku.price }];
    const ruleNames = (order: CheckoutResult['order']) =>
      order.lines.flatMap((l) => l.discounts ?? []).map((d) => d.name);

    const inGroup = await checkout(await pickupBody({ lines }), member.cookie);
    expect(inGroup.statusCode, inGroup.body).toBe(201);
    const order = (inGroup.json() as CheckoutResult).order;
    expect(ruleNames(order)).toContain(B2B);
    expect(order.lines[0]!.discounts?.find((d) => d.name === B2B)?.amount.amount).toBe(
      Math.round(sku.price / 10),
    );
    const outside = await checkout(await pickupBody({ lines }), outsider.cookie);
    expect(outside.statusCode, outside.body).toBe(201);
    expect(ruleNames((outside.json() as CheckoutResult).order)).not.toContain(B2B);
    const guest = await checkout(await pickupBody({ lines }));
    expect(ruleNames((guest.json() as CheckoutResult).order)).not.toContain(B2B);

    const preview = (cookie?: string, extra: object = {}) =>
      h.t.app.inject({
        method: 'POST',
        url: '/api/promotions/price',
        payload: { lines: [{ skuId: sku.id, quantity: 1 }], ...extra },
        ...(cookie ? { headers: { cookie } } : {}),
      });
    const names = (body: string) =>
      (JSON.parse(body) as { lines: { discounts: { name: string }[] }[] }).lines.flatMap((l) =>
        l.discounts.map((d) => d.name),
      );
    expect(names((await preview(member.cookie)).body)).toContain(B2B);
    expect(names((await preview(outsider.cookie)).body)).not.toContain(B2B);
    expect(names((await preview()).body)).not.toContain(B2B);
    // Groups come from the signed-in customer on the server; a client cannot claim one.
    const claimed = await preview(outsider.cookie, { customerGroups: ['b2b-rabatt'] });
    expect(claimed.statusCode).toBe(400);
  });
});
