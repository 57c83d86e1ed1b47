// Shipments per line and quantity through the API: the capture of exactly each shipment (the
// shipping fee on the first), the label PDF with its Code 128 barcode, the "shipped" mail with the
// tracking link, the order shipped when nothing is left, refusals that change nothing, repeats and
// a crash between the capture and the booking that never captures twice, and "cancel the rest".
import type { Order, Shipment, ShippingOrder } from '@handla/api';
import { isValidS10 } from '@handla/core';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../notifications/templates/render';
import { capturePayment } from '../payments/payments.service';
import { expectProblem } from '../register/register.testing';
import { installCarriers } from './carriers';
import { createDemoCarrier } from './demo-carrier';
import { code128Png } from './label.pdf';
import { firstRgbImageOf, pdfText, rgbOfPng, useShipping } from './shipping.testing';

const { h, placeDelivery, asManager, ship, captures, payment, level, state, eventsFor } = useShipping();

const SHIPPING_FEE = 5900;
const lineOf = (order: Order, i: number) => order.lines[i]!;

describe('shipping a 3-line order in two shipments', () => {
  it('captures exactly each shipment, labels it, mails the tracking link, and ships the order at the end', async () => {
    const order = await placeDelivery([1, 2, 1]);
    const [a, b, c] = [lineOf(order, 0), lineOf(order, 1), lineOf(order, 2)];
    const before = await Promise.all([a, b, c].map((l) => level(l.skuId)));

    const first = await ship(order.id, 'ship-key-0001', [
      { orderLineId: a.id, quantity: 1 },
      { orderLineId: b.id, quantity: 2 },
    ]);
    expect(first.statusCode, first.body).toBe(201);
    const s1 = first.json() as Shipment;
    const firstAmount = a.lineTotal.amount + b.lineTotal.amount + SHIPPING_FEE;
    expect(s1).toMatchObject({
      number: 1,
      status: 'done',
      amount: { amount: firstAmount },
      shippingFee: { amount: SHIPPING_FEE },
    });
    expect(isValidS10(s1.trackingNumber!)).toBe(true);
    expect(s1.trackingNumber).toMatch(/^[A-Z]{2}\d{9}SE$/);
    expect((await captures(order.payment.id)).map((op) => op.amount)).toEqual([firstAmount]);
    expect(await payment(order.payment.id)).toMatchObject({
      captured: firstAmount,
      status: 'partially_captured',
    });

    // The held units are sold; the third line stays held.
    expect(await level(a.skuId)).toEqual({
      onHand: before[0]!.onHand - 1,
      reserved: before[0]!.reserved - 1,
    });
    expect(await level(b.skuId)).toEqual({
      onHand: before[1]!.onHand - 2,
      reserved: before[1]!.reserved - 2,
    });
    expect(await level(c.skuId)).toEqual(before[2]);

    // The label: the tracking number as text, and the barcode bwip-js draws for it.
    const label = await h.t.app.inject({ url: s1.labelUrl!, headers: { cookie: h.manager } });
    expect(label.statusCode).toBe(200);
    expect(label.headers['content-type']).toBe('application/pdf');
    const pdf = label.rawPayload;
    const text = await pdfText(pdf);
    expect(text).toContain(s1.trackingNumber!);
    expect(text).toContain('Bo Berg');
    expect(text).toContain('Storgatan 2');
    const embedded = firstRgbImageOf(pdf);
    const expected = rgbOfPng(await code128Png(s1.trackingNumber!));
    expect({ width: embedded.width, height: embedded.height }).toEqual({
      width: expected.width,
      height: expected.height,
    });
    expect(embedded.rgb.equals(expected.rgb)).toBe(true);
    expect(embedded.rgb.equals(rgbOfPng(await code128Png('CA000000005SE')).rgb)).toBe(false);

    // The shopper's mail names the shipped lines and carries the tracking link.
    const [mail] = await h.t.ctx.db.query<{ payload: Order; template: string }>(
      `select payload, template from outgoing_messages where order_id = $1 and template = 'order_shipped' and channel = 'email'`,
      [order.id],
    );
    const rendered = await renderMessage({
      channel: 'email',
      template: 'order_shipped',
      locale: 'sv',
      order: mail!.payload,
    });
    expect(rendered.text).toContain(s1.trackingUrl!);
    expect(rendered.html).toContain(`href="${s1.trackingUrl}"`);
    expect(rendered.text).toContain(`2 × ${b.productName}`);
    expect(rendered.text).not.toContain(`1 × ${c.productName}${c.variantName ? ` (${c.variantName})` : ''},`);
    const tracking = await h.t.app.inject({ url: s1.trackingUrl!.replace(/^https?:\/\/[^/]+/, '') });
    expect(tracking.statusCode).toBe(200);
    expect(tracking.body).toContain(s1.trackingNumber!);

    const partly = (await asManager('GET', `/orders/${order.id}/shipments`)).json() as ShippingOrder;
    expect(partly).toMatchObject({ shippingState: 'partially_shipped', status: 'placed' });
    expect(partly.lines.map((l) => l.remaining)).toEqual([0, 0, 1]);

    // Over-shipping is refused, naming the field, and changes nothing.
    const untouched = await state(order);
    expectProblem(
      await ship(order.id, 'ship-key-0002', [{ orderLineId: c.id, quantity: 2 }]),
      409,
      'invalid_state',
      'lines[0].quantity',
    );
    expectProblem(
      await ship(order.id, 'ship-key-0002', [{ orderLineId: a.id, quantity: 1 }]),
      409,
      'invalid_state',
      'lines[0].quantity',
    );
    expectProblem(
      await ship(order.id, 'ship-key-0002', [{ orderLineId: 'orl_nope', quantity: 1 }]),
      400,
      'validation_failed',
      'lines[0].orderLineId',
    );
    expect(await state(order)).toEqual(untouched);

    // The same key again is the same shipment: no second capture, no second mail.
    const repeat = await ship(order.id, 'ship-key-0001', [
      { orderLineId: b.id, quantity: 2 },
      { orderLineId: a.id, quantity: 1 },
    ]);
    expect(repeat.statusCode, repeat.body).toBe(200);
    expect((repeat.json() as Shipment).id).toBe(s1.id);
    expect(await state(order)).toEqual(untouched);
    expectProblem(
      await ship(order.id, 'ship-key-0001', [{ orderLineId: c.id, quantity: 1 }]),
      409,
      'duplicate',
      'idempotencyKey',
    );

    const second = await ship(order.id, 'ship-key-0003', [{ orderLineId: c.id, quantity: 1 }]);
    expect(second.statusCode, second.body).toBe(201);
    const s2 = second.json() as Shipment;
    expect(s2).toMatchObject({
      number: 2,
      amount: { amount: c.lineTotal.amount },
      shippingFee: { amount: 0 },
    });
    expect(s2.trackingNumber).not.toBe(s1.trackingNumber);
    expect((await captures(order.payment.id)).map((op) => op.amount)).toEqual([
      firstAmount,
      c.lineTotal.amount,
    ]);
    expect(await payment(order.payment.id)).toMatchObject({
      captured: order.totals.total.amount,
      status: 'captured',
    });
    const done = (await asManager('GET', `/orders/${order.id}/shipments`)).json() as ShippingOrder;
    expect(done).toMatchObject({ status: 'shipped', shippingState: 'shipped' });
    expect(done.shipments.map((s) => s.id)).toEqual([s1.id, s2.id]);
    expect(await eventsFor(order.id)).toContain('order.shipped');
    const mails = await h.t.ctx.db.query(
      `select id from outgoing_messages where order_id = $1 and template = 'order_shipped'`,
      [order.id],
    );
    expect(mails).toHaveLength(4); // e-mail and SMS per shipment

    const byNumber = await asManager('GET', `/orders?number=${order.number}`);
    expect((byNumber.json() as ShippingOrder).orderId).toBe(order.id);
    const recent = (await asManager('GET', '/shipments?limit=5')).json() as { items: Shipment[] };
    expect(recent.items.map((s) => s.id)).toEqual(expect.arrayContaining([s1.id, s2.id]));
  });
});

