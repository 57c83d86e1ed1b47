import type { Connector, DeadLetter } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { callAs } from '../../testing/http-driver';
import { orderMsg, post, runOutbound, useConnectors } from './connectors.harness';
import { placeWmsOrder, postWmsMessages } from './connectors.testing';
import { CONNECTOR_RETRY } from './http-sender';

const h = useConnectors();

const count = async (sql: string, params: unknown[] = []) =>
  Number((await h.t.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0]!.n);

describe('connector config', () => {
  it('shows the secret once, lists without it, and refuses a location that is not a third party', async () => {
    expect(h.wms.connector.secret).toMatch(/^whsec_/);
    const { items } = await callAs<{ items: Connector[] }>(h.manager, 'GET', '/api/connectors');
    expect(items).toHaveLength(1);
    expect(items[0]).not.toHaveProperty('secret');
    expect(items[0]).toMatchObject({ kind: '3pl', isEnabled: true, isHomeDelivery: true });

    const [central] = await h.t.ctx.db.query<{ id: string }>(
      "select id from locations where code = 'CENTRAL'",
    );
    const res = await h.t.app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: { cookie: h.manager.cookie },
      payload: { locationId: central!.id, baseUrl: 'http://127.0.0.1:9/x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('locationId');
    const cashier = await h.t.app.inject({ method: 'GET', url: '/api/connectors' });
    expect(cashier.statusCode).toBe(401);
  });

  it('documents the connector routes and the inbound contract in the OpenAPI file', async () => {
    const doc = (await h.t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/connectors',
        '/api/connectors/{id}/messages',
        '/api/connectors/dead-letters',
      ]),
    );
  });

  it('switches a connector off (inbound refused, nothing sent) and on again; a bad URL is 400', async () => {
    const id = h.wms.connector.id;
    const patch = (payload: object) =>
      h.t.app.inject({
        method: 'PATCH',
        url: `/api/connectors/${id}`,
        headers: { cookie: h.manager.cookie },
        payload,
      });
    const bad = await patch({ baseUrl: 'ftp://nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('baseUrl');
    expect((await patch({ isEnabled: false })).json()).toMatchObject({ isEnabled: false });
    const refused = await post(h, orderMsg('ord_any', 1, 'order.received'));
    expect(refused.status).toBe(409);
    expect((await patch({ isEnabled: true })).json()).toMatchObject({ isEnabled: true });
  });

  it('routes home deliveries to the 3PL location', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    const [row] = await h.t.ctx.db.query<{ locationId: string }>(
      'select location_id as "locationId" from orders where id = $1',
      [order.id],
    );
    expect(row!.locationId).toBe(h.wms.locationId);
  });
});

describe('inbound authentication and validation', () => {
  it('refuses a wrong signature with 401 and records nothing', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    const before = await count("connector_messages where direction = 'in'");
    const res = await postWmsMessages(
      h.base,
      h.wms.connector,
      orderMsg(order.id, 1, 'order.received') as never,
      {
        secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
      },
    );
    expect(res.status).toBe(401);
    expect(await count("connector_messages where direction = 'in'")).toBe(before);
  });

  it('answers a bad body with 400 naming the field, and applies nothing', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    const inBefore = await count("connector_messages where direction = 'in'");
    const res = await post(h, {
      messageId: 'bad-1',
      type: 'order.shipped',
      orderId: order.id,
      sequence: 1,
      occurredAt: new Date().toISOString(),
      trackingNumber: 'T1',
      lines: [{ sku: h.wms.skus[0]!.sku, quantity: 0 }],
    });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([expect.objectContaining({ field: 'lines[0].quantity' })]);
    const unknownType = await post(h, { messages: [{ messageId: 'x', type: 'order.teleported' }] });
    expect(unknownType.status).toBe(400);
    expect((unknownType.json.errors as { field: string }[])[0]!.field).toMatch(/^messages\[0\]/);
    expect(await count("connector_messages where direction = 'in'")).toBe(inBefore);
  });
});

describe('large bodies', () => {
  it('takes a full stock snapshot beyond the 1 MiB default body limit', async () => {
    const items = Array.from({ length: 40_000 }, (_, i) => ({ sku: `UNKNOWN-${i}`, quantity: 1 }));
    const res = await post(h, {
      messageId: 'big-1',
      type: 'stock.snapshot',
      occurredAt: new Date().toISOString(),
      items,
    });
    // Read and checked (not 413): the first SKU is unknown.
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([expect.objectContaining({ field: 'items[0].sku' })]);
  });
});

