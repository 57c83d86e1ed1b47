// Deliveries that fail for good and are redelivered with the same webhook-id, a sender that dies
// between claiming and recording, two processes running the jobs at once (every event fanned out
// and sent exactly once), disabled subscriptions, and the delivery log a page at a time.
import type { WebhookDelivery } from '@handla/api';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { claimDueDeliveries } from './webhooks.deliveries.store';
import { fanOutEvents } from './webhooks.fanout';
import { useDeliveryHarness } from './webhooks.harness';
import { MAX_ATTEMPTS, RETRY_CAP_MS } from './webhooks.send';

const h = useDeliveryHarness();

describe('webhook redelivery and concurrency', () => {
  it('are given up as failed after the last attempt, and a redelivery sends again with the same webhook-id', async () => {
    const subscription = await h.subscribe();
    h.receiver.answer = () => 410;
    await h.emitOrderEvent('ord_gone');
    await h.emitOrderEvent('ord_gone');
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await h.runJobs();
      h.later(RETRY_CAP_MS * 1.2);
    }
    expect(h.receiver.received).toHaveLength(MAX_ATTEMPTS);
    const [second, first] = await h.deliveriesOf(subscription.id);
    expect(first).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    // Failed for good no longer holds the order's next event back.
    h.receiver.answer = () => 200;
    await h.runJobs();
    expect(h.receiver.received).toHaveLength(MAX_ATTEMPTS + 1);
    expect((await h.call('GET', `/api/webhooks/deliveries/${second!.id}`)).json()).toMatchObject({
      status: 'delivered',
    });
    expect((await h.call('GET', `/api/webhooks/${subscription.id}`)).json()).toMatchObject({
      pending: 0,
      failed: 1,
    });

    // Back on the real clock, which the verifier checks the webhook-timestamp against.
    h.restoreClock();
    const redelivered = await h.call('POST', `/api/webhooks/deliveries/${first!.id}/redeliver`);
    expect(redelivered.statusCode).toBe(200);
    expect(redelivered.json()).toMatchObject({ status: 'pending', attempts: MAX_ATTEMPTS });
    expect(await h.runJobs()).toBe(1);
    const last = h.receiver.received.at(-1)!;
    expect(last.headers['webhook-id']).toBe(first!.messageId);
    expect(
      new Webhook(subscription.secret).verify(last.body, last.headers as Record<string, string>),
    ).toBeTruthy();
    expect((await h.call('GET', `/api/webhooks/deliveries/${first!.id}`)).json()).toMatchObject({
      status: 'delivered',
      attempts: MAX_ATTEMPTS + 1,
    });
  });

  it('go out again with the same webhook-id when a sender died between claiming and recording', async () => {
    const subscription = await h.subscribe();
    await h.emitOrderEvent('ord_crash');
    await h.t.app.jobs.runOnce('webhooks.fanout');
    // A process claims the delivery (and may have sent it), then dies before recording anything.
    const [claimed] = await h.t.ctx.db.transaction((tx) =>
      claimDueDeliveries(tx, h.t.ctx.clock(), 10, 60_000),
    );
    expect(claimed!.subscriptionId).toBe(subscription.id);
    expect(await h.runJobs()).toBe(0); // still claimed: nobody else sends it
    h.later(61_000);
    expect(await h.runJobs()).toBe(1);
    expect(h.receiver.received.map((r) => r.headers['webhook-id'])).toEqual([claimed!.messageId]);
    const [delivery] = await h.deliveriesOf(subscription.id, 'delivered');
    expect(delivery).toMatchObject({ attempts: 2, messageId: claimed!.messageId });
  });

  it('are fanned out exactly once when two processes run the jobs at once', async () => {
    const subscription = await h.subscribe();
    for (let i = 0; i < 30; i++) await h.emitOrderEvent(`ord_c${i % 4}`);
    const now = h.t.ctx.clock();
    const made = await Promise.all([
      fanOutEvents(h.t.ctx, now),
      fanOutEvents(h.t.ctx, now),
      fanOutEvents(h.t.ctx, now),
    ]);
    expect(made.reduce((a, b) => a + b, 0)).toBe(30);
    await Promise.all([h.t.app.jobs.runOnce('webhooks.send'), h.t.app.jobs.runOnce('webhooks.send')]);
    await h.runJobs();
    expect(new Set(h.receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(30);
    expect(h.receiver.received).toHaveLength(30);
    expect(await h.deliveriesOf(subscription.id, 'delivered')).toHaveLength(30);
  });

  it('skip a disabled subscription, which listens again from the moment it is enabled', async () => {
    const subscription = await h.subscribe();
    await h.call('PATCH', `/api/webhooks/${subscription.id}`, { isActive: false });
    await h.emitOrderEvent('ord_off');
    await h.runJobs();
    await h.call('PATCH', `/api/webhooks/${subscription.id}`, { isActive: true });
    await h.emitOrderEvent('ord_on');
    await h.runJobs();
    expect(h.receiver.received.map((r) => JSON.parse(r.body).data.orderId)).toEqual(['ord_on']);
  });

  it('list the log a page at a time with a cursor', async () => {
    const subscription = await h.subscribe();
    for (let i = 0; i < 5; i++) await h.emitOrderEvent(`ord_p${i}`);
    await h.runJobs();
    const first = (await h.call('GET', `/api/webhooks/${subscription.id}/deliveries?limit=3`)).json();
    expect(first.items).toHaveLength(3);
    const next = (
      await h.call('GET', `/api/webhooks/${subscription.id}/deliveries?limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect(next).toMatchObject({ nextCursor: null });
    const eventIds = [...first.items, ...next.items].map((d: WebhookDelivery) => Number(d.eventId));
    expect(eventIds).toHaveLength(5);
    expect(eventIds).toEqual([...eventIds].sort((a, b) => b - a));
  });
});
