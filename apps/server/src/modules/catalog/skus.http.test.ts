import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import {
  type Callers,
  call,
  eventsAbout,
  expectProblem,
  failEventsOfType,
  makeCallers,
  outboxCount,
  skuByArticle,
} from './catalog.testing';

let t: TestApp;
let as: Callers;
beforeAll(async () => {
  t = await createTestApp();
  as = await makeCallers(t);
});
afterAll(() => t.close());

const sek = (amount: number) => ({ amount, currency: 'SEK' });
const patchSku = (id: string, payload: unknown, headers = as.manager) =>
  call(t, headers, 'PATCH', `/api/catalog/skus/${id}`, payload);
const skuRow = async (id: string) =>
  (
    await t.ctx.db.query<{ sku: string; ean: string | null; status: string; version: number }>(
      'select sku, ean, status, version from skus where id = $1',
      [id],
    )
  )[0]!;

describe('POST /api/catalog/products/:id/skus', () => {
  it('adds a variant with a new colour, which joins the product’s template', async () => {
    const tshirt = await skuByArticle(t, 'TS-ORG-SVA-M');
    const response = await call(t, as.manager, 'POST', `/api/catalog/products/${tshirt.productId}/skus`, {
      sku: 'ts-org-gro-m',
      ean: '5901234123457',
      options: { Färg: 'Grön', Storlek: 'm' },
      priceInclVat: sek(21900),
    });
    expect(response.statusCode, response.body).toBe(201);
    const sku = response.json();
    expect(sku).toMatchObject({
      sku: 'TS-ORG-GRO-M',
      ean: '5901234123457',
      options: { Färg: 'Grön', Storlek: 'M' },
      priceInclVat: sek(21900),
      status: 'active',
      version: 1,
    });
    const product = (await call(t, as.manager, 'GET', `/api/catalog/products/${tshirt.productId}`)).json();
    expect(product.options[0].values).toEqual(['Svart', 'Vit', 'Blå', 'Grön']);
    expect(product.skus.at(-1).id).toBe(sku.id);
    expect(await eventsAbout(t, sku.id)).toMatchObject([
      { type: 'sku.created', data: { sku: 'TS-ORG-GRO-M' } },
    ]);
  });

  it('refuses options another SKU has, missing options, a bad EAN and a taken article number', async () => {
    const tshirt = await skuByArticle(t, 'TS-ORG-SVA-M');
    const url = `/api/catalog/products/${tshirt.productId}/skus`;
    const before = await outboxCount(t);
    const body = { sku: 'TS-ORG-X', options: { Färg: 'Svart', Storlek: 'XXL' }, priceInclVat: sek(100) };
    expectProblem(
      await call(t, as.manager, 'POST', url, { ...body, options: { Färg: 'svart', Storlek: 'M' } }),
      409,
      'duplicate',
      'options',
    );
    expectProblem(
      await call(t, as.manager, 'POST', url, { ...body, options: { Färg: 'Svart' } }),
      400,
      'validation_failed',
      'options',
    );
    expectProblem(
      await call(t, as.manager, 'POST', url, { ...body, ean: '5901234123458' }),
      400,
      'validation_failed',
      'ean',
    );
    expectProblem(
      await call(t, as.manager, 'POST', url, { ...body, sku: 'TS-ORG-SVA-S' }),
      409,
      'duplicate',
      'sku',
    );
    expectProblem(
      await call(t, as.manager, 'POST', url, { ...body, ean: tshirt.ean }),
      409,
      'duplicate',
      'ean',
    );
    expectProblem(
      await call(t, as.manager, 'POST', '/api/catalog/products/prd_nope/skus', body),
      404,
      'not_found',
    );
    expectProblem(await call(t, as.readKey, 'POST', url, body), 403, 'forbidden');
    expect(await outboxCount(t)).toBe(before);
    expect(await t.ctx.db.query("select 1 from skus where sku = 'TS-ORG-X'")).toEqual([]);
  });
});

