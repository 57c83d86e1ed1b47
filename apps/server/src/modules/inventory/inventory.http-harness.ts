// The shared set-up of the inventory HTTP tests: a demo app, a manager and a Stockholm cashier
// signed in, location and SKU ids by code, and small request and ledger helpers.
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';

const SKU_CODES = ['KO-MUG', 'LV-KAF', 'LV-ESP', 'LV-LIN', 'KO-KAN', 'TX-KOK'];

/** The signed-in app and the ids the inventory HTTP tests work with. */
export interface StockHttpState {
  t: TestApp;
  manager: string;
  cashier: string;
  /** Location ids by code (STHLM-BUTIK, GBG-BUTIK, CENTRAL, 3PL-BORAS). */
  loc: Record<string, string>;
  /** SKU ids by article number. */
  sku: Record<string, string>;
}

/** Registers beforeAll/afterAll; the state is filled in before the first test runs. */
export function useStockHttp() {
  const h = { loc: {}, sku: {} } as StockHttpState;
  const send = (method: 'POST' | 'PUT', url: string, payload: object, cookie = h.manager) =>
    h.t.app.inject({ method, url, payload, headers: { cookie } });
  const post = (url: string, payload: object, cookie = h.manager) => send('POST', url, payload, cookie);
  const get = (url: string) => h.t.app.inject({ url, headers: { cookie: h.manager } });
  /** On-hand as the ledger says: the sum of the movements. */
  const onHand = async (skuId: string, locationId: string) =>
    (
      await h.t.ctx.db.query<{ n: number }>(
        'select coalesce(sum(quantity), 0)::integer as n from stock_movements where sku_id = $1 and location_id = $2',
        [skuId, locationId],
      )
    )[0]!.n;
  /** The outbox event types about one aggregate, oldest first. */
  const eventsFor = async (aggregateId: string) =>
    (
      await h.t.ctx.db.query<{ type: string }>(
        'select type from outbox_events where aggregate_id = $1 order by id',
        [aggregateId],
      )
    ).map((e) => e.type);

  beforeAll(async () => {
    h.t = await createTestApp();
    h.manager = await signIn(h.t.app, 'manager');
    h.cashier = await signIn(h.t.app, 'cashier'); // Stockholm
    for (const row of await h.t.ctx.db.query<{ id: string; code: string }>(
      'select id, code from locations',
    )) {
      h.loc[row.code] = row.id;
    }
    const skus = await h.t.ctx.db.query<{ id: string; sku: string }>(
      'select id, sku from skus where sku = any($1)',
      [SKU_CODES],
    );
    for (const row of skus) h.sku[row.sku] = row.id;
  });
  afterAll(() => h.t.close());
  return { h, loc: h.loc, sku: h.sku, send, post, get, onHand, eventsFor };
}
