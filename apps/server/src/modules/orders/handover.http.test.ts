// Hand-over at the counter from a paired register: the lookup by scanned code or search, a
// prepaid hand-over (capture of the amount due, held stock sold, collected; once per key, also
// after a crash), and returns of web orders refunded to the online payment.
import type { HandoverLookupResult, Order, WebOrderReturnResult } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { capturePayment } from '../payments/payments.service';
import { expectProblem, send } from '../register/register.testing';
import { useHandover } from './handover.testing';

const { h, s, asRegister, placeReady, level, operations, eventsFor, checkout, pickupBody } = useHandover();

const handOver = (orderId: string, idempotencyKey: string, cashierId = s.cashier) =>
  asRegister('POST', `/pickup-orders/${orderId}/hand-over`, { cashierId, idempotencyKey });

describe('looking up an order at the counter', () => {
  it('finds the scanned code with what to do and add-ons; another store sees why not', async () => {
    const order = await placeReady();
    const found = await asRegister('GET', `/pickup-orders/lookup?code=${order.pickupCode}`);
    expect(found.statusCode, found.body).toBe(200);
    const [view] = (found.json() as HandoverLookupResult).items;
    expect(view).toMatchObject({ handover: 'prepaid', blockedReason: null, order: { id: order.id } });
    expect(view!.suggestions.length).toBeGreaterThan(0);
    expect(view!.suggestions.length).toBeLessThanOrEqual(4);
    for (const suggestion of view!.suggestions) {
      expect(order.lines.map((l) => l.skuId)).not.toContain(suggestion.skuId);
      expect(suggestion.available).toBeGreaterThan(0);
      expect(suggestion.unitPrice.amount).toBeGreaterThan(0);
    }

    const elsewhere = await asRegister(
      'GET',
      `/pickup-orders/lookup?code=${order.pickupCode}`,
      undefined,
      s.gbg,
    );
    const [other] = (elsewhere.json() as HandoverLookupResult).items;
    expect(other).toMatchObject({ handover: 'none', suggestions: [] });
    expect(other!.blockedReason).toContain('Stockholm');

    const byNumber = await asRegister('GET', `/pickup-orders/lookup?q=${order.number}`);
    expect((byNumber.json() as HandoverLookupResult).items.map((i) => i.order.id)).toEqual([order.id]);
    const byName = await asRegister('GET', '/pickup-orders/lookup?q=andersson');
    expect((byName.json() as HandoverLookupResult).items.map((i) => i.order.id)).toContain(order.id);
  });

  it('says why an order not yet ready cannot be handed over, and refuses a lookup without code or q', async () => {
    const placed = await checkout(await pickupBody());
    const order = placed.json().order as Order;
    const found = await asRegister('GET', `/pickup-orders/lookup?code=${order.pickupCode}`);
    expect((found.json() as HandoverLookupResult).items[0]).toMatchObject({ handover: 'none' });
    expect((found.json() as HandoverLookupResult).items[0]!.blockedReason).toContain('not ready');
    expectProblem(await asRegister('GET', '/pickup-orders/lookup'), 400, 'validation_failed', 'code');
    const unpaired = await h.t.app.inject({
      url: `/api/registers/${s.sthlm.registerId}/pickup-orders/lookup?q=1`,
    });
    expect(unpaired.statusCode).toBe(401);
  });
});

