import { describe, expect, it } from 'vitest';
import { useStockHttp } from './inventory.http-harness';

const { h, loc, sku, send, post, get, onHand, eventsFor } = useStockHttp();

describe('purchase orders', () => {
  it('records partial, over- and under-delivery as deviations and moves through its statuses', async () => {
    const supplier = await post('/api/suppliers', { code: 'TEHUSET', name: 'Tehuset AB', leadTimeDays: 3 });
    expect(supplier.statusCode).toBe(201);
    expect((await post('/api/suppliers', { code: 'TEHUSET', name: 'Igen' })).json().errors[0].field).toBe(
      'code',
    );
    const [espresso, lin] = [sku['LV-ESP']!, sku['LV-LIN']!];
    const created = await post('/api/purchase-orders', {
      supplierId: supplier.json().id,
      locationId: loc.CENTRAL,
      expectedOn: '2030-03-01',
      lines: [
        { skuId: espresso, quantity: 10 },
        { skuId: lin, quantity: 5 },
      ],
    });
    expect(created.statusCode).toBe(201);
    const order = created.json();
    expect(order).toMatchObject({ status: 'open', expectedOn: '2030-03-01', version: 1 });
    const before = await onHand(espresso, loc.CENTRAL!);
    // Cashiers receive deliveries at their own store only; the central warehouse is not one.
    const byCashier = await post(
      `/api/purchase-orders/${order.id}/receipts`,
      { version: 1, lines: [{ skuId: espresso, quantity: 1 }] },
      h.cashier,
    );
    expect(byCashier.statusCode).toBe(403);
    expect((await post('/api/purchase-orders', { ...order, lines: [] }, h.cashier)).statusCode).toBe(403);

    const partial = (
      await post(`/api/purchase-orders/${order.id}/receipts`, {
        version: 1,
        lines: [{ skuId: espresso, quantity: 4 }],
      })
    ).json();
    expect(partial).toMatchObject({ status: 'partially_received', version: 2, deviations: [] });

    const last = await post(`/api/purchase-orders/${order.id}/receipts`, {
      version: 2,
      lines: [
        { skuId: espresso, quantity: 8 },
        { skuId: lin, quantity: 3 },
      ],
      isFinal: true,
    });
    expect(last.statusCode).toBe(200);
    expect(last.json().status).toBe('received');
    expect(
      last
        .json()
        .deviations.map((d: { skuId: string; kind: string; quantity: number }) => [
          d.skuId,
          d.kind,
          d.quantity,
        ]),
    ).toEqual([
      [espresso, 'over', 2],
      [lin, 'under', 2],
    ]);
    expect(last.json().lines).toContainEqual({
      skuId: espresso,
      orderedQuantity: 10,
      receivedQuantity: 12,
      outstandingQuantity: 0,
    });
    expect(await onHand(espresso, loc.CENTRAL!)).toBe(before + 12);
    expect(
      (
        await post(`/api/purchase-orders/${order.id}/receipts`, {
          version: 3,
          lines: [{ skuId: lin, quantity: 1 }],
        })
      ).json().code,
    ).toBe('invalid_state');
    expect((await post(`/api/purchase-orders/${order.id}/close`, { version: 3 })).json().status).toBe(
      'closed',
    );
    expect(await eventsFor(order.id)).toEqual([
      'purchase_order.created',
      'purchase_order.received',
      'purchase_order.received',
      'purchase_order.closed',
    ]);
  });

  it('lists the demo’s open order with its expected date, and refuses bad dates and stale edits', async () => {
    const open = (await get('/api/purchase-orders?status=open')).json();
    expect(open.items.length).toBeGreaterThan(0);
    const demo = open.items.at(-1);
    expect(demo.expectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const badDate = await send('PUT', `/api/purchase-orders/${demo.id}`, {
      version: demo.version,
      expectedOn: '2030-02-30',
    });
    expect(badDate.json().errors[0].field).toBe('expectedOn');
    const moved = await send('PUT', `/api/purchase-orders/${demo.id}`, {
      version: demo.version,
      expectedOn: '2030-04-01',
    });
    expect(moved.json()).toMatchObject({ expectedOn: '2030-04-01', version: demo.version + 1 });
    const stale = await send('PUT', `/api/purchase-orders/${demo.id}`, {
      version: demo.version,
      note: 'Sent',
    });
    expect(stale.statusCode).toBe(409);
    expect((await get(`/api/purchase-orders/${demo.id}`)).json()).toEqual(moved.json());
  });
});

describe('replenishment', () => {
  it('suggests ordering up to max where available + incoming is at or below min', async () => {
    const store = loc['GBG-BUTIK']!;
    const towel = sku['TX-KOK']!;
    const available = await onHand(towel, store);
    const rules = await send('PUT', `/api/stock/locations/${store}/replenishment-rules`, {
      rules: [{ skuId: towel, minQuantity: available + 1, maxQuantity: available + 10 }],
    });
    expect(rules.statusCode).toBe(200);
    const [storeRow] = await h.t.ctx.db.query<{ store_id: string }>(
      'select store_id from locations where id = $1',
      [store],
    );
    const suggestions = (
      await get(`/api/stock/stores/${storeRow!.store_id}/replenishment-suggestions?days=28&leadTimeDays=0`)
    ).json();
    expect(suggestions.items[0]).toMatchObject({
      skuId: towel,
      available,
      incoming: 0,
      suggestedQuantity: 10,
    });
    expect(suggestions.items).toHaveLength(1);

    const bad = await send('PUT', `/api/stock/locations/${store}/replenishment-rules`, {
      rules: [{ skuId: towel, minQuantity: 5, maxQuantity: 2 }],
    });
    expect(bad.json().errors[0].field).toBe('rules.0.maxQuantity');
    expect((await get('/api/stock/stores/sto_nope/replenishment-suggestions')).statusCode).toBe(404);
  });

  it('has min/max rules for both demo stores', async () => {
    const rules = (await get(`/api/stock/locations/${loc['STHLM-BUTIK']}/replenishment-rules`)).json();
    expect(rules.items.length).toBeGreaterThanOrEqual(5);
  });
});

describe('the contract', () => {
  it('documents the stock endpoints in the OpenAPI document', async () => {
    const doc = (await h.t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/stock/levels',
      '/api/stock/reservations',
      '/api/stock/transfers/{id}/receive',
      '/api/stock/counts/{id}/complete',
      '/api/purchase-orders/{id}/receipts',
      '/api/stock/skus/{skuId}/locations',
      '/api/locations',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });
});
