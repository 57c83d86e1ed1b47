import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { type Callers, call, expectProblem, makeCallers, skuByArticle } from './catalog.testing';

let t: TestApp;
let as: Callers;
beforeAll(async () => {
  t = await createTestApp();
  as = await makeCallers(t);
});
afterAll(() => t.close());

const lookup = (code: string, headers = as.cashier) =>
  call(t, headers, 'GET', `/api/skus/lookup?code=${encodeURIComponent(code)}`);
const search = async (q: string, headers = as.cashier) => {
  const response = await call(t, headers, 'GET', `/api/skus?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as { id: string; sku: string; name: { sv: string }; status: string }[];
};

describe('GET /api/skus/lookup', () => {
  it('finds a scanned EAN with name, options, retail price and warranty text', async () => {
    const jacket = await skuByArticle(t, 'JA-REG-SVA-M');
    const response = await lookup(jacket.ean);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: jacket.id,
      sku: 'JA-REG-SVA-M',
      ean: jacket.ean,
      options: { Storlek: 'M' },
      priceInclVat: { amount: expect.any(Number), currency: 'SEK' },
      warrantyText: expect.stringContaining('garanti'),
      taxClass: 'standard',
      isBundle: false,
      status: 'active',
    });
    expect(response.json().name.sv).toMatch(/jacka/i);
  });

  it('finds an article number in any letter case, and a bundle', async () => {
    expect((await lookup('ts-org-sva-m')).json()).toMatchObject({ sku: 'TS-ORG-SVA-M' });
    expect((await lookup(' LV-FIKA ')).json()).toMatchObject({ sku: 'LV-FIKA', isBundle: true });
  });

  it('finds an EAN under another GTIN spelling (UPC-A scanned as EAN-13 or GTIN-14)', async () => {
    const sku = await skuByArticle(t, 'BO-KOK');
    const edited = await call(t, as.manager, 'PATCH', `/api/catalog/skus/${sku.id}`, {
      version: sku.version,
      ean: '036000291452',
    });
    expect(edited.statusCode).toBe(200);
    for (const code of ['036000291452', '0036000291452', '00036000291452']) {
      expect((await lookup(code)).json()).toMatchObject({ sku: 'BO-KOK' });
    }
  });

  it('shows hidden and discontinued SKUs with their status, so the register can tell why', async () => {
    expect((await lookup('KASSE-PAP')).json()).toMatchObject({
      status: 'hidden',
      priceInclVat: { amount: 300 },
    });
    expect((await lookup('KO-JUL-24')).json()).toMatchObject({ status: 'discontinued' });
  });

  it('answers 404 naming code for an unknown code, and 400 without one', async () => {
    expectProblem(await lookup('7310865004703'), 404, 'not_found', 'code');
    expectProblem(await lookup('NO-SUCH-ARTICLE'), 404, 'not_found', 'code');
    expectProblem(await call(t, as.cashier, 'GET', '/api/skus/lookup'), 400, 'validation_failed', 'code');
  });

  it('serves staff and catalog:read keys, not anonymous callers or other scopes', async () => {
    expect((await lookup('KO-MUG', as.readKey)).statusCode).toBe(200);
    expectProblem(await lookup('KO-MUG', {}), 401, 'unauthenticated');
    expectProblem(await lookup('KO-MUG', as.stockKey), 403, 'forbidden');
  });
});

describe('GET /api/skus', () => {
  it('finds names by the start of any word, in Swedish or English, names starting with it first', async () => {
    const merino = await search('merino');
    expect(merino.length).toBeGreaterThan(0);
    expect(merino.every((s) => s.name.sv === 'Stickad tröja Merino')).toBe(true);
    expect((await search('stick trö')).map((s) => s.name.sv)).toContain('Stickad tröja Merino');
    expect((await search('sweater')).map((s) => s.name.sv)).toContain('Stickad tröja Merino');
    const choc = await search('chokl');
    expect(choc[0]!.name.sv.toLowerCase().startsWith('chokl')).toBe(true);
  });

  it('finds article-number and EAN prefixes in variant order, the exact code first', async () => {
    const articles = await search('ts-org-sva');
    expect(articles.map((s) => s.sku)).toEqual([
      'TS-ORG-SVA-S',
      'TS-ORG-SVA-M',
      'TS-ORG-SVA-L',
      'TS-ORG-SVA-XL',
    ]);
    const mug = await skuByArticle(t, 'KO-MUG');
    expect((await search(mug.ean))[0]).toMatchObject({ sku: 'KO-MUG' });
    expect((await search(mug.ean.slice(0, 12))).map((s) => s.sku)).toContain('KO-MUG');
    expect((await search('ko-mug'))[0]).toMatchObject({ sku: 'KO-MUG' });
  });

  it('gives at most the limit (20 by default) and never a discontinued SKU', async () => {
    expect(await search('t')).toHaveLength(20);
    const five = await call(t, as.cashier, 'GET', '/api/skus?q=t&limit=5');
    expect(five.json().items).toHaveLength(5);
    expect(await search('julmugg')).toEqual([]);
    expect(await search('KO-JUL')).toEqual([]);
    expect((await search('papperskasse')).map((s) => s.status)).toEqual(['hidden']);
  });

  it('names SKUs by id (discontinued ones too), for answers that carry only ids', async () => {
    const [mug] = await search('KO-MUG');
    const rows = await t.ctx.db.query<{ id: string }>("select id from skus where sku = 'KO-JUL-24'");
    const ids = [mug!.id, rows[0]!.id, 'sku_no_such'].join(',');
    const named = (await call(t, as.cashier, 'GET', `/api/skus?ids=${ids}`)).json().items;
    expect(named.map((s: { sku: string }) => s.sku).sort()).toEqual(['KO-JUL-24', 'KO-MUG']);
    expectProblem(await call(t, as.cashier, 'GET', '/api/skus'), 400, 'validation_failed', 'q');
    expectProblem(
      await call(t, as.cashier, 'GET', `/api/skus?q=a&ids=${mug!.id}`),
      400,
      'validation_failed',
      'q',
    );
  });

  it('treats search syntax as plain text', async () => {
    for (const q of ["tröja'", 'a & b', '!(x)', ':*', '%', '_', '\\']) await search(q);
    expect(await search('%')).toEqual([]);
  });

  it('refuses an empty query, a too-large limit and unknown parameters', async () => {
    expectProblem(await call(t, as.cashier, 'GET', '/api/skus?q='), 400, 'validation_failed', 'q');
    expectProblem(
      await call(t, as.cashier, 'GET', '/api/skus?q=a&limit=500'),
      400,
      'validation_failed',
      'limit',
    );
    expectProblem(await call(t, as.cashier, 'GET', '/api/skus?q=a&sort=x'), 400, 'validation_failed', 'sort');
    expectProblem(await call(t, {}, 'GET', '/api/skus?q=a'), 401, 'unauthenticated');
  });
});
