// Test harness for the delivery tests: an app with an API key that may manage webhooks, a fresh
// receiver per subscription, order events written to the outbox, the two jobs, and a movable clock.
// An API key rather than a session: sessions expire while the tests move the clock by days.
import type { WebhookDelivery, WebhookWithSecret } from '@handla/api';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { emitEvent, type NewEvent } from '../../outbox/emit';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import { type Received, startTestReceiver, type TestReceiver } from './webhooks.fixture';

/** The order-event steps as the receiver got them. */
export const stepsOf = (received: Received[]) => received.map((r) => JSON.parse(r.body).data.step as number);

/** Registers the hooks of a test file and returns its helpers. */
export function useDeliveryHarness() {
  let t: TestApp;
  let apiKey: string;
  let receiver: TestReceiver | undefined;
  let realClock: () => Date;
  let counter = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const manager = await signIn(t.app, 'manager');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { cookie: manager },
      payload: { name: 'ERP', scopes: ['webhooks:manage'] },
    });
    apiKey = `Bearer ${created.json().secret}`;
    realClock = t.ctx.clock;
  });
  afterEach(async () => {
    t.ctx.clock = realClock;
    // Each test's subscription goes with it, so its deliveries do not reach the next test's receiver.
    await t.ctx.db.query('delete from webhook_subscriptions');
    await receiver?.close();
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: apiKey }, ...(payload ? { payload } : {}) });
  return {
    get t() {
      return t;
    },
    get receiver() {
      return receiver!;
    },
    call,
    /** A new receiver, and a subscription of it to `eventTypes`. */
    async subscribe(eventTypes: string[] = ['order.*']): Promise<WebhookWithSecret> {
      receiver = await startTestReceiver();
      const response = await call('POST', '/api/webhooks', { url: receiver.url, eventTypes });
      expect(response.statusCode).toBe(201);
      return response.json();
    },
    /** Emits an order event the way a service does: an outbox row in a transaction. */
    async emitOrderEvent(orderId: string, type: NewEvent['type'] = 'order.updated') {
      counter += 1;
      const event: NewEvent = {
        type,
        aggregateType: 'order',
        aggregateId: orderId,
        data: { orderId, step: counter },
      };
      return t.ctx.db.transaction((tx) => emitEvent(tx, event, t.ctx.clock()));
    },
    /** Fans out, then sends; returns how many were delivered. */
    async runJobs() {
      await t.app.jobs.runOnce('webhooks.fanout');
      return (await t.app.jobs.runOnce('webhooks.send'))['webhooks.send']!;
    },
    /** Moves the app's clock forward; jobs read it. */
    later(ms: number) {
      const at = new Date(t.ctx.clock().getTime() + ms);
      t.ctx.clock = () => at;
    },
    /** Back on the real clock, which the verifier checks webhook-timestamp against. */
    restoreClock() {
      t.ctx.clock = realClock;
    },
    async deliveriesOf(id: string, status = '') {
      const query = `limit=200${status ? `&status=${status}` : ''}`;
      return (await call('GET', `/api/webhooks/${id}/deliveries?${query}`)).json().items as WebhookDelivery[];
    },
  };
}
