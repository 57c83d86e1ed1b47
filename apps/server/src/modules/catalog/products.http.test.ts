import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import {
  type Callers,
  call,
  categoryId,
  countProducts,
  eventsAbout,
  expectProblem,
  failEventsOfType,
  hoodie,
  makeCallers,
  outboxCount,
  sek,
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

describe('POST /api/catalog/products', () => {
  it('generates a SKU per option combination with article numbers, prices and EANs', async () => {
    const response = await create(
      hoodie({
        categoryId: await categoryId(t, 'trojor'),
        variants: [
          { options: { Färg: 'Grå', Storlek: 'L' }, ean: '4006381333931', priceInclVat: sek(64900) },
          { options: { Storlek: 'S', Färg: 'Svart' }, ean: '036000291452' },
        ],
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const product = response.json();
    expect(product).toMatchObject({
      slug: 'luvtroja-med-dragkedja',
      status: 'active',
      version: 1,
      isBundle: false,
      taxClass: 'standard',
      warrantyText: '2 års garanti. Spara kvittot.',
      category: { slug: 'trojor' },
      options: [
        { name: { sv: 'Färg', en: 'Colour' }, values: ['Svart', 'Grå'] },
        { name: { sv: 'Storlek', en: 'Size' }, values: ['S', 'M', 'L'] },
      ],
    });
    expect(product.skus.map((s: { sku: string }) => s.sku)).toEqual([
      'HO-ZIP-SVA-S',
      'HO-ZIP-SVA-M',
      'HO-ZIP-SVA-L',
      'HO-ZIP-GRA-S',
      'HO-ZIP-GRA-M',
      'HO-ZIP-GRA-L',
    ]);
    expect(product.skus[0]).toMatchObject({
      ean: '036000291452',
      options: { Färg: 'Svart', Storlek: 'S' },
      priceInclVat: sek(59900),
      weightGrams: 450,
      status: 'active',
      version: 1,
    });
    expect(product.skus[5]).toMatchObject({ ean: '4006381333931', priceInclVat: sek(64900) });

    const fetched = await call(t, as.readKey, 'GET', `/api/catalog/products/${product.id}`);
    expect(fetched.json()).toEqual(product);
    const events = await eventsAbout(t, product.id);
    expect(events.map((e) => e.type)).toEqual(['product.created']);
    expect(events[0]!.data.skus).toHaveLength(6);
  });

  it('makes a free slug when the name’s is taken', async () => {
    const first = await create({
      articleNumber: 'DUP-1',
      name: { sv: 'Enkel mugg', en: 'Mug' },
      priceInclVat: sek(100),
    });
    const second = await create({
      articleNumber: 'DUP-2',
      name: { sv: 'Enkel mugg', en: 'Mug' },
      priceInclVat: sek(100),
    });
    expect(first.json().slug).toBe('enkel-mugg');
    expect(second.json().slug).toBe('enkel-mugg-dup-2');
    expect(second.json().skus).toMatchObject([{ sku: 'DUP-2', options: {}, ean: null }]);
  });

  it('refuses bad input with 400 naming the field, and creates nothing', async () => {
    // A fresh article number, so that only the field under test is wrong.
    const bad = (over: Record<string, unknown>) => hoodie({ articleNumber: 'HO-BAD', ...over });
    const before = { products: await productCount(), events: await outboxCount(t) };
    const cases: [Record<string, unknown>, string][] = [
      [
        bad({ variants: [{ options: { Färg: 'Svart', Storlek: 'M' }, ean: '4006381333932' }] }),
        'variants.0.ean',
      ],
      [bad({ variants: [{ options: { Färg: 'Svart', Storlek: 'M' }, ean: '12345' }] }), 'variants.0.ean'],
      [bad({ variants: [{ options: { Färg: 'Röd', Storlek: 'M' } }] }), 'variants.0.options'],
      [bad({ colour: 'red' }), 'colour'],
      [bad({ priceInclVat: { amount: 100, currency: 'EUR' } }), 'priceInclVat.currency'],
      [bad({ priceInclVat: { amount: -1, currency: 'SEK' } }), 'priceInclVat.amount'],
      [bad({ categoryId: 'cat_nope' }), 'categoryId'],
      [bad({ taxClass: 'luxury' }), 'taxClass'],
      [hoodie({ articleNumber: 'HÖ ZIP' }), 'articleNumber'],
      [
        bad({
          options: [{ name: { sv: 'Färg', en: 'Colour' }, values: [{ value: 'Svart' }, { value: 'svart' }] }],
        }),
        'options.0.values.1.value',
      ],
      [bad({ options: [{ name: { sv: 'Färg', en: 'Colour' }, values: [] }] }), 'options.0.values'],
      [
        bad({
          options: ['A', 'B'].map((sv, i) => ({
            name: { sv, en: sv },
            values: Array.from({ length: 23 + i }, (_, n) => ({ value: String(n) })),
          })),
        }),
        'options',
      ],
      [bad({ components: [{ skuId: 'x', quantity: 1 }] }), 'components'],
    ];
    for (const [body, field] of cases) expectProblem(await create(body), 400, 'validation_failed', field);
    expect({ products: await productCount(), events: await outboxCount(t) }).toEqual(before);
  });

  it('refuses a taken EAN or article number with 409 duplicate, and creates nothing', async () => {
    const before = await productCount();
    const taken = await skuByArticle(t, 'TS-ORG-SVA-M');
    const withTakenEan = hoodie({
      articleNumber: 'HO-NEW',
      variants: [{ options: { Färg: 'Grå', Storlek: 'M' }, ean: taken.ean }],
    });
    expectProblem(await create(withTakenEan), 409, 'duplicate', 'variants.0.ean');
    // The same article as a GTIN-14: the same EAN in another spelling.
    const padded = hoodie({
      articleNumber: 'HO-NEW',
      variants: [{ options: { Färg: 'Grå', Storlek: 'M' }, ean: `0${taken.ean}` }],
    });
    expectProblem(await create(padded), 409, 'duplicate', 'variants.0.ean');
    const twice = hoodie({
      articleNumber: 'HO-NEW',
      variants: [
        { options: { Färg: 'Grå', Storlek: 'M' }, ean: '5901234123457' },
        { options: { Färg: 'Grå', Storlek: 'S' }, ean: '5901234123457' },
      ],
    });
    expectProblem(await create(twice), 409, 'duplicate', 'variants.1.ean');
    const single = {
      articleNumber: 'TS-ORG-SVA-M',
      name: { sv: 'Kopia', en: 'Copy' },
      priceInclVat: sek(100),
    };
    expectProblem(await create(single), 409, 'duplicate', 'articleNumber');
    expect(await productCount()).toBe(before);
  });

  it('lets managers and catalog:write keys create, not cashiers or catalog:read keys', async () => {
    const body = (article: string) => ({
      articleNumber: article,
      name: { sv: article, en: article },
      priceInclVat: sek(100),
    });
    expectProblem(await create(body('ACC-1'), as.cashier), 403, 'forbidden');
    expectProblem(await create(body('ACC-2'), as.readKey), 403, 'forbidden');
    expectProblem(await create(body('ACC-3'), {}), 401, 'unauthenticated');
    expect((await create(body('ACC-4'), as.writeKey)).statusCode).toBe(201);
    const rows = await t.ctx.db.query<{ sku: string }>("select sku from skus where sku like 'ACC-%'");
    expect(rows).toEqual([{ sku: 'ACC-4' }]);
  });

  it('writes the product and its event in one transaction', async () => {
    const restore = await failEventsOfType(t, 'product.created');
    try {
      expect((await create(hoodie({ articleNumber: 'NO-EVENT' }))).statusCode).toBe(500);
    } finally {
      await restore();
    }
    expect(await t.ctx.db.query("select 1 from skus where sku like 'NO-EVENT%'")).toEqual([]);
  });
});
