// Changes after a message went to the 3PL: an order's edited lines and a purchase order's new lines
// go out again as versions, in order after the first message; cancels go once; a refusal (409) is a
// dead letter at once. And the backfill of open orders placed before the connector existed.
import type { AdminOrder, DeadLetter } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { emitEvent } from '../../outbox/emit';
import { callAs } from '../../testing/http-driver';
import { orderMsg, post, runOutbound, useConnectors } from './connectors.harness';
import { placeWmsOrder } from './connectors.testing';

const h = useConnectors();

interface Sent {
  id: number;
  type: string;
  status: string;
  payload: Record<string, unknown>;
}

const outbound = (resource: string) =>
  h.t.ctx.db.query<Sent>(
    `select id::int as id, type, status, payload from connector_messages
      where direction = 'out' and resource = $1 order by id`,
    [resource],
  );

const takenOf = (messageId: unknown) => h.receiver.taken.get(String(messageId));

describe('order changes', () => {
  it('sends edited lines as order.updated versions after order.created, and the cancel once', async () => {
    await runOutbound(h);
    const { order } = await placeWmsOrder(h.base, h.wms, [2, 1]);
    await runOutbound(h);
    const admin = await callAs<AdminOrder>(h.manager, 'GET', `/api/admin/orders/${order.id}`);
    const [first, second] = admin.order.lines;

    // The fan-out sends the lines it finds when it runs: one version per run with a change.
    await callAs(h.manager, 'PATCH', `/api/admin/orders/${order.id}/lines/${first!.id}`, { quantity: 1 });
    await runOutbound(h);
    await callAs(h.manager, 'POST', `/api/admin/orders/${order.id}/lines`, {
      skuId: h.wms.skus[2]!.id,
      quantity: 3,
    });
    await runOutbound(h);
    await callAs(h.manager, 'DELETE', `/api/admin/orders/${order.id}/lines/${second!.id}`);
    // An order.updated that changes no line (a payment, a note) sends nothing.
    await h.t.ctx.db.transaction((tx) =>
      emitEvent(
        tx,
        { type: 'order.updated', aggregateType: 'order', aggregateId: order.id, data: { reason: 'test' } },
        new Date(),
      ),
    );
    await runOutbound(h);

    const sent = await outbound(`order:${order.id}`);
    expect(sent.map((m) => [m.type, m.payload.version ?? 1, m.status])).toEqual([
      ['order.created', 1, 'sent'],
      ['order.updated', 2, 'sent'],
      ['order.updated', 3, 'sent'],
      ['order.updated', 4, 'sent'],
    ]);
    const last = takenOf(sent[3]!.payload.messageId)!;
    expect(last.path).toBe(`/wms/orders/${order.id}/update`);
    expect(last.body).toMatchObject({ type: 'order.updated', orderId: order.id, version: 4 });
    // The whole current lines: the changed first line and the added one, not the removed one.
    expect((last.body.lines as { sku: string; quantity: number }[]).map((l) => [l.sku, l.quantity])).toEqual([
      [h.wms.skus[0]!.sku, 1],
      [h.wms.skus[2]!.sku, 3],
    ]);
    // Sent in order: each POST of the order after the one before it.
    const posted = h.receiver.posts.filter(
      (p) => p.path.includes(order.id) || sent.some((m) => m.payload.messageId === p.messageId),
    );
    const firstPost = (m: Sent) => posted.findIndex((p) => p.messageId === m.payload.messageId);
    expect(sent.map(firstPost)).toEqual([...sent.map(firstPost)].sort((a, b) => a - b));

    await callAs(h.manager, 'POST', `/api/orders/${order.id}/cancel`, { reason: 'Kunden ångrade sig' });
    await runOutbound(h);
    await runOutbound(h);
    const after = await outbound(`order:${order.id}`);
    expect(after.filter((m) => m.type === 'order.cancel')).toHaveLength(1);
    expect(after.filter((m) => m.type === 'order.updated')).toHaveLength(3);
    expect(takenOf(after.at(-1)!.payload.messageId)?.path).toBe(`/wms/orders/${order.id}/cancel`);
  });

  it('files a dead letter at once when the warehouse refuses new lines (409), without retrying', async () => {
    await runOutbound(h);
    const { order } = await placeWmsOrder(h.base, h.wms, [2]);
    await runOutbound(h);
    const admin = await callAs<AdminOrder>(h.manager, 'GET', `/api/admin/orders/${order.id}`);
    h.receiver.refuse = /\/update$/;
    try {
      await callAs(h.manager, 'PATCH', `/api/admin/orders/${order.id}/lines/${admin.order.lines[0]!.id}`, {
        quantity: 1,
      });
      await runOutbound(h);
    } finally {
      h.receiver.refuse = null;
    }
    const update = (await outbound(`order:${order.id}`)).find((m) => m.type === 'order.updated')!;
    expect(update.status).toBe('dead');
    const { items } = await callAs<{ items: DeadLetter[] }>(h.manager, 'GET', '/api/connectors/dead-letters');
    const letter = items.find((l) => l.orderId === order.id)!;
    expect(letter).toMatchObject({ kind: 'wms.outbound', status: 'open' });
    expect(letter.reason).toContain('refused by the warehouse');
  });

  it('sends no update once the 3PL picks: the edit is refused with 409 order_locked', async () => {
    await runOutbound(h);
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    await runOutbound(h);
    expect((await post(h, orderMsg(order.id, 1, 'order.picking'))).status).toBe(200);
    const admin = await callAs<AdminOrder>(h.manager, 'GET', `/api/admin/orders/${order.id}`);
    const res = await h.t.app.inject({
      method: 'POST',
      url: `/api/admin/orders/${order.id}/lines`,
      headers: { cookie: h.manager.cookie },
      payload: { skuId: admin.order.lines[0]!.skuId, quantity: 1 },
    });
    expect(res.statusCode).toBe(409);
    await runOutbound(h);
    expect((await outbound(`order:${order.id}`)).map((m) => m.type)).toEqual(['order.created']);
  });
});