describe('PATCH /api/catalog/skus/:id', () => {
  it('changes EAN, weight, images and status under the version, with a sku.updated event', async () => {
    const sku = await skuByArticle(t, 'TS-RAN-MAR-S');
    const response = await patchSku(sku.id, {
      version: 1,
      ean: '96385074',
      weightGrams: 210,
      imageUrls: ['https://cdn.example.com/ts-ran-mar.jpg'],
      status: 'hidden',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      ean: '96385074',
      weightGrams: 210,
      imageUrls: ['https://cdn.example.com/ts-ran-mar.jpg'],
      status: 'hidden',
      version: 2,
    });
    expect(await eventsAbout(t, sku.id)).toMatchObject([
      { type: 'sku.updated', data: { changes: ['ean', 'weightGrams', 'imageUrls', 'status'], version: 2 } },
    ]);
  });

  it('refuses a bad EAN with 400 naming ean, and a taken one with 409 duplicate, in any GTIN spelling', async () => {
    const a = await skuByArticle(t, 'TS-RAN-MAR-M');
    const b = await skuByArticle(t, 'TS-RAN-MAR-L');
    expectProblem(
      await patchSku(a.id, { version: 1, ean: '7310865004704' }),
      400,
      'validation_failed',
      'ean',
    );
    expectProblem(await patchSku(a.id, { version: 1, ean: 'abc' }), 400, 'validation_failed', 'ean');
    expectProblem(await patchSku(a.id, { version: 1, ean: b.ean }), 409, 'duplicate', 'ean');
    expect((await patchSku(a.id, { version: 1, ean: '036000291452' })).statusCode).toBe(200);
    expectProblem(await patchSku(b.id, { version: 1, ean: '0036000291452' }), 409, 'duplicate', 'ean');
    expect(await skuRow(b.id)).toMatchObject({ ean: b.ean, version: 1 });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const sku = await skuByArticle(t, 'TS-RAN-ROD-S');
    expect((await patchSku(sku.id, { version: 1, weightGrams: 199 })).statusCode).toBe(200);
    const before = await outboxCount(t);
    expectProblem(
      await patchSku(sku.id, { version: 1, sku: 'TS-RAN-ROD-SMALL' }),
      409,
      'version_conflict',
      'version',
    );
    expect(await skuRow(sku.id)).toMatchObject({ sku: 'TS-RAN-ROD-S', version: 2 });
    expect(await outboxCount(t)).toBe(before);
  });

  it('refuses to discontinue a component of a bundle on sale, and allows other SKUs', async () => {
    const mug = await skuByArticle(t, 'KO-MUG');
    expectProblem(
      await patchSku(mug.id, { version: 1, status: 'discontinued' }),
      409,
      'invalid_state',
      'status',
    );
    expect((await skuRow(mug.id)).status).toBe('active');
    const other = await skuByArticle(t, 'TS-RAN-ROD-M');
    expect((await patchSku(other.id, { version: 1, status: 'discontinued' })).json().status).toBe(
      'discontinued',
    );
  });

  it('refuses unknown fields, unknown SKUs, cashiers and catalog:read keys', async () => {
    const sku = await skuByArticle(t, 'TS-RAN-ROD-L');
    expectProblem(
      await patchSku(sku.id, { version: 1, priceInclVat: sek(1) }),
      400,
      'validation_failed',
      'priceInclVat',
    );
    expectProblem(await patchSku('sku_nope', { version: 1 }), 404, 'not_found');
    expectProblem(await patchSku(sku.id, { version: 1, weightGrams: 1 }, as.cashier), 403, 'forbidden');
    expectProblem(await patchSku(sku.id, { version: 1, weightGrams: 1 }, as.readKey), 403, 'forbidden');
    expect((await patchSku(sku.id, { version: 1, weightGrams: 1 }, as.writeKey)).statusCode).toBe(200);
  });

  it('writes the change and its event in one transaction', async () => {
    const sku = await skuByArticle(t, 'TS-RAN-ROD-XL');
    const restore = await failEventsOfType(t, 'sku.updated');
    try {
      expect((await patchSku(sku.id, { version: 1, weightGrams: 5 })).statusCode).toBe(500);
    } finally {
      await restore();
    }
    expect(await skuRow(sku.id)).toMatchObject({ version: 1 });
  });
});

