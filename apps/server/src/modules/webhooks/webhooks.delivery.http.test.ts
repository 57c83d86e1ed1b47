// Deliveries to a real local receiver: signed so the official standardwebhooks verifier accepts
// them (and rejects a tampered body), carrying what a real change announced, in order per resource
// when the receiver fails, and nothing lost when it is down and comes back.
import type { WebhookDeliveryDetail } from '@handla/api';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { emitEvent } from '../../outbox/emit';
import { signIn } from '../../testing/test-app';
import { stepsOf, useDeliveryHarness } from './webhooks.harness';
import { FIRST_RETRY_MS, RETRY_CAP_MS } from './webhooks.send';

const h = useDeliveryHarness();

describe('webhook deliveries', () => {
  it('are signed so the standardwebhooks library verifies them, and a tampered body is rejected', async () => {
    const subscription = await h.subscribe(['order.*']);
    await h.emitOrderEvent('ord_sig', 'order.placed');
    await h.t.ctx.db.transaction((tx) =>
      emitEvent(
        tx,
        { type: 'stock.changed', aggregateType: 'stock_level', aggregateId: 's:l', data: {} },
        h.t.ctx.clock(),
      ),
    );
    expect(await h.runJobs()).toBe(1);

    const [got] = h.receiver.received;
    expect(h.receiver.received).toHaveLength(1);
    const headers = got!.headers as Record<string, string>;
    expect(headers['webhook-id']).toMatch(/^msg_/);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const webhook = new Webhook(subscription.secret);
    expect(webhook.verify(got!.body, headers)).toMatchObject({
      type: 'order.placed',
      timestamp: expect.any(String),
      data: { orderId: 'ord_sig', aggregateType: 'order', aggregateId: 'ord_sig' },
    });
    expect(() => webhook.verify(got!.body.replace('ord_sig', 'ord_xxx'), headers)).toThrow();
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(got!.body, headers),
    ).toThrow();

    const [delivery] = await h.deliveriesOf(subscription.id);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      messageId: headers['webhook-id'],
    });
    const detail = (
      await h.call('GET', `/api/webhooks/deliveries/${delivery!.id}`)
    ).json() as WebhookDeliveryDetail;
    expect(detail.payload).toEqual(JSON.parse(got!.body));
    expect(detail.attemptLog).toEqual([
      {
        at: expect.any(String),
        statusCode: 200,
        error: null,
        durationMs: expect.any(Number),
        responseBody: 'ok',
      },
    ]);
  });

  it('carry what a real change announces: a stock adjustment over the API arrives as stock.changed', async () => {
    const subscription = await h.subscribe(['stock.changed']);
    h.receiver.answer = () => 200;
    const cookie = await signIn(h.t.app, 'manager');
    const [level] = await h.t.ctx.db.query<{ skuId: string; locationId: string }>(
      `select sku_id as "skuId", location_id as "locationId" from stock_levels order by sku_id limit 1`,
    );
    const adjusted = await h.t.app.inject({
      method: 'POST',
      url: '/api/stock/adjustments',
      headers: { cookie },
      payload: { ...level, quantity: 2, reason: 'Hittade två' },
    });
    expect(adjusted.statusCode, adjusted.body).toBe(201);
    await h.runJobs();
    expect(h.receiver.received).toHaveLength(1);
    const event = new Webhook(subscription.secret).verify(
      h.receiver.received[0]!.body,
      h.receiver.received[0]!.headers as Record<string, string>,
    );
    expect(event).toMatchObject({
      type: 'stock.changed',
      data: { skuId: level!.skuId, locationId: level!.locationId },
    });
  });

  it('log the first 2,000 characters of an answer', async () => {
    const subscription = await h.subscribe();
    h.receiver.answer = () => ({ status: 422, body: 'å'.repeat(50_000) });
    await h.emitOrderEvent('ord_long');
    await h.runJobs();
    const [delivery] = await h.deliveriesOf(subscription.id);
    const detail = (
      await h.call('GET', `/api/webhooks/deliveries/${delivery!.id}`)
    ).json() as WebhookDeliveryDetail;
    expect(detail.attemptLog[0]).toMatchObject({
      statusCode: 422,
      error: 'HTTP 422',
      responseBody: 'å'.repeat(2000),
    });
  });

  it('start with the events after the subscription was made', async () => {
    await h.emitOrderEvent('ord_before');
    await h.subscribe();
    await h.emitOrderEvent('ord_after');
    await h.runJobs();
    expect(h.receiver.received.map((r) => JSON.parse(r.body).data.orderId)).toEqual(['ord_after']);
  });

  it('keep each resource in order: event 2 of an order waits while event 1 is being retried', async () => {
    const subscription = await h.subscribe();
    const first = await h.emitOrderEvent('ord_a');
    await h.emitOrderEvent('ord_a');
    await h.emitOrderEvent('ord_b');
    h.receiver.answer = ({ body }) => (JSON.parse(body).data.eventId === String(first) ? 500 : 200);
    await h.runJobs();
    // ord_a's first event failed; its second is held back; ord_b is not held up by ord_a.
    expect(h.receiver.received.map((r) => [JSON.parse(r.body).data.orderId, r.status])).toEqual([
      ['ord_a', 500],
      ['ord_b', 200],
    ]);
    const [, , failedOne] = await h.deliveriesOf(subscription.id);
    expect(failedOne).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
    });

    // Not yet due: nothing goes.
    h.later(FIRST_RETRY_MS * 0.5);
    await h.runJobs();
    expect(h.receiver.received).toHaveLength(2);

    h.receiver.answer = () => 200;
    h.later(FIRST_RETRY_MS);
    expect(await h.runJobs()).toBe(2);
    const forA = h.receiver.received.filter((r) => JSON.parse(r.body).data.orderId === 'ord_a');
    expect(stepsOf(forA)).toEqual([stepsOf(forA)[0], stepsOf(forA)[0], stepsOf(forA)[0]! + 1]);
    expect(forA[0]!.headers['webhook-id']).toBe(forA[1]!.headers['webhook-id']);
    const detail = (
      await h.call('GET', `/api/webhooks/deliveries/${failedOne!.id}`)
    ).json() as WebhookDeliveryDetail;
    expect(detail.attemptLog.map((a) => [a.statusCode, a.responseBody])).toEqual([
      [500, 'not now'],
      [200, 'ok'],
    ]);
  });

  it('lose nothing while the receiver is down: everything arrives when it is back, repeats only with the same webhook-id', async () => {
    const subscription = await h.subscribe(['order.*', 'stock.changed']);
    await h.receiver.down();
    const orders = ['ord_x', 'ord_y', 'ord_z'];
    for (let i = 0; i < 12; i++) await h.emitOrderEvent(orders[i % 3]!);
    expect(await h.runJobs()).toBe(0);
    const waiting = await h.deliveriesOf(subscription.id, 'retrying');
    expect(waiting).toHaveLength(3); // the first event of each order; the rest wait behind them
    expect(waiting[0]!.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    // Still down at the next two retries.
    for (let i = 0; i < 2; i++) {
      h.later(RETRY_CAP_MS * 1.2);
      expect(await h.runJobs()).toBe(0);
    }
    for (let i = 0; i < 5; i++) await h.emitOrderEvent(orders[i % 3]!);

    await h.receiver.up();
    h.later(RETRY_CAP_MS * 1.2);
    expect(await h.runJobs()).toBe(17);
    const ids = h.receiver.received.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(17);
    for (const orderId of orders) {
      const steps = stepsOf(h.receiver.received.filter((r) => JSON.parse(r.body).data.orderId === orderId));
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
    }
    expect(await h.deliveriesOf(subscription.id, 'delivered')).toHaveLength(17);
    const listed = (await h.call('GET', `/api/webhooks/${subscription.id}`)).json();
    expect(listed).toMatchObject({ pending: 0, failed: 0 });
  });
});
