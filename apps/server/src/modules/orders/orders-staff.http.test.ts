// Staff's side of web orders (list, look at, ready, cancel) and the expiry of unpaid orders.
import type { CheckoutResult, Order } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { installPaymentProviders, paymentProviders } from '../payments/payments.providers';
import { CARD, useOrdersHttp } from './orders.http-harness';

const { h, pickupBody, checkout, snapshot, reservedAt, messagesOf, eventsFor } = useOrdersHttp();

const place = async (patch = {}) =>
  ((await checkout(await pickupBody(patch))).json() as CheckoutResult).order;
const staff = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  h.t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('staff and web orders', () => {
  it('lists orders by status and store; a cashier sees only their store', async () => {
    const order = await place();
    const list = await staff('GET', `/api/orders?status=placed&storeId=${h.store.STHLM}`, h.manager);
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: Order[] }).items.map((o) => o.id)).toContain(order.id);
    const gbg = await staff('GET', `/api/orders?storeId=${h.store.GBG}`, h.manager);
    expect((gbg.json() as { items: Order[] }).items).toEqual([]);
    const cashier = await staff('GET', `/api/orders?storeId=${h.store.GBG}`, h.cashier);
    expect((cashier.json() as { items: Order[] }).items.map((o) => o.id)).toContain(order.id);
    expect((await staff('GET', `/api/orders/${order.id}`, h.cashier)).statusCode).toBe(200);
    expect((await h.t.app.inject({ url: '/api/orders' })).statusCode).toBe(401);
  });

  it('marks an order ready: stamped, announced and the shopper told', async () => {
    const order = await place();
    const response = await staff('POST', `/api/orders/${order.id}/ready`, h.cashier);
    expect(response.statusCode, response.body).toBe(200);
    const ready = response.json() as Order;
    expect(ready.status).toBe('ready');
    expect(ready.readyAt).toBe(h.now.toISOString());
    expect(await eventsFor(order.id)).toEqual(['order.created', 'order.placed', 'order.ready']);
    const templates = (await messagesOf(order.id)).map((m) => `${m.template}:${m.channel}`);
    expect(templates).toEqual(expect.arrayContaining(['order_ready:email', 'order_ready:sms']));
    // Twice is harmless.
    expect((await staff('POST', `/api/orders/${order.id}/ready`, h.cashier)).statusCode).toBe(200);
    expect((await messagesOf(order.id)).filter((m) => m.template === 'order_ready')).toHaveLength(2);
  });

  it('lets managers cancel: stock and slot released, the payment voided, the shopper told', async () => {
    const before = await snapshot();
    const order = await place();
    expect((await staff('POST', `/api/orders/${order.id}/cancel`, h.cashier, {})).statusCode).toBe(403);
    const response = await staff('POST', `/api/orders/${order.id}/cancel`, h.manager, {
      reason: 'Out of stock',
    });
    expect(response.statusCode, response.body).toBe(200);
    const cancelled = response.json() as Order;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.payment.status).toBe('voided');
    const after = await snapshot();
    expect(after.reserved).toBe(before.reserved);
    expect(after.slotOrders).toBe(before.slotOrders);
    const messages = await messagesOf(order.id);
    expect(
      messages.filter((m) => m.template === 'pickup_reminder').every((m) => m.status === 'cancelled'),
    ).toBe(true);
    expect(messages.map((m) => m.template)).toContain('order_cancelled');
    const again = await staff('POST', `/api/orders/${order.id}/cancel`, h.manager, {});
    expect(again.statusCode).toBe(409);
  });

  it('expires orders whose payment did not finish in 15 minutes', async () => {
    const [a] = h.skus;
    const reservedBefore = await reservedAt(a!.id, 'STHLM-BUTIK');
    const slotsBefore = (await snapshot()).slotOrders;
    const waiting = await place({ payment: { method: 'card', cardToken: CARD.challenge } });
    expect(waiting.status).toBe('awaiting_payment');
    expect(await reservedAt(a!.id, 'STHLM-BUTIK')).toBe(reservedBefore + 2);
    expect(await h.t.app.jobs.runOnce('orders.expire-unpaid')).toEqual({ 'orders.expire-unpaid': 0 });
    const realNow = h.now;
    h.now = new Date(+realNow + 16 * 60_000);
    try {
      expect(await h.t.app.jobs.runOnce('orders.expire-unpaid')).toEqual({ 'orders.expire-unpaid': 1 });
    } finally {
      h.now = realNow;
    }
    const order = (await staff('GET', `/api/orders/${waiting.id}`, h.manager)).json() as Order;
    expect(order.status).toBe('cancelled');
    expect(order.payment.status).toBe('voided');
    expect(await reservedAt(a!.id, 'STHLM-BUTIK')).toBe(reservedBefore);
    expect((await snapshot()).slotOrders).toBe(slotsBefore);
    expect(await h.t.app.jobs.runOnce('orders.expire-unpaid')).toEqual({ 'orders.expire-unpaid': 0 });
  });

  it('gives the money back later when the provider was down at the cancel', async () => {
    const order = await place({ payment: { method: 'card', cardToken: CARD.approve } });
    expect(order.payment.status).toBe('authorized');
    const providers = paymentProviders(h.t.ctx);
    const card = providers.card!;
    installPaymentProviders(h.t.ctx, {
      ...providers,
      // The provider answers nothing else differently: only releasing the hold fails.
      card: {
        name: card.name,
        authorize: (request) => card.authorize(request),
        completeAction: (call, details) => card.completeAction(call, details),
        capture: (call, amount) => card.capture(call, amount),
        refund: (call, amount) => card.refund(call, amount),
        release: async () => {
          throw new Error('connect ECONNREFUSED');
        },
      },
    });
    try {
      const response = await staff('POST', `/api/orders/${order.id}/cancel`, h.manager, { reason: 'Gone' });
      // The cancel stands; the answer shows the money still held.
      expect(response.statusCode, response.body).toBe(200);
      expect((response.json() as Order).payment.status).toBe('authorized');
    } finally {
      installPaymentProviders(h.t.ctx, providers);
    }
    const held = (await staff('GET', `/api/orders/${order.id}`, h.manager)).json() as Order;
    expect(held.status).toBe('cancelled');
    expect(held.payment.status).toBe('authorized');
    expect(await h.t.app.jobs.runOnce('orders.settle-cancelled')).toEqual({ 'orders.settle-cancelled': 1 });
    const settled = (await staff('GET', `/api/orders/${order.id}`, h.manager)).json() as Order;
    expect(settled.payment.status).toBe('voided');
    expect(await h.t.app.jobs.runOnce('orders.settle-cancelled')).toEqual({ 'orders.settle-cancelled': 0 });
  });
});