describe('bundles', () => {
  const setComponents = (id: string, payload: unknown) =>
    call(t, as.manager, 'PUT', `/api/catalog/skus/${id}/components`, payload);

  it('creates a bundle with its components and replaces them under the version', async () => {
    const coffee = await skuByArticle(t, 'LV-KAF');
    const chocolate = await skuByArticle(t, 'LV-MOR');
    const truffles = await skuByArticle(t, 'LV-TRY');
    const created = await call(t, as.manager, 'POST', '/api/catalog/products', {
      articleNumber: 'LV-CHOK',
      name: { sv: 'Chokladpaket', en: 'Chocolate set' },
      taxClass: 'food',
      priceInclVat: sek(9900),
      isBundle: true,
      components: [
        { skuId: coffee.id, quantity: 1 },
        { skuId: chocolate.id, quantity: 2 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const bundle = created.json().skus[0];
    expect(bundle.components).toEqual([
      { skuId: coffee.id, sku: 'LV-KAF', quantity: 1 },
      { skuId: chocolate.id, sku: 'LV-MOR', quantity: 2 },
    ]);
    const replaced = await setComponents(bundle.id, {
      version: 1,
      components: [{ skuId: truffles.id, quantity: 3 }],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ version: 2, components: [{ sku: 'LV-TRY', quantity: 3 }] });
    const events = await eventsAbout(t, bundle.id);
    expect(events).toMatchObject([{ type: 'sku.updated', data: { changes: ['components'] } }]);
    expectProblem(
      await setComponents(bundle.id, { version: 1, components: [{ skuId: coffee.id, quantity: 1 }] }),
      409,
      'version_conflict',
    );
  });

  it('refuses a bundle in a bundle, a discontinued component, an unknown one, and a SKU that is no bundle', async () => {
    const fika = await skuByArticle(t, 'LV-FIKA');
    const discontinued = await skuByArticle(t, 'KO-JUL-24');
    const coffee = await skuByArticle(t, 'LV-KAF');
    const before = await outboxCount(t);
    const one = (skuId: string) => ({
      version: 1,
      components: [
        { skuId: coffee.id, quantity: 1 },
        { skuId, quantity: 1 },
      ],
    });
    expectProblem(await setComponents(fika.id, one(fika.id)), 409, 'invalid_state', 'components.1.skuId');
    expectProblem(
      await setComponents(fika.id, one(discontinued.id)),
      409,
      'invalid_state',
      'components.1.skuId',
    );
    expectProblem(
      await setComponents(fika.id, one('sku_nope')),
      400,
      'validation_failed',
      'components.1.skuId',
    );
    expectProblem(
      await setComponents(fika.id, one(coffee.id)),
      400,
      'validation_failed',
      'components.1.skuId',
    );
    expectProblem(
      await setComponents(fika.id, { version: 1, components: [] }),
      400,
      'validation_failed',
      'components',
    );
    expectProblem(await setComponents(coffee.id, one(fika.id)), 409, 'invalid_state', 'id');
    const bundleWithOptions = await call(t, as.manager, 'POST', '/api/catalog/products', {
      articleNumber: 'LV-OPT',
      name: { sv: 'Paket', en: 'Set' },
      priceInclVat: sek(100),
      isBundle: true,
      options: [{ name: { sv: 'Färg', en: 'Colour' }, values: [{ value: 'Röd' }] }],
      components: [{ skuId: coffee.id, quantity: 1 }],
    });
    expectProblem(bundleWithOptions, 400, 'validation_failed', 'options');
    expect(await outboxCount(t)).toBe(before);
    const components = await t.ctx.db.query('select 1 from bundle_components where bundle_sku_id = $1', [
      fika.id,
    ]);
    expect(components).toHaveLength(3);
  });
});
