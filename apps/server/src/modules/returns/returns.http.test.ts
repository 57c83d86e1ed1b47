// Returns within the right of withdrawal: a request from the order-status page (delivered units
// only, within the window), receiving and inspecting the parcel at a chosen location, and the
// refund of the accepted units to the original payment — once.
import type { Order, ReturnRequest, ReturnSettings } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { useHandover } from '../orders/handover.testing';
import { expectProblem, send } from '../register/register.testing';

const { h, s, asRegister, placeReady, level, operations, eventsFor, messagesOf } = useHandover();

/** A pickup order (2 + 1 units) collected at Stockholm now, so its window starts now. */
async function collectedOrder(): Promise<Order> {
  const order = await placeReady();
  const handed = await asRegister('POST', `/pickup-orders/${order.id}/hand-over`, {
    cashierId: s.cashier,
    idempotencyKey: `key-rma-${order.id}`,
  });
  expect(handed.statusCode, handed.body).toBe(200);
  return order;
}

const statusToken = (order: Order) => order.statusUrl.split('/').at(-1)!;
const requestReturn = (order: Order, lines: { orderLineId: string; quantity: number }[]) =>
  send(h.t, {}, 'POST', `/api/orders/status/${statusToken(order)}/returns`, { lines, reason: 'Ångrat köp' });
const returnCount = async () =>
  (await h.t.ctx.db.query<{ n: number }>('select count(*)::integer as n from return_requests'))[0]!.n;

