import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import {
  type Callers,
  call,
  categoryId,
  countProducts,
  eventsAbout,
  expectProblem,
  hoodie,
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

const create = (payload: unknown, headers = as.manager) =>
  call(t, headers, 'POST', '/api/catalog/products', payload);
const productCount = () => countProducts(t);

describe('PATCH /api/catalog/products/:id', () => {
  it('changes the given fields under the version, with a product.updated event', async () => {
    const product = (await create(hoodie({ articleNumber: 'UPD' }))).json();
    const response = await call(t, as.writeKey, 'PATCH', `/api/catalog/products/${product.id}`, {
      version: 1,
      name: { sv: 'Luvtröja Zip', en: 'Hoodie Zip' },
      warrantyText: null,
      categoryId: await categoryId(t, 'trojor'),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: { sv: 'Luvtröja Zip', en: 'Hoodie Zip' },
      warrantyText: null,
      description: product.description,
      category: { slug: 'trojor' },
      version: 2,
    });
    const events = await eventsAbout(t, product.id);
    expect(events.map((e) => e.type)).toEqual(['product.created', 'product.updated']);
    expect(events[1]!.data.changes).toEqual(['nameSv', 'nameEn', 'categoryId', 'warrantyText']);
  });

  it('refuses a stale version with 409 version_conflict and keeps the newer edit', async () => {
    const product = (await create(hoodie({ articleNumber: 'STALE' }))).json();
    const url = `/api/catalog/products/${product.id}`;
    expect((await call(t, as.manager, 'PATCH', url, { version: 1, brand: 'Först' })).statusCode).toBe(200);
    const before = await outboxCount(t);
    expectProblem(
      await call(t, as.manager, 'PATCH', url, { version: 1, brand: 'Sist' }),
      409,
      'version_conflict',
      'version',
    );
    const now = (await call(t, as.manager, 'GET', url)).json();
    expect(now).toMatchObject({ brand: 'Först', version: 2 });
    expect(await outboxCount(t)).toBe(before);
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const product = (await create(hoodie({ articleNumber: 'RACE' }))).json();
    const url = `/api/catalog/products/${product.id}`;
    const answers = await Promise.all(
      ['A', 'B'].map((brand) => call(t, as.manager, 'PATCH', url, { version: 1, brand })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.statusCode === 200)!.json().brand;
    expect((await call(t, as.manager, 'GET', url)).json()).toMatchObject({ brand: winner, version: 2 });
    const updates = (await eventsAbout(t, product.id)).filter((e) => e.type === 'product.updated');
    expect(updates).toHaveLength(1);
  });

  it('refuses unknown products, unknown fields, a taken slug, and cashiers', async () => {
    const product = (await create(hoodie({ articleNumber: 'REF' }))).json();
    const url = `/api/catalog/products/${product.id}`;
    expectProblem(
      await call(t, as.manager, 'PATCH', '/api/catalog/products/prd_nope', { version: 1 }),
      404,
      'not_found',
    );
    expectProblem(
      await call(t, as.manager, 'PATCH', url, { version: 1, status: 'hidden' }),
      400,
      'validation_failed',
      'status',
    );
    expectProblem(
      await call(t, as.manager, 'PATCH', url, { version: 1, slug: 'fikapaket' }),
      409,
      'duplicate',
      'slug',
    );
    expectProblem(await call(t, as.cashier, 'PATCH', url, { version: 1, brand: 'X' }), 403, 'forbidden');
    expectProblem(await call(t, as.manager, 'GET', '/api/catalog/products/prd_nope'), 404, 'not_found');
  });
});

describe('PUT /api/catalog/products/:id/status', () => {
  it('hides a product from the web shop but keeps it in the back office and at the register', async () => {
    const product = (await create(hoodie({ articleNumber: 'HID' }))).json();
    const response = await call(t, as.manager, 'PUT', `/api/catalog/products/${product.id}/status`, {
      version: 1,
      status: 'hidden',
    });
    expect(response.json()).toMatchObject({ status: 'hidden', version: 2 });
    const shop = await call(t, {}, 'GET', '/api/products?q=HID-SVA-S');
    expect(shop.json().items).toEqual([]);
    const admin = await call(t, as.manager, 'GET', '/api/catalog/products?q=HID-SVA-S');
    expect(admin.json().items.map((p: { id: string }) => p.id)).toEqual([product.id]);
    const register = await call(t, as.cashier, 'GET', '/api/skus/lookup?code=HID-SVA-S');
    expect(register.json()).toMatchObject({ status: 'hidden' });
    expect((await eventsAbout(t, product.id)).at(-1)).toMatchObject({
      type: 'product.updated',
      data: { changes: ['status'], status: 'hidden' },
    });
  });

  it('refuses to discontinue a product whose SKU is in a bundle on sale', async () => {
    const coffee = await skuByArticle(t, 'LV-KAF');
    const url = `/api/catalog/products/${coffee.productId}`;
    const version = (await call(t, as.manager, 'GET', url)).json().version;
    const response = await call(t, as.manager, 'PUT', `${url}/status`, { version, status: 'discontinued' });
    expectProblem(response, 409, 'invalid_state', 'status');
    expect(response.json().detail).toContain('LV-FIKA');
    expect((await call(t, as.manager, 'GET', url)).json().status).toBe('active');
  });
});

describe('GET /api/catalog/products', () => {
  it('filters by category with its sub-categories, by status and by text', async () => {
    const clothing = await call(
      t,
      as.readKey,
      'GET',
      `/api/catalog/products?categoryId=${await categoryId(t, 'klader')}&limit=200`,
    );
    const slugs = clothing.json().items.map((p: { category: { slug: string } }) => p.category.slug);
    expect(new Set(slugs)).toEqual(new Set(['t-shirts', 'trojor', 'byxor', 'jackor']));
    const discontinued = await call(t, as.readKey, 'GET', '/api/catalog/products?status=discontinued');
    expect(discontinued.json().items.map((p: { slug: string }) => p.slug)).toEqual(['julmugg-2024']);
    const merino = await call(t, as.cashier, 'GET', '/api/catalog/products?q=merino');
    expect(merino.json().items.map((p: { slug: string }) => p.slug)).toEqual(['stickad-troja-merino']);
    const byEan = await call(
      t,
      as.cashier,
      'GET',
      `/api/catalog/products?q=${(await skuByArticle(t, 'LV-FIKA')).ean}`,
    );
    expect(byEan.json().items).toMatchObject([
      { slug: 'fikapaket', isBundle: true, skus: [{ components: expect.any(Array) }] },
    ]);
    expect(byEan.json().items[0].skus[0].components).toHaveLength(3);
  });

  it('pages through every product exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const response = await call(t, as.manager, 'GET', `/api/catalog/products?limit=7${query}`);
      expect(response.statusCode).toBe(200);
      seen.push(...response.json().items.map((p: { id: string }) => p.id));
      cursor = response.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(await productCount());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a bad status filter and a made-up cursor', async () => {
    expectProblem(
      await call(t, as.manager, 'GET', '/api/catalog/products?status=gone'),
      400,
      'validation_failed',
      'status',
    );
    expectProblem(
      await call(t, as.manager, 'GET', '/api/catalog/products?cursor=_x_'),
      400,
      'validation_failed',
      'cursor',
    );
  });
});
