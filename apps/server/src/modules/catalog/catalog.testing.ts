// Helpers for the catalog's HTTP tests: callers of each kind, requests, and the outbox to check.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { signIn, type TestApp } from '../../testing/test-app';

/** Headers for each kind of caller the access rules distinguish. */
export interface Callers {
  manager: Record<string, string>;
  cashier: Record<string, string>;
  readKey: Record<string, string>;
  writeKey: Record<string, string>;
  stockKey: Record<string, string>;
}

async function bearer(t: TestApp, manager: string, scopes: string[]): Promise<Record<string, string>> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/api-keys',
    headers: { cookie: manager },
    payload: { name: `catalog test ${scopes.join(' ')}`, scopes },
  });
  expect(response.statusCode).toBe(201);
  return { authorization: `Bearer ${response.json().secret}` };
}

/** Signs in a manager and a cashier and makes API keys with catalog:read, catalog:write and stock:read. */
export async function makeCallers(t: TestApp): Promise<Callers> {
  const manager = await signIn(t.app, 'manager');
  return {
    manager: { cookie: manager },
    cashier: { cookie: await signIn(t.app, 'cashier') },
    readKey: await bearer(t, manager, ['catalog:read']),
    writeKey: await bearer(t, manager, ['catalog:write']),
    stockKey: await bearer(t, manager, ['stock:read']),
  };
}

/** Sends a request as `headers`. */
export function call(
  t: TestApp,
  headers: Record<string, string>,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Expects a problem with `status`, `code` and an error naming `field`. */
export function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  code: string,
  field?: string,
) {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  expect(body.code).toBe(code);
  if (field !== undefined) expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
}

/** The outbox events about one aggregate, oldest first. */
export async function eventsAbout(t: TestApp, aggregateId: string) {
  return t.ctx.db.query<{ type: string; data: Record<string, unknown> }>(
    'select type, data from outbox_events where aggregate_id = $1 order by id',
    [aggregateId],
  );
}

/** How many outbox events there are; a refused request must not change it. */
export async function outboxCount(t: TestApp): Promise<number> {
  const [row] = await t.ctx.db.query<{ n: number }>('select count(*)::integer as n from outbox_events');
  return row!.n;
}

/**
 * Makes every outbox insert of `type` fail until the returned function is called, to show that a
 * change and its event are written in one transaction.
 */
export async function failEventsOfType(t: TestApp, type: string): Promise<() => Promise<void>> {
  await t.ctx.db.exec(`
    create or replace function catalog_test_fail_event() returns trigger language plpgsql as $$
    begin
      if new.type = '${type}' then raise exception 'outbox insert refused by the test'; end if;
      return new;
    end $$;
    create trigger catalog_test_fail_event before insert on outbox_events
      for each row execute function catalog_test_fail_event();`);
  return async () => {
    await t.ctx.db.exec(`drop trigger catalog_test_fail_event on outbox_events;
      drop function catalog_test_fail_event();`);
  };
}

/** The demo category with `slug`. */
export async function categoryId(t: TestApp, slug: string): Promise<string> {
  const [row] = await t.ctx.db.query<{ id: string }>('select id from categories where slug = $1', [slug]);
  return row!.id;
}

/** The demo SKU with article number `sku`: its id, product and version. */
export async function skuByArticle(t: TestApp, sku: string) {
  const [row] = await t.ctx.db.query<{ id: string; productId: string; version: number; ean: string }>(
    'select id, product_id as "productId", version, ean from skus where sku = $1',
    [sku],
  );
  return row!;
}

/** Money in SEK öre, as the API takes it. */
export const sek = (amount: number) => ({ amount, currency: 'SEK' });

/** A product body with two colours × three sizes; `over` replaces fields. */
export const hoodie = (over: Record<string, unknown> = {}) => ({
  articleNumber: 'HO-ZIP',
  name: { sv: 'Luvtröja med dragkedja', en: 'Zip hoodie' },
  description: { sv: 'Mjuk luvtröja.', en: 'Soft hoodie.' },
  brand: 'Nordväv',
  warrantyText: '2 års garanti. Spara kvittot.',
  options: [
    { name: { sv: 'Färg', en: 'Colour' }, values: [{ value: 'Svart' }, { value: 'Grå' }] },
    { name: { sv: 'Storlek', en: 'Size' }, values: [{ value: 'S' }, { value: 'M' }, { value: 'L' }] },
  ],
  priceInclVat: sek(59900),
  weightGrams: 450,
  ...over,
});

/** How many products the database holds (to show a refused request created none). */
export async function countProducts(t: TestApp): Promise<number> {
  return (await t.ctx.db.query<{ n: number }>('select count(*)::integer as n from products'))[0]!.n;
}
