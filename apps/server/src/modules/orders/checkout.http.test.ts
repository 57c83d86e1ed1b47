import type { CheckoutResult, Order } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { CARD, useOrdersHttp } from './orders.http-harness';

const { h, firstSlot, pickupBody, checkout, snapshot, reservedAt, messagesOf, eventsFor } = useOrdersHttp();

describe('POST /api/checkout', () => {
  it('places a pickup order paid by card: stock held at the store, slot booked, mail and SMS queued', async () => {
    const [a, b] = h.skus;
    const before = { a: await reservedAt(a!.id, 'STHLM-BUTIK'), b: await reservedAt(b!.id, 'STHLM-BUTIK') };
    const slotsBefore = (await snapshot()).slotOrders;
    // A late slot, so the reminder (two hours before) is still ahead.
    const body = await pickupBody({
      fulfilment: { kind: 'pickup', storeId: h.store.STHLM!, slot: await firstSlot('STHLM', true) },
    });
    const response = await checkout(body);
    expect(response.statusCode).toBe(201);
    const { order } = response.json() as CheckoutResult;
    expect(order).toMatchObject({
      status: 'placed',
      channel: 'web',
      number: expect.stringMatching(/^\d{4,}$/),
      customer: { name: 'Anna Andersson', email: 'anna@example.se', phone: '070-123 45 67' },
      payment: { method: 'card', status: 'authorized' },
      fulfilment: {
        kind: 'pickup',
        slotStartsAt: new Date(body.fulfilment.kind === 'pickup' ? body.fulfilment.slot : '').toISOString(),
      },
    });
    expect(Number(order.number)).toBeGreaterThanOrEqual(1001);
    expect(order.pickupCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(order.statusUrl).toMatch(/\/#\/order\/[A-Za-z0-9_-]{22}$/);
    const total = a!.price * 2 + b!.price;
    expect(order.totals.lines.amount).toBe(total);
    expect(order.totals.total.amount).toBe(total);
    expect(order.totals.vat.reduce((s, v) => s + v.totalInclVat.amount, 0)).toBe(total);
    expect(order.payment.authorized.amount).toBe(total);
    expect(await reservedAt(a!.id, 'STHLM-BUTIK')).toBe(before.a + 2);
    expect(await reservedAt(b!.id, 'STHLM-BUTIK')).toBe(before.b + 1);
    expect((await snapshot()).slotOrders).toBe(slotsBefore + 1);
    expect(await eventsFor(order.id)).toEqual(['order.created', 'order.placed']);
    const messages = await messagesOf(order.id);
    expect(messages.map((m) => `${m.template}:${m.channel}`).sort()).toEqual([
      'order_confirmation:email',
      'order_confirmation:sms',
      'pickup_reminder:email',
      'pickup_reminder:sms',
    ]);
    const reminder = messages.find((m) => m.template === 'pickup_reminder')!;
    expect(+reminder.sendAfter).toBeLessThan(
      +new Date(order.fulfilment.kind === 'pickup' ? order.fulfilment.slotStartsAt : 0),
    );
  });

  it('shows the order on its status page and its pickup code as a QR code', async () => {
    const { order } = (await checkout(await pickupBody())).json() as CheckoutResult;
    const token = order.statusUrl.split('/').at(-1)!;
    const page = await h.t.app.inject({ url: `/api/orders/status/${token}` });
    expect(page.statusCode).toBe(200);
    expect((page.json() as Order).id).toBe(order.id);
    const qr = await h.t.app.inject({ url: `/api/orders/status/${token}/qr.svg` });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    const unknown = await h.t.app.inject({ url: '/api/orders/status/AAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.statusCode).toBe(404);
  });

  it('places a delivery order: stock held at the central warehouse, shipping in the totals', async () => {
    const methods = (await h.t.app.inject({ url: '/api/shipping-methods' })).json() as {
      items: { id: string; name: string; price: { amount: number } }[];
    };
    expect(methods.items.map((m) => m.name)).toEqual([
      'Hemleverans PostNord',
      'Ombud DB Schenker',
      'Express',
    ]);
    const postnord = methods.items[0]!;
    const [a] = h.skus;
    const before = await reservedAt(a!.id, 'CENTRAL');
    const storeBefore = await reservedAt(a!.id, 'STHLM-BUTIK');
    const response = await checkout(
      await pickupBody({
        lines: [{ skuId: a!.id, quantity: 1, unitPrice: a!.price }],
        fulfilment: {
          kind: 'delivery',
          shippingMethodId: postnord.id,
          address: {
            name: 'Anna Andersson',
            street: 'Storgatan 1',
            postalCode: '111 22',
            city: 'Stockholm',
            country: 'SE',
          },
        },
      }),
    );
    expect(response.statusCode).toBe(201);
    const { order } = response.json() as CheckoutResult;
    expect(order.status).toBe('placed');
    expect(order.fulfilment).toMatchObject({ kind: 'delivery', shippingMethod: { id: postnord.id } });
    expect(order.pickupCode).toBeNull();
    expect(order.totals.shipping.amount).toBe(5900);
    expect(order.totals.total.amount).toBe(a!.price + 5900);
    expect(await reservedAt(a!.id, 'CENTRAL')).toBe(before + 1);
    expect(await reservedAt(a!.id, 'STHLM-BUTIK')).toBe(storeBefore);
    expect((await messagesOf(order.id)).map((m) => m.template)).not.toContain('pickup_reminder');
  });

  it('takes "pay in store" only where the store allows it', async () => {
    await h.t.ctx.db.query('update pickup_settings set pay_in_store_allowed = false where store_id = $1', [
      h.store.STHLM,
    ]);
    const body = await pickupBody({ payment: { method: 'in_store' } });
    const before = await snapshot();
    const refused = await checkout(body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'payment.method', message: expect.any(String) }]);
    expect(await snapshot()).toEqual(before);

    await h.t.ctx.db.query('update pickup_settings set pay_in_store_allowed = true where store_id = $1', [
      h.store.STHLM,
    ]);
    const response = await checkout({ ...body, checkoutId: `${body.checkoutId}x` });
    expect(response.statusCode).toBe(201);
    const { order } = response.json() as CheckoutResult;
    expect(order).toMatchObject({
      status: 'placed',
      payment: { method: 'in_store', status: 'pay_in_store' },
    });
  });

  it('releases everything on a declined card and answers 402 naming the payment', async () => {
    const before = await snapshot();
    const body = await pickupBody({ payment: { method: 'card', cardToken: CARD.decline } });
    const response = await checkout(body);
    expect(response.statusCode).toBe(402);
    expect(response.json()).toMatchObject({ code: 'payment_declined', errors: [{ field: 'payment' }] });
    const after = await snapshot();
    expect(after.reserved).toBe(before.reserved);
    expect(after.slotOrders).toBe(before.slotOrders);
    expect(after.messages).toBe(before.messages);
    const [row] = await h.t.ctx.db.query<{ id: string; status: string }>(
      'select id, status from orders where checkout_id = $1',
      [body.checkoutId],
    );
    expect(row!.status).toBe('cancelled');
    expect(await eventsFor(row!.id)).toEqual(['order.created', 'order.cancelled']);
  });

  it('keeps an order that needs a confirmation step awaiting payment, with the action to take', async () => {
    const response = await checkout(
      await pickupBody({ payment: { method: 'card', cardToken: CARD.challenge } }),
    );
    expect(response.statusCode).toBe(201);
    const { order } = response.json() as CheckoutResult;
    expect(order.status).toBe('awaiting_payment');
    expect(order.payment.status).toBe('action_required');
    expect(order.payment.action).toMatchObject({ kind: 'redirect' });
    expect(await messagesOf(order.id)).toEqual([]);
  });

  it('finishes an order when the shopper completes or cancels the confirmation step', async () => {
    const confirm = (paymentId: string, decision: 'approve' | 'cancel') =>
      h.t.app.inject({
        method: 'POST',
        url: `/api/payments/test/confirm/${paymentId}`,
        payload: `decision=${decision}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const statusOf = async (order: { statusUrl: string }) =>
      (
        await h.t.app.inject({ url: `/api/orders/status/${order.statusUrl.split('/').at(-1)}` })
      ).json() as Order;

    const approved = (
      (
        await checkout(await pickupBody({ payment: { method: 'card', cardToken: CARD.challenge } }))
      ).json() as CheckoutResult
    ).order;
    expect((await confirm(approved.payment.id, 'approve')).statusCode).toBe(303);
    expect(await statusOf(approved)).toMatchObject({ status: 'placed', payment: { status: 'authorized' } });
    expect((await messagesOf(approved.id)).map((m) => m.template)).toContain('order_confirmation');

    const before = await snapshot();
    const abandoned = (
      (
        await checkout(await pickupBody({ payment: { method: 'card', cardToken: CARD.challenge } }))
      ).json() as CheckoutResult
    ).order;
    expect((await confirm(abandoned.payment.id, 'cancel')).statusCode).toBe(303);
    expect((await statusOf(abandoned)).status).toBe('cancelled');
    const after = await snapshot();
    expect(after.reserved).toBe(before.reserved);
    expect(after.slotOrders).toBe(before.slotOrders);
    expect(await eventsFor(abandoned.id)).toEqual(['order.created', 'order.cancelled']);
  });

  it('answers a repeated checkout id with the same order and changes nothing', async () => {
    const body = await pickupBody();
    const first = await checkout(body);
    expect(first.statusCode, first.body).toBe(201);
    const before = await snapshot();
    const again = await checkout(body);
    expect(again.statusCode).toBe(200);
    expect((again.json() as CheckoutResult).order.id).toBe((first.json() as CheckoutResult).order.id);
    expect(await snapshot()).toEqual(before);
    const twins = await Promise.all([
      checkout({ ...body, checkoutId: `${body.checkoutId}t` }),
      checkout({ ...body, checkoutId: `${body.checkoutId}t` }),
    ]);
    expect(twins.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(twins.map((r) => (r.json() as CheckoutResult).order.id)).size).toBe(1);
    expect((await snapshot()).orders).toBe(before.orders + 1);
  });

  it('numbers orders one after another without gaps', async () => {
    const rows = await h.t.ctx.db.query<{ number: number }>('select number from orders order by number');
    const numbers = rows.map((r) => Number(r.number));
    expect(numbers[0]).toBe(1001);
    expect(numbers).toEqual(numbers.map((_, i) => 1001 + i));
  });
});
