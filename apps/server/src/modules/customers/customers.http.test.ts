import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPricingFixture, expectProblem, type PricingFixture, sek } from '../pricing/pricing.fixture';

let f: PricingFixture;
let b2b: string;
let retail: string;
let tshirt: string;
beforeAll(async () => {
  f = await createPricingFixture();
  b2b = await f.priceList('B2B');
  retail = await f.priceList('RETAIL');
  tshirt = await f.sku('TS-ORG-SVA-M');
});
afterAll(() => f.close());

const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  f.t.app.inject({ method, url, headers: { cookie }, payload });
const priceFor = async (customerId: string) =>
  (await inject('GET', `/api/prices/resolve?skuId=${tshirt}&customerId=${customerId}`, f.cashier)).json();

describe('customers and their B2B price list', () => {
  let customer: { id: string };

  it('creates a customer on a B2B list, whose prices then apply to them', async () => {
    const created = await inject('POST', '/api/customers', f.manager, {
      name: 'Blomsterbutiken i Visby AB',
      email: 'inkop@blomster.example',
      orgNumber: '556000-0001',
      priceListId: b2b,
    });
    expect(created.statusCode, created.body).toBe(201);
    customer = created.json();
    expect(created.json()).toMatchObject({ priceListId: b2b, version: 1 });
    expect(await priceFor(customer.id)).toMatchObject({
      unitPriceInclVat: sek(14900),
      source: 'customer_list',
    });
    expect((await f.events(customer.id)).map((e) => e.type)).toEqual(['customer.created']);
  });

  it('takes a customer off the list at the version read; a stale version changes nothing', async () => {
    const off = await inject('PATCH', `/api/customers/${customer.id}`, f.manager, {
      version: 1,
      priceListId: null,
    });
    expect(off.json()).toMatchObject({ priceListId: null, version: 2, email: 'inkop@blomster.example' });
    expect(await priceFor(customer.id)).toMatchObject({ unitPriceInclVat: sek(19900), source: 'retail' });
    const stale = await inject('PATCH', `/api/customers/${customer.id}`, f.manager, {
      version: 1,
      priceListId: b2b,
    });
    expectProblem(stale, 409, 'version_conflict', ['version']);
    expect((await inject('GET', `/api/customers/${customer.id}`, f.cashier)).json()).toMatchObject({
      priceListId: null,
      version: 2,
    });
    expect((await f.events(customer.id)).at(-1)?.data).toMatchObject({
      priceListId: null,
      previousPriceListId: b2b,
    });
  });

  it('assigns B2B lists only, and names bad fields', async () => {
    const onRetail = await inject('PATCH', `/api/customers/${customer.id}`, f.manager, {
      version: 2,
      priceListId: retail,
    });
    expectProblem(onRetail, 400, 'validation_failed', ['priceListId']);
    const unknown = await inject('POST', '/api/customers', f.manager, { name: 'X', priceListId: 'prl_nope' });
    expectProblem(unknown, 400, 'validation_failed', ['priceListId']);
    const bad = await inject('POST', '/api/customers', f.manager, { name: '', email: 'not-mail', vip: true });
    expectProblem(bad, 400, 'validation_failed', ['name', 'email', 'vip']);
    expectProblem(await inject('GET', '/api/customers/cus_nope', f.cashier), 404, 'not_found');
  });

  it('lists customers by name with a cursor; cashiers read but do not write', async () => {
    const first = (await inject('GET', '/api/customers?limit=2', f.cashier)).json();
    const second = (
      await inject('GET', `/api/customers?limit=2&cursor=${first.nextCursor}`, f.cashier)
    ).json();
    // The test's customer and the demo's three (packages/db/src/seed/demo-pricing.ts, demo-crm.ts).
    expect([...first.items, ...second.items].map((c: { name: string }) => c.name)).toEqual([
      'Blomsterbutiken i Visby AB',
      'Byggfirman Snickarglädje AB',
      'Café Kanelbullen AB',
      'Tolvan Tolvansson',
    ]);
    expect(second.nextCursor).toBeNull();
    expectProblem(await inject('POST', '/api/customers', f.cashier, { name: 'X' }), 403, 'forbidden');
  });
});
