import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import {
  type Callers,
  call,
  categoryId,
  eventsAbout,
  expectProblem,
  failEventsOfType,
  makeCallers,
  outboxCount,
} from './catalog.testing';

let t: TestApp;
let as: Callers;
beforeAll(async () => {
  t = await createTestApp();
  as = await makeCallers(t);
});
afterAll(() => t.close());

const create = (payload: unknown, headers = as.manager) =>
  call(t, headers, 'POST', '/api/catalog/categories', payload);
const patch = (id: string, payload: unknown, headers = as.manager) =>
  call(t, headers, 'PATCH', `/api/catalog/categories/${id}`, payload);

describe('GET /api/catalog/categories', () => {
  it('gives staff and catalog:read keys the tree, children under parents', async () => {
    for (const headers of [as.cashier, as.readKey]) {
      const response = await call(t, headers, 'GET', '/api/catalog/categories');
      expect(response.statusCode).toBe(200);
      const klader = response.json().items.find((c: { slug: string }) => c.slug === 'klader');
      expect(klader.children.map((c: { slug: string }) => c.slug)).toEqual([
        't-shirts',
        'trojor',
        'byxor',
        'jackor',
      ]);
    }
  });

  it('refuses anonymous callers and keys without a catalog scope', async () => {
    expect((await call(t, {}, 'GET', '/api/catalog/categories')).statusCode).toBe(401);
    expect((await call(t, as.stockKey, 'GET', '/api/catalog/categories')).statusCode).toBe(403);
  });
});

describe('POST /api/catalog/categories', () => {
  it('creates a category under a parent, with its path and a category.created event', async () => {
    const parentId = await categoryId(t, 'kok');
    const response = await create({ name: { sv: 'Muggar & koppar', en: 'Mugs & cups' }, parentId });
    expect(response.statusCode).toBe(201);
    const category = response.json();
    expect(category).toMatchObject({ slug: 'muggar-koppar', parentId, version: 1 });
    expect(category.path.map((c: { slug: string }) => c.slug)).toEqual([
      'hem-inredning',
      'kok',
      'muggar-koppar',
    ]);
    expect(await eventsAbout(t, category.id)).toEqual([
      { type: 'category.created', data: { slug: 'muggar-koppar', parentId } },
    ]);
  });

  it('lets a catalog:write key create, not a cashier or a catalog:read key', async () => {
    const body = { name: { sv: 'Presenter', en: 'Gifts' } };
    expectProblem(await create(body, as.cashier), 403, 'forbidden');
    expectProblem(await create(body, as.readKey), 403, 'forbidden');
    expect((await create(body, as.writeKey)).statusCode).toBe(201);
  });

  it('refuses a taken slug, an unknown parent and unknown fields, and writes nothing', async () => {
    const before = await outboxCount(t);
    expectProblem(await create({ name: { sv: 'Skor', en: 'Shoes' } }), 409, 'duplicate', 'slug');
    expectProblem(
      await create({ name: { sv: 'Nytt', en: 'New' }, parentId: 'cat_nope' }),
      400,
      'validation_failed',
      'parentId',
    );
    expectProblem(
      await create({ name: { sv: 'Nytt', en: 'New' }, colour: 'red' }),
      400,
      'validation_failed',
      'colour',
    );
    expectProblem(await create({ name: { sv: '', en: 'New' } }), 400, 'validation_failed', 'name.sv');
    expect(await outboxCount(t)).toBe(before);
    const [row] = await t.ctx.db.query<{ n: number }>(
      "select count(*)::integer as n from categories where name_sv = 'Nytt'",
    );
    expect(row!.n).toBe(0);
  });

  it('writes the category and its event in one transaction', async () => {
    const restore = await failEventsOfType(t, 'category.created');
    try {
      const response = await create({ name: { sv: 'Utan händelse', en: 'No event' } });
      expect(response.statusCode).toBe(500);
    } finally {
      await restore();
    }
    const rows = await t.ctx.db.query("select 1 from categories where slug = 'utan-handelse'");
    expect(rows).toEqual([]);
  });
});

describe('PATCH /api/catalog/categories/:id', () => {
  it('renames and moves a category, bumping its version, with a category.updated event', async () => {
    const created = (await create({ name: { sv: 'Vantar', en: 'Mittens' } })).json();
    const parentId = await categoryId(t, 'accessoarer');
    const response = await patch(created.id, {
      version: 1,
      name: { sv: 'Vantar & handskar', en: 'Mittens & gloves' },
      parentId,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: { sv: 'Vantar & handskar', en: 'Mittens & gloves' },
      parentId,
      version: 2,
      slug: 'vantar',
    });
    expect(response.json().path.map((c: { slug: string }) => c.slug)).toEqual(['accessoarer', 'vantar']);
    const events = await eventsAbout(t, created.id);
    expect(events.map((e) => e.type)).toEqual(['category.created', 'category.updated']);
    expect(events[1]!.data.changes).toEqual(['nameSv', 'nameEn', 'parentId']);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const created = (await create({ name: { sv: 'Halsdukar', en: 'Scarves' } })).json();
    expect((await patch(created.id, { version: 1, sortOrder: 5 })).statusCode).toBe(200);
    const before = await outboxCount(t);
    const stale = await patch(created.id, { version: 1, name: { sv: 'Sjalar', en: 'Shawls' } });
    expectProblem(stale, 409, 'version_conflict', 'version');
    const [row] = await t.ctx.db.query<{ name_sv: string; version: number }>(
      'select name_sv, version from categories where id = $1',
      [created.id],
    );
    expect(row).toEqual({ name_sv: 'Halsdukar', version: 2 });
    expect(await outboxCount(t)).toBe(before);
  });

  it('refuses to move a category under itself or its own sub-category', async () => {
    const klader = await categoryId(t, 'klader');
    const tshirts = await categoryId(t, 't-shirts');
    const [row] = await t.ctx.db.query<{ version: number }>('select version from categories where id = $1', [
      klader,
    ]);
    expectProblem(
      await patch(klader, { version: row!.version, parentId: tshirts }),
      400,
      'validation_failed',
      'parentId',
    );
    expectProblem(
      await patch(klader, { version: row!.version, parentId: klader }),
      400,
      'validation_failed',
      'parentId',
    );
    const [after] = await t.ctx.db.query<{ parent_id: string | null }>(
      'select parent_id from categories where id = $1',
      [klader],
    );
    expect(after!.parent_id).toBeNull();
  });

  it('moves a category to the top with parentId null', async () => {
    const created = (
      await create({ name: { sv: 'Mössor', en: 'Hats' }, parentId: await categoryId(t, 'klader') })
    ).json();
    const response = await patch(created.id, { version: 1, parentId: null });
    expect(response.json()).toMatchObject({ parentId: null, version: 2 });
  });

  it('answers 404 for an unknown category, 409 for a taken slug, and 403 to a cashier', async () => {
    expectProblem(await patch('cat_nope', { version: 1, sortOrder: 1 }), 404, 'not_found');
    const created = (await create({ name: { sv: 'Bälten', en: 'Belts' } })).json();
    expectProblem(await patch(created.id, { version: 1, slug: 'skor' }), 409, 'duplicate', 'slug');
    expectProblem(await patch(created.id, { version: 1, sortOrder: 1 }, as.cashier), 403, 'forbidden');
    expectProblem(await patch(created.id, { sortOrder: 1 }), 400, 'validation_failed', 'version');
  });
});
