import { describe, expect, it } from 'vitest';
import { useStockHttp } from './inventory.http-harness';

const { h, loc, sku, send, post, get, onHand, eventsFor } = useStockHttp();

describe('transfers', () => {
  it('goes draft → sent (in transit) → received, recording a difference on arrival', async () => {
    const [mug, coffee] = [sku['KO-MUG']!, sku['LV-KAF']!];
    const before = {
      central: [await onHand(mug, loc.CENTRAL!), await onHand(coffee, loc.CENTRAL!)],
      store: [await onHand(mug, loc['STHLM-BUTIK']!), await onHand(coffee, loc['STHLM-BUTIK']!)],
    };
    const created = await post('/api/stock/transfers', {
      fromLocationId: loc.CENTRAL,
      toLocationId: loc['STHLM-BUTIK'],
      lines: [
        { skuId: mug, quantity: 6 },
        { skuId: coffee, quantity: 4 },
      ],
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    expect(await onHand(mug, loc.CENTRAL!)).toBe(before.central[0]);

    const sent = (await post(`/api/stock/transfers/${draft.id}/send`, { version: 1 })).json();
    expect(sent).toMatchObject({ status: 'sent', version: 2 });
    expect(await onHand(mug, loc.CENTRAL!)).toBe(before.central[0]! - 6);
    expect(await onHand(mug, loc['STHLM-BUTIK']!)).toBe(before.store[0]);

    // The Stockholm cashier unpacks it: one mug broke on the way.
    const received = await post(
      `/api/stock/transfers/${draft.id}/receive`,
      {
        version: 2,
        lines: [
          { skuId: mug, receivedQuantity: 5 },
          { skuId: coffee, receivedQuantity: 4 },
        ],
      },
      h.cashier,
    );
    expect(received.statusCode).toBe(200);
    expect(received.json().status).toBe('received');
    expect(received.json().lines).toContainEqual({
      skuId: mug,
      quantity: 6,
      receivedQuantity: 5,
      difference: -1,
    });
    expect(await onHand(mug, loc['STHLM-BUTIK']!)).toBe(before.store[0]! + 5);
    expect(await onHand(coffee, loc['STHLM-BUTIK']!)).toBe(before.store[1]! + 4);
    expect(await eventsFor(draft.id)).toEqual(['transfer.created', 'transfer.sent', 'transfer.received']);
    const [event] = await h.t.ctx.db.query<{ data: { differences: unknown[] } }>(
      `select data from outbox_events where aggregate_id = $1 and type = 'transfer.received'`,
      [draft.id],
    );
    expect(event!.data.differences).toEqual([
      { skuId: mug, sentQuantity: 6, receivedQuantity: 5, difference: -1 },
    ]);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const draft = (
      await post('/api/stock/transfers', {
        fromLocationId: loc.CENTRAL,
        toLocationId: loc['GBG-BUTIK'],
        lines: [{ skuId: sku['LV-ESP'], quantity: 2 }],
      })
    ).json();
    const edited = await send('PUT', `/api/stock/transfers/${draft.id}`, { version: 1, note: 'Till helgen' });
    expect(edited.json()).toMatchObject({ version: 2, note: 'Till helgen' });
    const central = await onHand(sku['LV-ESP']!, loc.CENTRAL!);
    const events = await eventsFor(draft.id);

    const staleEdit = await send('PUT', `/api/stock/transfers/${draft.id}`, {
      version: 1,
      lines: [{ skuId: sku['LV-ESP'], quantity: 9 }],
    });
    const staleSend = await post(`/api/stock/transfers/${draft.id}/send`, { version: 1 });
    for (const response of [staleEdit, staleSend]) {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'version_conflict', errors: [{ field: 'version' }] });
    }
    expect((await get(`/api/stock/transfers/${draft.id}`)).json()).toEqual(edited.json());
    expect(await onHand(sku['LV-ESP']!, loc.CENTRAL!)).toBe(central);
    expect(await eventsFor(draft.id)).toEqual(events);
  });

  it('refuses impossible moves and bad lines, naming the field', async () => {
    const badLines = await post('/api/stock/transfers', {
      fromLocationId: loc.CENTRAL,
      toLocationId: loc.CENTRAL,
      lines: [{ skuId: sku['LV-ESP'], quantity: 1 }],
    });
    expect(badLines.json().errors[0].field).toBe('toLocationId');
    const twice = await post('/api/stock/transfers', {
      fromLocationId: loc.CENTRAL,
      toLocationId: loc['GBG-BUTIK'],
      lines: [
        { skuId: sku['LV-ESP'], quantity: 1 },
        { skuId: sku['LV-ESP'], quantity: 2 },
      ],
    });
    expect(twice.json().errors[0].field).toBe('lines.1.skuId');
    const draft = (
      await post('/api/stock/transfers', {
        fromLocationId: loc['GBG-BUTIK'],
        toLocationId: loc.CENTRAL,
        lines: [{ skuId: sku['LV-ESP'], quantity: 1000 }],
      })
    ).json();
    const tooMuch = await post(`/api/stock/transfers/${draft.id}/send`, { version: 1 });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json()).toMatchObject({
      code: 'insufficient_stock',
      errors: [{ field: 'lines.0.quantity' }],
    });
    const early = await post(`/api/stock/transfers/${draft.id}/receive`, { version: 1 });
    expect(early.json()).toMatchObject({ code: 'invalid_state' });
    expect((await post(`/api/stock/transfers/${draft.id}/cancel`, { version: 1 })).json().status).toBe(
      'cancelled',
    );
    expect((await post(`/api/stock/transfers/${draft.id}/send`, {}, h.cashier)).statusCode).toBe(403);
  });
});