describe('purchase-order changes', () => {
  it('sends new lines or date as delivery.updated versions, nothing for a note, and the close as delivery.cancel', async () => {
    const supplier = await callAs<{ id: string }>(h.manager, 'POST', '/api/suppliers', {
      code: 'SUP-CHG',
      name: 'Ändrings AB',
    });
    let po = await callAs<{ id: string; version: number }>(h.manager, 'POST', '/api/purchase-orders', {
      supplierId: supplier.id,
      locationId: h.wms.locationId,
      expectedOn: '2026-12-20',
      lines: [{ skuId: h.wms.skus[0]!.id, quantity: 10 }],
    });
    await runOutbound(h);
    const put = (body: object) =>
      callAs<{ id: string; version: number }>(h.manager, 'PUT', `/api/purchase-orders/${po.id}`, {
        ...body,
        version: po.version,
      });
    po = await put({
      lines: [
        { skuId: h.wms.skus[0]!.id, quantity: 12 },
        { skuId: h.wms.skus[1]!.id, quantity: 4 },
      ],
    });
    // Each run sends the state it finds: the lines now, the date after.
    await runOutbound(h);
    po = await put({ note: 'Ring innan' });
    po = await put({ expectedOn: '2026-12-22' });
    await runOutbound(h);
    po = await callAs(h.manager, 'POST', `/api/purchase-orders/${po.id}/close`, { version: po.version });
    await runOutbound(h);

    const sent = await outbound(`purchase_order:${po.id}`);
    expect(sent.map((m) => [m.type, m.payload.version ?? null, m.status])).toEqual([
      ['delivery.expected', null, 'sent'],
      ['delivery.updated', 2, 'sent'],
      ['delivery.updated', 3, 'sent'],
      ['delivery.cancel', null, 'sent'],
    ]);
    const v3 = takenOf(sent[2]!.payload.messageId)!;
    expect(v3.path).toBe(`/wms/expected-deliveries/${po.id}/update`);
    expect(v3.body).toMatchObject({
      expectedAt: '2026-12-22',
      lines: [
        { sku: h.wms.skus[0]!.sku, quantity: 12 },
        { sku: h.wms.skus[1]!.sku, quantity: 4 },
      ],
    });
    expect(takenOf(sent[3]!.payload.messageId)?.path).toBe(`/wms/expected-deliveries/${po.id}/cancel`);
  });
});

describe('backfill', () => {
  it('sends the open orders placed before the connector existed, once; again queues nothing', async () => {
    await runOutbound(h);
    const { order: before } = await placeWmsOrder(h.base, h.wms, [1]);
    // As if the connector had never existed: its messages gone, its cursor past the order.
    await h.t.ctx.db.query(`delete from connector_messages where order_id = $1`, [before.id]);
    await h.t.ctx.db.query('update connectors set last_event_id = (select max(id) from outbox_events)');
    const backfill = () =>
      h.t.app.inject({
        method: 'POST',
        url: `/api/connectors/${h.wms.connector.id}/backfill`,
        headers: { cookie: h.manager.cookie },
      });
    // Two at once (two managers, or a double click): the order is queued by one of them only.
    const both = await Promise.all([backfill(), backfill()]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both.map((r) => r.json().queued).sort()).toEqual([0, 1]);
    expect((await backfill()).json()).toEqual({ queued: 0 });
    await runOutbound(h);
    const sent = await outbound(`order:${before.id}`);
    expect(sent.map((m) => [m.type, m.status])).toEqual([['order.created', 'sent']]);
    expect(takenOf(sent[0]!.payload.messageId)?.body).toMatchObject({ orderId: before.id });
    expect((await backfill()).json()).toEqual({ queued: 0 });
  });

  it('after being switched off and on, sends what it missed and nothing twice; an unknown connector is 404', async () => {
    await runOutbound(h);
    const id = h.wms.connector.id;
    const { order: missed } = await placeWmsOrder(h.base, h.wms, [1]);
    await callAs(h.manager, 'PATCH', `/api/connectors/${id}`, { isEnabled: false });
    // Its events were passed over while it was off (e.g. the cursor reset): only the backfill finds it.
    await h.t.ctx.db.query('update connectors set last_event_id = (select max(id) from outbox_events)');
    await callAs(h.manager, 'PATCH', `/api/connectors/${id}`, { isEnabled: true });
    await runOutbound(h);
    expect(await outbound(`order:${missed.id}`)).toEqual([]);
    const result = await callAs<{ queued: number }>(h.manager, 'POST', `/api/connectors/${id}/backfill`);
    expect(result.queued).toBe(1);
    await runOutbound(h);
    expect((await outbound(`order:${missed.id}`)).map((m) => m.status)).toEqual(['sent']);
    expect(
      (await callAs<{ queued: number }>(h.manager, 'POST', `/api/connectors/${id}/backfill`)).queued,
    ).toBe(0);
    const unknown = await h.t.app.inject({
      method: 'POST',
      url: '/api/connectors/con_nope/backfill',
      headers: { cookie: h.manager.cookie },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('id');
  });
});