describe('partial lines, cancel the rest, refusals and crashes', () => {
  it('keeps the rest of a line held after a partial shipment, and cancel-rest releases it and voids the rest', async () => {
    const order = await placeDelivery([2, 1]);
    const [a, b] = [lineOf(order, 0), lineOf(order, 1)];
    const before = await level(a.skuId);
    const res = await ship(order.id, 'part-key-0001', [{ orderLineId: a.id, quantity: 1 }]);
    expect(res.statusCode, res.body).toBe(201);
    const unitAmount = a.unitPrice.amount + SHIPPING_FEE;
    expect((res.json() as Shipment).amount.amount).toBe(unitAmount);
    expect(await level(a.skuId)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved - 1 });

    const bBefore = await level(b.skuId);
    const cancelled = await asManager('POST', `/orders/${order.id}/cancel-rest`, { reason: 'Slut i lager' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const view = cancelled.json() as ShippingOrder;
    expect(view).toMatchObject({ status: 'shipped', shippingState: 'shipped' });
    expect(view.lines.map((l) => [l.shipped, l.cancelled])).toEqual([
      [1, 1],
      [0, 1],
    ]);
    expect(await level(a.skuId)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved - 2 });
    expect(await level(b.skuId)).toEqual({ onHand: bBefore.onHand, reserved: bBefore.reserved - 1 });
    // The rest of the authorization is released: what stays is what was captured.
    expect(await payment(order.payment.id)).toMatchObject({
      authorized: unitAmount,
      captured: unitAmount,
      status: 'captured',
    });
    const told = await h.t.ctx.db.query(
      `select id from outgoing_messages where order_id = $1 and template = 'order_changed'`,
      [order.id],
    );
    expect(told.length).toBeGreaterThan(0);

    // Nothing is left: a repeat changes nothing, and nothing more ships.
    const again = await asManager('POST', `/orders/${order.id}/cancel-rest`, {});
    expect(again.statusCode).toBe(200);
    expectProblem(
      await ship(order.id, 'part-key-0002', [{ orderLineId: a.id, quantity: 1 }]),
      409,
      'invalid_state',
      'orderId',
    );
  });

  it('cancels the whole order when nothing shipped', async () => {
    const order = await placeDelivery([1]);
    const res = await asManager('POST', `/orders/${order.id}/cancel-rest`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as ShippingOrder).status).toBe('cancelled');
    expect(await payment(order.payment.id)).toMatchObject({ status: 'voided', captured: 0 });
  });

  it('refuses a shipment that would capture more than is still authorized, and books nothing', async () => {
    const order = await placeDelivery([1, 1]);
    await capturePayment(h.t.ctx, {
      paymentId: order.payment.id,
      amount: order.totals.total.amount - 100,
      idempotencyKey: 'manual-capture-1',
    });
    const before = await state(order);
    expectProblem(
      await ship(order.id, 'over-key-0001', [{ orderLineId: lineOf(order, 0).id, quantity: 1 }]),
      409,
      'invalid_state',
      'lines',
    );
    expect(await state(order)).toEqual(before);
  });

  it('finishes a shipment cut short after its capture with one capture and one booking', async () => {
    const order = await placeDelivery([1]);
    const line = lineOf(order, 0);
    let calls = 0;
    const demo = createDemoCarrier({ publicUrl: () => 'http://localhost:3000', clock: h.t.ctx.clock });
    installCarriers(h.t.ctx, {
      fallback: {
        name: 'flaky',
        async bookShipment(request) {
          calls++;
          if (calls === 1) throw new Error('connect ETIMEDOUT');
          return demo.bookShipment(request);
        },
      },
    });
    try {
      const cut = await ship(order.id, 'crash-key-0001', [{ orderLineId: line.id, quantity: 1 }]);
      expectProblem(cut, 502, 'carrier_failed');
      expect((await captures(order.payment.id)).length).toBe(1);
      const retry = await ship(order.id, 'crash-key-0001', [{ orderLineId: line.id, quantity: 1 }]);
      expect(retry.statusCode, retry.body).toBe(200);
      expect(retry.json()).toMatchObject({ status: 'done', amount: { amount: order.totals.total.amount } });
      expect(calls).toBe(2);
      expect((await captures(order.payment.id)).map((op) => op.outcome)).toEqual(['succeeded']);
      expect((await state(order)).status).toBe('shipped');
    } finally {
      installCarriers(h.t.ctx, { fallback: demo });
    }
  });

  it('refuses staff without the role and API callers without the scope', async () => {
    const order = await placeDelivery([1]);
    const res = await h.t.app.inject({
      method: 'POST',
      url: `/api/shipping/orders/${order.id}/shipments`,
      headers: { cookie: h.cashier },
      payload: {
        idempotencyKey: 'role-key-0001',
        lines: [{ orderLineId: lineOf(order, 0).id, quantity: 1 }],
      },
    });
    expect(res.statusCode).toBe(403);
    expectProblem(
      await ship('ord_missing', 'miss-key-0001', [{ orderLineId: 'x', quantity: 1 }]),
      404,
      'not_found',
      'orderId',
    );
  });
});