describe('stock counts', () => {
  it('snapshots on-hand, takes counts from a cashier, and books the differences in one step on completion', async () => {
    const [mug, kanna] = [sku['KO-MUG']!, sku['KO-KAN']!];
    const store = loc['STHLM-BUTIK']!;
    const opened = await post('/api/stock/counts', { locationId: store, skuIds: [mug, kanna] }, h.cashier);
    expect(opened.statusCode).toBe(201);
    const sheet = opened.json();
    const expected = Object.fromEntries(
      sheet.lines.map((l: { skuId: string; expectedOnHand: number }) => [l.skuId, l.expectedOnHand]),
    );
    expect(expected[mug]).toBe(await onHand(mug, store));

    const again = await post('/api/stock/counts', { locationId: store }, h.cashier);
    expect(again.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'locationId' }] });
    expect((await post('/api/stock/counts', { locationId: loc['GBG-BUTIK'] }, h.cashier)).statusCode).toBe(
      403,
    );

    const counted = await send(
      'PUT',
      `/api/stock/counts/${sheet.id}/lines`,
      {
        version: 1,
        lines: [
          { skuId: mug, countedQuantity: expected[mug] + 2 },
          { skuId: kanna, countedQuantity: expected[kanna] },
        ],
      },
      h.cashier,
    );
    expect(counted.json().version).toBe(2);
    expect((await post(`/api/stock/counts/${sheet.id}/complete`, { version: 2 }, h.cashier)).statusCode).toBe(
      403,
    );
    const stale = await post(`/api/stock/counts/${sheet.id}/complete`, { version: 1 });
    expect(stale.statusCode).toBe(409);

    const mugBefore = await onHand(mug, store);
    const completed = await post(`/api/stock/counts/${sheet.id}/complete`, { version: 2 });
    expect(completed.json()).toMatchObject({ status: 'completed', version: 3 });
    expect(await onHand(mug, store)).toBe(mugBefore + 2);
    const booked = await h.t.ctx.db.query<{ sku_id: string; kind: string; quantity: number }>(
      'select sku_id, kind, quantity from stock_movements where reference = $1',
      [sheet.id],
    );
    expect(booked).toEqual([{ sku_id: mug, kind: 'count', quantity: 2 }]);
    expect(await eventsFor(sheet.id)).toEqual([
      'stock_count.opened',
      'stock_count.updated',
      'stock_count.completed',
    ]);
    expect((await post(`/api/stock/counts/${sheet.id}/complete`, { version: 3 })).json().code).toBe(
      'invalid_state',
    );
  });
});
