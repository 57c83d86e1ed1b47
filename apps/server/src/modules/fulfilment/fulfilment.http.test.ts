import type { FulfilmentSettings, Packing, PickList, ReleaseResult } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { useOrdersHttp } from '../orders/orders.http-harness';
import { pdfText, placeDeliveryOrder, setShelf } from './fulfilment.testing';
import { isOrderPacked } from './packed';

const harness = useOrdersHttp();
const { h, eventsFor } = harness;

const as = (cookie: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  h.t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const settingsUrl = () => `/api/fulfilment/locations/${h.loc.CENTRAL}/settings`;
const release = () => as(h.manager, 'POST', `/api/fulfilment/locations/${h.loc.CENTRAL}/release`);
const scan = (orderId: string, code: string) =>
  as(h.manager, 'POST', `/api/fulfilment/orders/${orderId}/pack-scans`, { code });
const skuCode = async (i: number) =>
  (
    await h.t.ctx.db.query<{ sku: string; ean: string | null }>('select sku, ean from skus where id = $1', [
      h.skus[i]!.id,
    ])
  )[0]!;

describe('release settings', () => {
  it('refuses bad settings naming the field, and saves good ones once per version', async () => {
    // The demo seed releases CENTRAL at 10:00 and 14:00; a store never saved is version 0.
    const before = (await as(h.manager, 'GET', settingsUrl())).json() as FulfilmentSettings;
    expect(before).toMatchObject({ mode: 'batches', batchTimes: ['10:00', '14:00'], version: 1 });
    const store = await as(h.manager, 'GET', `/api/fulfilment/locations/${h.loc['STHLM-BUTIK']}/settings`);
    expect(store.json()).toMatchObject({ mode: 'immediate', version: 0, nextReleaseAt: null });

    const empty = await as(h.manager, 'PUT', settingsUrl(), { mode: 'batches', batchTimes: [], version: 1 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ field: 'batchTimes', message: 'Add at least one time' }]);
    const badTime = await as(h.manager, 'PUT', settingsUrl(), {
      mode: 'batches',
      batchTimes: ['25:00'],
      version: 1,
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().errors[0].field).toMatch(/^batchTimes/);
    const badMode = await as(h.manager, 'PUT', settingsUrl(), { mode: 'weekly', batchTimes: [], version: 1 });
    expect(badMode.json().errors[0].field).toBe('mode');
    const cashier = await as(h.cashier, 'PUT', settingsUrl(), {
      mode: 'immediate',
      batchTimes: [],
      version: 1,
    });
    expect(cashier.statusCode).toBe(403);
    expect((await as(h.manager, 'GET', settingsUrl())).json()).toEqual(before);

    const saved = await as(h.manager, 'PUT', settingsUrl(), {
      mode: 'batches',
      batchTimes: ['14:00', '10:00'],
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    // 08:00 in Stockholm: the next batch is 10:00 (09:00 UTC in winter).
    expect(saved.json()).toMatchObject({
      batchTimes: ['10:00', '14:00'],
      version: 2,
      nextReleaseAt: '2026-12-01T09:00:00.000Z',
    });
    const stale = await as(h.manager, 'PUT', settingsUrl(), {
      mode: 'immediate',
      batchTimes: [],
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });
});

describe('release, pick list and pack', () => {
  it('the job releases at the batch time, once', async () => {
    const order = await placeDeliveryOrder(harness, [[0, 1]]);
    expect(await h.t.app.jobs.runOnce('fulfilment.release')).toEqual({ 'fulfilment.release': 0 });
    h.now = new Date('2026-12-01T09:01:00Z'); // 10:01 in Stockholm
    expect(await h.t.app.jobs.runOnce('fulfilment.release')).toEqual({ 'fulfilment.release': 1 });
    const late = await placeDeliveryOrder(harness, [[0, 1]]);
    expect(await h.t.app.jobs.runOnce('fulfilment.release')).toEqual({ 'fulfilment.release': 0 });
    const [row] = await h.t.ctx.db.query<{ status: string }>('select status from orders where id = $1', [
      order.id,
    ]);
    expect(row!.status).toBe('picking');
    const [waiting] = await h.t.ctx.db.query<{ status: string }>('select status from orders where id = $1', [
      late.id,
    ]);
    expect(waiting!.status).toBe('placed');
    // Release now takes what waits, whatever the mode; a second release finds nothing.
    expect(((await release()).json() as ReleaseResult).releasedOrders).toBe(1);
  });

  it('groups by shelf, sums per SKU, locks the orders, and releases each order once', async () => {
    await setShelf(harness, 0, 'CENTRAL', 'B2');
    await setShelf(harness, 1, 'CENTRAL', 'A1');
    await setShelf(harness, 2, 'CENTRAL', null);
    const first = await placeDeliveryOrder(harness, [
      [0, 2],
      [1, 1],
    ]);
    const second = await placeDeliveryOrder(harness, [
      [0, 1],
      [2, 1],
    ]);

    const released = await release();
    expect(released.statusCode).toBe(200);
    const result = released.json() as ReleaseResult;
    expect(result.releasedOrders).toBe(2);
    expect(((await release()).json() as ReleaseResult).releasedOrders).toBe(0);

    const list = (
      await as(h.manager, 'GET', `/api/fulfilment/pick-lists/${result.pickLists[0]!.id}`)
    ).json() as PickList;
    expect(list.orders.map((o) => o.id)).toEqual([first.id, second.id]);
    expect(list.shelves.map((s) => s.shelf)).toEqual(['A1', 'B2', '—']);
    expect(list.shelves[1]!.items).toEqual([
      expect.objectContaining({
        skuId: h.skus[0]!.id,
        quantity: 3,
        orderNumbers: [Number(first.number), Number(second.number)],
      }),
    ]);
    const [count] = await h.t.ctx.db.query<{ n: number }>(
      'select count(*)::integer as n from pick_list_orders where order_id = any($1)',
      [[first.id, second.id]],
    );
    expect(count!.n).toBe(2);

    // Locked to the warehouse: the staff cancel is refused and changes nothing.
    const cancel = await as(h.manager, 'POST', `/api/orders/${first.id}/cancel`, { reason: 'test' });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().code).toBe('order_locked');
    const lineEdit = await h.t.app.inject({
      method: 'PATCH',
      url: `/api/admin/orders/${first.id}/lines/${first.lines[0]!.id}`,
      headers: { cookie: h.manager },
      payload: { quantity: 1 },
    });
    expect(lineEdit.statusCode).toBe(409);
    expect(lineEdit.json().code).toBe('order_locked');
    const [row] = await h.t.ctx.db.query<{ status: string; lockedById: string }>(
      'select status, locked_by_id as "lockedById" from orders where id = $1',
      [first.id],
    );
    expect(row).toEqual({ status: 'picking', lockedById: `warehouse:${h.loc.CENTRAL}` });
    expect(await eventsFor(first.id)).toContain('order.picking');

    const pdf = await as(h.manager, 'GET', `/api/fulfilment/pick-lists/${list.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    const { sku } = await skuCode(0);
    expect(text).toContain('Hylla A1');
    expect(text).toContain('Hylla —');
    expect(text).toMatch(new RegExp(`${sku}.*3.*${first.number}, ${second.number}`));
  });

  it('two releases at once take different orders (skip locked): each order is released once', async () => {
    const placed = [];
    for (let i = 0; i < 4; i++) placed.push(await placeDeliveryOrder(harness, [[i % 3, 1]]));
    const [one, two, job] = await Promise.all([
      release(),
      release(),
      h.t.app.jobs.runOnce('fulfilment.release'),
    ]);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    expect(job['fulfilment.release']).toBe(0);
    const [row] = await h.t.ctx.db.query<{ lists: number; picking: number }>(
      `select (select count(*)::integer from pick_list_orders where order_id = any($1)) as lists,
              (select count(*)::integer from orders where id = any($1) and status = 'picking') as picking`,
      [placed.map((o) => o.id)],
    );
    expect(row).toEqual({ lists: 4, picking: 4 });
    const released = [one, two].map((a) => (a.json() as ReleaseResult).releasedOrders);
    expect(released[0]! + released[1]!).toBe(4);
  });

  it('packs by scan: right, wrong and extra scans; the last one marks the order packed', async () => {
    const order = await placeDeliveryOrder(harness, [
      [0, 2],
      [1, 1],
    ]);
    const notReleased = await scan(order.id, (await skuCode(0)).sku);
    expect(notReleased.statusCode).toBe(409);
    expect(notReleased.json().code).toBe('invalid_state');
    await release();

    const a = await skuCode(0);
    const b = await skuCode(1);
    const c = await skuCode(2);
    const wrong = await scan(order.id, c.ean ?? c.sku);
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ code: 'scan_refused', errors: [{ field: 'code' }] });
    expect(wrong.json().errors[0].message).toContain(c.ean ?? c.sku);

    expect((await scan(order.id, a.ean ?? a.sku)).statusCode).toBe(200);
    expect((await scan(order.id, a.sku)).statusCode).toBe(200);
    const extra = await scan(order.id, a.sku);
    expect(extra.statusCode).toBe(409);
    expect(extra.json().errors[0].message).toContain('already packed');
    const progress = (
      await as(h.manager, 'GET', `/api/fulfilment/orders/${order.number}/packing`)
    ).json() as Packing;
    expect(progress.lines.map((l) => [l.packed, l.quantity])).toEqual([
      [2, 2],
      [0, 1],
    ]);
    expect(progress.isPacked).toBe(false);
    expect(await isOrderPacked(h.t.ctx.db, order.id)).toBe(false);

    const done = (await scan(order.id, b.sku)).json() as Packing;
    expect(done.isPacked).toBe(true);
    expect(await isOrderPacked(h.t.ctx.db, order.id)).toBe(true);
    expect(await eventsFor(order.id)).toContain('order.updated');
    const [scans] = await h.t.ctx.db.query<{ n: number }>(
      'select count(*)::integer as n from pack_scans where order_id = $1',
      [order.id],
    );
    expect(scans!.n).toBe(3);
    expect((await scan(order.id, b.sku)).statusCode).toBe(409);
  });

  it('prints the packing slip with order number, customer, address and lines', async () => {
    const order = await placeDeliveryOrder(harness, [[1, 2]]);
    const pdf = await as(h.manager, 'GET', `/api/fulfilment/orders/${order.id}/packing-slip.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(`Order ${order.number}`);
    expect(text).toContain('Anna Andersson');
    expect(text).toContain('Storgatan 1');
    expect(text).toContain('111 22 Stockholm');
    expect(text).toContain((await skuCode(1)).sku);
    const unknown = await as(h.manager, 'GET', '/api/fulfilment/orders/ord_nope/packing-slip.pdf');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('orderId');
  });
});
