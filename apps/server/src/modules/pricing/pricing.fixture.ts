// Test fixture for the pricing HTTP tests: the app on the demo data with the clock fixed, sign-ins,
// API keys, and lookups of the demo's ids by their human codes.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';

/** The fixed "now" of the pricing tests: summer 2026, inside Vinterrea and the Swedish food cut. */
export const NOW = new Date('2026-06-15T10:00:00Z');

export interface PricingFixture {
  t: TestApp;
  owner: string;
  manager: string;
  cashier: string;
  /** A SKU id by article number (TS-ORG-SVA-M, LV-KAF …). */
  sku(article: string): Promise<string>;
  /** A product id by the article number of one of its SKUs. */
  product(article: string): Promise<string>;
  store(code: string): Promise<string>;
  priceList(code: string): Promise<string>;
  /** The Authorization header of a new API key with these scopes. */
  apiKey(scopes: string[]): Promise<string>;
  /** Outbox events about one aggregate, oldest first. */
  events(
    aggregateId: string,
  ): Promise<{ type: string; storeId: string | null; data: Record<string, unknown> }[]>;
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

async function one<T>(t: TestApp, sql: string, params: unknown[]): Promise<T> {
  const [row] = await t.ctx.db.query<T>(sql, params);
  if (!row) throw new Error(`fixture: nothing for ${JSON.stringify(params)}`);
  return row;
}

export async function createPricingFixture(): Promise<PricingFixture> {
  const t = await createTestApp();
  t.ctx.clock = () => NOW;
  const [owner, manager, cashier] = [
    await signIn(t.app, 'owner'),
    await signIn(t.app, 'manager'),
    await signIn(t.app, 'cashier'),
  ];
  const id = async (sql: string, value: string) => (await one<{ id: string }>(t, sql, [value])).id;
  return {
    t,
    owner,
    manager,
    cashier,
    sku: (article) => id('select id from skus where sku = $1', article),
    product: (article) => id('select product_id as id from skus where sku = $1', article),
    store: (code) => id('select id from stores where code = $1', code),
    priceList: (code) => id('select id from price_lists where code = $1', code),
    async apiKey(scopes) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/api-keys',
        headers: { cookie: manager },
        payload: { name: `test ${scopes.join(' ')}`, scopes },
      });
      expect(response.statusCode).toBe(201);
      return `Bearer ${response.json().secret}`;
    },
    events: (aggregateId) =>
      t.ctx.db.query(
        'select type, store_id as "storeId", data from outbox_events where aggregate_id = $1 order by id',
        [aggregateId],
      ),
    async eventCount() {
      return (
        await one<{ n: number }>(t, 'select count(*)::integer as n from outbox_events where $1', [true])
      ).n;
    },
    close: () => t.close(),
  };
}

/** Expects a problem answer with this status and code, naming these fields. */
export function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  code: string,
  fields: string[] = [],
) {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as { code: string; errors: { field: string }[] };
  expect(body.code).toBe(code);
  for (const field of fields) expect(body.errors.map((e) => e.field)).toContain(field);
}

/** Money in SEK, as the API speaks it. */
export const sek = (amount: number) => ({ amount, currency: 'SEK' });