describe('outbound', () => {
  it('sends a paid order once with carrier codes, through a warehouse that fails first', async () => {
    await runOutbound(h); // what earlier tests queued
    const { order } = await placeWmsOrder(h.base, h.wms, [2, 1]);
    h.receiver.failNext = 1;
    await runOutbound(h);
    const sentTo = () => h.receiver.posts.filter((p) => p.path === '/wms/orders');
    const first = sentTo().at(-1)!;
    expect(first.isSigned).toBe(true);
    const status = async () =>
      (
        await h.t.ctx.db.query<{ status: string; attempts: number }>(
          `select status, attempts from connector_messages where direction = 'out' and order_id = $1`,
          [order.id],
        )
      )[0]!;
    expect(await status()).toMatchObject({ status: 'retrying', attempts: 1 });
    h.advance(CONNECTOR_RETRY.firstRetryMs * 2);
    await runOutbound(h);
    expect(await status()).toMatchObject({ status: 'sent', attempts: 2 });
    // Two POSTs with one webhook-id: the warehouse took it once.
    const posts = sentTo().filter((p) => p.messageId === first.messageId);
    expect(posts).toHaveLength(2);
    const taken = h.receiver.taken.get(first.messageId)!.body;
    expect(taken).toMatchObject({
      type: 'order.created',
      orderId: order.id,
      orderNumber: Number(order.number),
      carrier: { carrierCode: 'PostNord', serviceCode: expect.any(String) },
      shipTo: { city: 'Göteborg', country: 'SE' },
    });
    expect((taken.lines as { quantity: number }[]).map((l) => l.quantity)).toEqual([2, 1]);
    // Sent again by nobody: a second run finds nothing to do.
    await runOutbound(h);
    expect(sentTo().filter((p) => p.messageId === first.messageId)).toHaveLength(2);
    const timeline = await callAs<{ items: { type: string; summary: string }[] }>(
      h.manager,
      'GET',
      `/api/admin/orders/${order.id}/timeline`,
    );
    expect(timeline.items.map((i) => i.type)).toContain('connector.message_sent');
  });

  it('gives a message up as a dead letter after the last attempt, and a retry sends it', async () => {
    await runOutbound(h);
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    h.receiver.isDown = true;
    for (let i = 0; i < CONNECTOR_RETRY.maxAttempts; i++) {
      await runOutbound(h);
      // Due again now (moving the clock hours ahead would put signatures out of their tolerance).
      await h.t.ctx.db.query(
        `update connector_messages set next_attempt_at = now() - interval '1 hour' where order_id = $1`,
        [order.id],
      );
    }
    const [row] = await h.t.ctx.db.query<{ status: string; messageId: string }>(
      `select status, message_id as "messageId" from connector_messages where direction = 'out' and order_id = $1`,
      [order.id],
    );
    expect(row!.status).toBe('dead');
    const { items } = await callAs<{ items: DeadLetter[] }>(h.manager, 'GET', '/api/connectors/dead-letters');
    const letter = items.find((l) => l.orderId === order.id)!;
    expect(letter).toMatchObject({ kind: 'wms.outbound', status: 'open' });
    expect(h.receiver.taken.has(row!.messageId)).toBe(false);

    const stillDown = await callAs<DeadLetter>(
      h.manager,
      'POST',
      `/api/connectors/dead-letters/${letter.id}/retry`,
    );
    expect(stillDown).toMatchObject({ status: 'open', retries: 1 });
    h.receiver.isDown = false;
    const retried = await callAs<DeadLetter>(
      h.manager,
      'POST',
      `/api/connectors/dead-letters/${letter.id}/retry`,
    );
    expect(retried.status).toBe('resolved');
    expect(h.receiver.taken.get(row!.messageId)?.body).toMatchObject({ orderId: order.id });
  });

  it('sends an expected delivery for a purchase order to the 3PL location', async () => {
    const supplier = await callAs<{ id: string }>(h.manager, 'POST', '/api/suppliers', {
      code: 'SUP-3PL',
      name: 'Leverantör AB',
    });
    const po = await callAs<{ id: string }>(h.manager, 'POST', '/api/purchase-orders', {
      supplierId: supplier.id,
      locationId: h.wms.locationId,
      expectedOn: '2026-12-20',
      lines: [{ skuId: h.wms.skus[0]!.id, quantity: 10 }],
    });
    await runOutbound(h);
    const taken = [...h.receiver.taken.values()].find((m) => m.path === '/wms/expected-deliveries')!;
    expect(taken.body).toMatchObject({
      type: 'delivery.expected',
      purchaseOrderId: po.id,
      lines: [{ sku: h.wms.skus[0]!.sku, quantity: 10 }],
    });
  });
});