describe('a prepaid hand-over', () => {
  it('captures exactly the amount due after a removed line, sells the held stock, and happens once', async () => {
    const order = await placeReady({}, [1]);
    const [kept, removed] = order.lines;
    expect(order.amountDue.amount).toBe(kept!.lineTotal.amount);
    const keptBefore = await level(kept!.skuId);
    const removedBefore = await level(removed!.skuId);

    // Twins sent at once, then a repeat: one capture.
    const [first, twin] = await Promise.all([
      handOver(order.id, 'key-handover-1'),
      handOver(order.id, 'key-handover-1'),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(twin.statusCode, twin.body).toBe(200);
    const collected = first.json() as Order;
    expect(collected.status).toBe('collected');
    expect(collected.collectedAt).not.toBeNull();
    // The rest of the authorization is released: the shopper pays what was handed over.
    expect(collected.payment).toMatchObject({
      status: 'captured',
      captured: { amount: kept!.lineTotal.amount },
      authorized: { amount: kept!.lineTotal.amount },
    });
    const repeat = await handOver(order.id, 'key-handover-1');
    expect(repeat.json()).toEqual(collected);
    expect(await operations(order.payment.id, 'capture')).toEqual([
      { amount: kept!.lineTotal.amount, idempotencyKey: 'handover:key-handover-1' },
    ]);
    expect(await operations(order.payment.id, 'void')).toHaveLength(1);

    // Held units leave the shelf once: on hand and reserved drop together; the removed line is untouched.
    const keptAfter = await level(kept!.skuId);
    expect(keptAfter.onHand).toBe(keptBefore.onHand - kept!.quantity);
    expect(keptAfter.reserved).toBe(keptBefore.reserved - kept!.quantity);
    expect(await level(removed!.skuId)).toEqual(removedBefore);
    expect((await eventsFor(order.id)).filter((e) => e === 'order.collected')).toHaveLength(1);

    expectProblem(await handOver(order.id, 'another-key-1'), 409, 'invalid_state', 'orderId');
  });

  it('captures once when two registers confirm the same order at once with different keys', async () => {
    const order = await placeReady();
    const answers = await Promise.all([handOver(order.id, 'key-race-a'), handOver(order.id, 'key-race-b')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual(expect.arrayContaining([200]));
    for (const answer of answers) expect([200, 409]).toContain(answer.statusCode);
    expect(await operations(order.payment.id, 'capture')).toHaveLength(1);
    expect((await eventsFor(order.id)).filter((e) => e === 'order.collected')).toHaveLength(1);
  });

  it('finishes a hand-over cut short after its capture, with any key, without capturing again', async () => {
    const order = await placeReady();
    // What a crash between the capture and the hand-over's transaction leaves behind.
    await h.t.ctx.db.query(
      `insert into order_handovers (order_id, idempotency_key, amount, register_id, cashier_id, status, started_at)
       values ($1, 'key-crashed-1', $2, $3, $4, 'started', $5)`,
      [order.id, order.amountDue.amount, s.sthlm.registerId, s.cashier, h.now],
    );
    await capturePayment(h.t.ctx, {
      paymentId: order.payment.id,
      amount: order.amountDue.amount,
      idempotencyKey: 'handover:key-crashed-1',
    });
    const retried = await handOver(order.id, 'key-after-crash');
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({
      status: 'collected',
      payment: { captured: { amount: order.amountDue.amount } },
    });
    expect(await operations(order.payment.id, 'capture')).toHaveLength(1);
  });

  it('refuses another store’s cashier, an order not ready and a pay-in-store order, changing nothing', async () => {
    const order = await placeReady();
    const placed = (await checkout(await pickupBody())).json().order as Order;
    const inStore = await placeReady({ payment: { method: 'in_store' } });
    const before = await level(order.lines[0]!.skuId);
    expectProblem(await handOver(order.id, 'key-refused-1', s.gbgCashier), 403, 'forbidden', 'cashierId');
    expectProblem(await handOver(order.id, 'short'), 400, 'validation_failed', 'idempotencyKey');
    expectProblem(await handOver(placed.id, 'key-refused-2'), 409, 'invalid_state', 'orderId');
    expectProblem(await handOver(inStore.id, 'key-refused-3'), 409, 'invalid_state', 'orderId');
    expect(await operations(order.payment.id, 'capture')).toEqual([]);
    expect(await level(order.lines[0]!.skuId)).toEqual(before);
    expect(
      (await asRegister('GET', `/pickup-orders/lookup?code=${order.pickupCode}`)).json().items[0].order
        .status,
    ).toBe('ready');
  });
});

describe('returning a web order in the store', () => {
  const giveBack = (orderId: string, returnId: string, lines: { orderLineId: string; quantity: number }[]) =>
    asRegister('POST', `/pickup-orders/${orderId}/returns`, {
      cashierId: s.cashier,
      returnId,
      lines,
      reason: 'Ångrat köp',
    });

  it('refunds the lines to the online payment and puts the goods back on this store’s shelf, once', async () => {
    const order = await placeReady();
    expect((await handOver(order.id, `key-ret-${order.id}`)).statusCode).toBe(200);
    const line = order.lines[0]!;
    const before = await level(line.skuId);
    const returned = await giveBack(order.id, 'return-0001', [{ orderLineId: line.id, quantity: 1 }]);
    expect(returned.statusCode, returned.body).toBe(201);
    const result = returned.json() as WebOrderReturnResult;
    expect(result.refunded.amount).toBe(line.unitPrice.amount);
    expect(result.order.payment.refunded.amount).toBe(line.unitPrice.amount);
    expect(result.order.lines[0]!.returnedQuantity).toBe(1);
    expect((await level(line.skuId)).onHand).toBe(before.onHand + 1);
    expect(await eventsFor(order.id)).toContain('order.returned');

    const repeat = await giveBack(order.id, 'return-0001', [{ orderLineId: line.id, quantity: 1 }]);
    expect(repeat.statusCode, repeat.body).toBe(200);
    expect(repeat.json()).toEqual(result);
    expect(await operations(order.payment.id, 'refund')).toHaveLength(1);
    expect((await level(line.skuId)).onHand).toBe(before.onHand + 1);

    // Two were collected and one came back: two more is too many; nothing changes.
    const over = await giveBack(order.id, 'return-0002', [{ orderLineId: line.id, quantity: 2 }]);
    expectProblem(over, 409, 'conflict', 'lines[0].quantity');
    expect(await operations(order.payment.id, 'refund')).toHaveLength(1);
    expect((await level(line.skuId)).onHand).toBe(before.onHand + 1);
    const reused = await giveBack(order.id, 'return-0001', [{ orderLineId: line.id, quantity: 2 }]);
    expectProblem(reused, 409, 'duplicate', 'returnId');
    const foreign = await giveBack(order.id, 'return-0005', [
      { orderLineId: 'oln_not_in_order', quantity: 1 },
    ]);
    expectProblem(foreign, 400, 'validation_failed', 'lines[0].orderLineId');
    expect(await operations(order.payment.id, 'refund')).toHaveLength(1);
  });

  it('does not take back at the counter a unit the shopper already asked to send back', async () => {
    const order = await placeReady();
    expect((await handOver(order.id, `key-rma-${order.id}`)).statusCode).toBe(200);
    const line = order.lines[0]!;
    // Both collected units: one is on its way back by post under a return request.
    const requested = await send(h.t, { cookie: h.manager }, 'POST', '/api/returns', {
      orderId: order.id,
      lines: [{ orderLineId: line.id, quantity: 1 }],
      reason: 'Skickar tillbaka',
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const both = await giveBack(order.id, 'return-rma-2', [{ orderLineId: line.id, quantity: 2 }]);
    expectProblem(both, 409, 'conflict', 'lines[0].quantity');
    expect(await operations(order.payment.id, 'refund')).toHaveLength(0);
    const one = await giveBack(order.id, 'return-rma-1', [{ orderLineId: line.id, quantity: 1 }]);
    expect(one.statusCode, one.body).toBe(201);
  });

  it('refuses an order not collected, and sends a pay-in-store order to its receipt', async () => {
    const ready = await placeReady();
    const line = { orderLineId: ready.lines[0]!.id, quantity: 1 };
    expectProblem(await giveBack(ready.id, 'return-0003', [line]), 409, 'invalid_state', 'orderId');
    const inStore = await placeReady({ payment: { method: 'in_store' } });
    const inStoreLine = { orderLineId: inStore.lines[0]!.id, quantity: 1 };
    expectProblem(await giveBack(inStore.id, 'return-0004', [inStoreLine]), 409, 'invalid_state', 'orderId');
  });
});