describe('requesting a return', () => {
  it('gives an RMA number for delivered units; more than delivered is 409 naming the line; nothing changes', async () => {
    const order = await collectedOrder();
    const [two, one] = order.lines;
    const asked = await requestReturn(order, [{ orderLineId: two!.id, quantity: 1 }]);
    expect(asked.statusCode, asked.body).toBe(201);
    const rma = asked.json() as ReturnRequest;
    expect(rma.rmaNumber).toMatch(/^RMA-\d+$/);
    expect(rma.status).toBe('requested');
    expect(rma.instructions).toContain(rma.rmaNumber);
    expect((await messagesOf(order.id)).map((m) => m.template)).toContain('return_requested');

    const before = await returnCount();
    // Two collected, one already requested: two more is too many.
    expectProblem(
      await requestReturn(order, [{ orderLineId: two!.id, quantity: 2 }]),
      409,
      'conflict',
      'lines[0].quantity',
    );
    expectProblem(
      await requestReturn(order, [
        { orderLineId: one!.id, quantity: 1 },
        { orderLineId: one!.id, quantity: 1 },
      ]),
      409,
      'conflict',
      'lines[1].quantity',
    );
    expect(await returnCount()).toBe(before);

    const listed = await send(h.t, {}, 'GET', `/api/orders/status/${statusToken(order)}/returns`);
    expect((listed.json() as { items: ReturnRequest[] }).items.map((r) => r.id)).toEqual([rma.id]);
  });

  it('refuses what was never delivered and anything after the window (409 naming orderId)', async () => {
    const ready = await placeReady();
    expectProblem(
      await requestReturn(ready, [{ orderLineId: ready.lines[0]!.id, quantity: 1 }]),
      409,
      'conflict',
      'lines[0].quantity',
    );
    const order = await collectedOrder();
    const start = h.now;
    try {
      h.now = new Date(start.getTime() + 14 * 86_400_000 - 60_000);
      const inTime = await requestReturn(order, [{ orderLineId: order.lines[1]!.id, quantity: 1 }]);
      expect(inTime.statusCode, inTime.body).toBe(201);
      h.now = new Date(start.getTime() + 15 * 86_400_000);
      const before = await returnCount();
      expectProblem(
        await requestReturn(order, [{ orderLineId: order.lines[0]!.id, quantity: 1 }]),
        409,
        'invalid_state',
        'orderId',
      );
      expect(await returnCount()).toBe(before);
    } finally {
      h.now = start;
    }
  });

  it('keeps per-company settings with optimistic versions', async () => {
    const read = await send(h.t, { cookie: h.manager }, 'GET', '/api/returns/settings');
    const settings = read.json() as ReturnSettings;
    expect(settings).toMatchObject({
      withdrawalDays: 14,
      returnShippingFee: 0,
      refundOriginalShipping: true,
    });
    const saved = await send(h.t, { cookie: h.manager }, 'PUT', '/api/returns/settings', {
      ...settings,
      withdrawalDays: 30,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expectProblem(
      await send(h.t, { cookie: h.manager }, 'PUT', '/api/returns/settings', {
        ...settings,
        withdrawalDays: 20,
      }),
      409,
      'version_conflict',
      'version',
    );
    const back = await send(h.t, { cookie: h.manager }, 'PUT', '/api/returns/settings', {
      ...(saved.json() as ReturnSettings),
      withdrawalDays: 14,
    });
    expect(back.statusCode, back.body).toBe(200);
  });
});

describe('receiving and inspecting a return', () => {
  it('puts accepted units back at the chosen location and refunds only them, öre-exact, once', async () => {
    const order = await collectedOrder();
    const [two, one] = order.lines;
    const asked = await send(h.t, { cookie: h.manager }, 'POST', '/api/returns', {
      orderId: order.id,
      lines: [
        { orderLineId: two!.id, quantity: 2 },
        { orderLineId: one!.id, quantity: 1 },
      ],
      reason: 'Fel storlek',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const rma = asked.json() as ReturnRequest;
    const central = await level(two!.skuId, 'CENTRAL');
    const sthlm = await level(two!.skuId);
    const oneCentral = await level(one!.skuId, 'CENTRAL');
    const receive = (body: unknown) =>
      send(h.t, { cookie: h.manager }, 'POST', `/api/returns/${rma.id}/receive`, body);
    const body = {
      locationId: h.loc.CENTRAL,
      lines: [
        { orderLineId: two!.id, restocked: 1, writtenOff: 1, writeOffReason: 'Trasig förpackning' },
        { orderLineId: one!.id, restocked: 0, writtenOff: 1, writeOffReason: 'Använd' },
      ],
    };

    // Bad verdicts change nothing.
    expectProblem(
      await receive({ ...body, lines: [{ ...body.lines[0], writeOffReason: undefined }, body.lines[1]] }),
      400,
      'validation_failed',
      'lines[0].writeOffReason',
    );
    expectProblem(
      await receive({ ...body, lines: [{ ...body.lines[0], restocked: 2 }, body.lines[1]] }),
      400,
      'validation_failed',
      'lines[0].restocked',
    );
    expect(await operations(order.payment.id, 'refund')).toHaveLength(0);

    const received = await receive(body);
    expect(received.statusCode, received.body).toBe(200);
    const done = received.json() as ReturnRequest;
    expect(done.status).toBe('completed');
    // Only the one restocked unit is refunded; the shipping rules add nothing for a pickup order.
    expect(done.refund).toEqual({ amount: two!.unitPrice.amount, currency: 'SEK' });
    expect(await operations(order.payment.id, 'refund')).toEqual([
      { amount: two!.unitPrice.amount, idempotencyKey: `rma:${rma.id}` },
    ]);
    expect((await level(two!.skuId, 'CENTRAL')).onHand).toBe(central.onHand + 1);
    expect((await level(two!.skuId)).onHand).toBe(sthlm.onHand);
    expect((await level(one!.skuId, 'CENTRAL')).onHand).toBe(oneCentral.onHand);
    expect(await eventsFor(order.id)).toContain('order.returned');
    expect((await messagesOf(order.id)).map((m) => m.template)).toContain('return_refunded');

    const repeat = await receive(body);
    expect(repeat.statusCode, repeat.body).toBe(200);
    expect(await operations(order.payment.id, 'refund')).toHaveLength(1);
    expect((await level(two!.skuId, 'CENTRAL')).onHand).toBe(central.onHand + 1);

    // Everything delivered has come back: nothing more may be requested.
    expectProblem(
      await requestReturn(order, [{ orderLineId: one!.id, quantity: 1 }]),
      409,
      'conflict',
      'lines[0].quantity',
    );
  });
});
