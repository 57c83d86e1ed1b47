import type { DeadLetter, WmsInboundMessage } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { callAs } from '../../testing/http-driver';
import { nextMessageId, orderMsg, post, runOutbound, useConnectors } from './connectors.harness';
import { placeWmsOrder } from './connectors.testing';
import { insertInbound } from './messages.store';

const h = useConnectors();
const db = () => h.t.ctx.db;

const shipped = (
  orderId: string,
  sequence: number,
  lines: { sku: string; quantity: number }[],
  trackingNumber = `TRK${sequence}${Math.random().toString(36).slice(2, 8)}`,
): WmsInboundMessage => ({
  messageId: nextMessageId(),
  type: 'order.shipped',
  orderId,
  sequence,
  occurredAt: new Date().toISOString(),
  trackingNumber,
  carrierCode: 'PostNord',
  lines,
});

const sku = (i: number) => h.wms.skus[i]!.sku;

async function orderState(orderId: string) {
  const [order] = await db().query<{ status: string; lockedById: string | null; paymentId: string }>(
    'select status, locked_by_id as "lockedById", payment_id as "paymentId" from orders where id = $1',
    [orderId],
  );
  const shipments = await db().query<{ trackingNumber: string; amount: number }>(
    'select tracking_number as "trackingNumber", amount from shipments where order_id = $1 order by number',
    [orderId],
  );
  const ops = await db().query<{ kind: string; amount: number }>(
    `select kind, amount from payment_operations where payment_id = $1 and outcome = 'succeeded' order by started_at`,
    [order!.paymentId],
  );
  return { ...order!, shipments, ops };
}

const inboundStatuses = async (orderId: string) =>
  (
    await db().query<{ sequence: number; status: string }>(
      `select sequence, status from connector_messages where direction = 'in' and order_id = $1 order by sequence`,
      [orderId],
    )
  ).map((r) => `${r.sequence}:${r.status}`);

const openLetters = async () =>
  (await callAs<{ items: DeadLetter[] }>(h.manager, 'GET', '/api/connectors/dead-letters?status=open')).items;

describe('order messages', () => {
  it('applies received, picking (locks), and shipped in parts with tracking numbers and captures', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [2, 1]);
    expect((await post(h, orderMsg(order.id, 1, 'order.received'))).json.results).toEqual([
      { messageId: expect.any(String), outcome: 'applied' },
    ]);
    expect((await post(h, orderMsg(order.id, 2, 'order.picking'))).status).toBe(200);
    let state = await orderState(order.id);
    expect(state).toMatchObject({ status: 'picking', lockedById: `connector:${h.wms.connector.id}` });

    // The back office may not edit an order the 3PL is picking.
    const lineId = order.lines[0]!.id;
    const edit = await h.t.app.inject({
      method: 'PATCH',
      url: `/api/admin/orders/${order.id}/lines/${lineId}`,
      headers: { cookie: h.manager.cookie },
      payload: { quantity: 1 },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('order_locked');

    const first = await post(h, shipped(order.id, 3, [{ sku: sku(0), quantity: 2 }], 'TRK-FIRST'));
    expect(first.json.results[0]!.outcome).toBe('applied');
    state = await orderState(order.id);
    expect(state.shipments).toEqual([{ trackingNumber: 'TRK-FIRST', amount: expect.any(Number) }]);
    const firstAmount = 2 * h.wms.skus[0]!.price + order.totals.shipping.amount;
    expect(state.shipments[0]!.amount).toBe(firstAmount);
    expect(state.ops.filter((o) => o.kind === 'capture').map((o) => o.amount)).toEqual([firstAmount]);
    expect(state.status).toBe('picking');

    await post(h, shipped(order.id, 4, [{ sku: sku(1), quantity: 1 }], 'TRK-SECOND'));
    state = await orderState(order.id);
    expect(state.status).toBe('shipped');
    expect(state.shipments.map((s) => s.trackingNumber)).toEqual(['TRK-FIRST', 'TRK-SECOND']);
    expect(state.ops.filter((o) => o.kind === 'capture').map((o) => o.amount)).toEqual([
      firstAmount,
      h.wms.skus[1]!.price,
    ]);
    const mails = await db().query<{ template: string }>(
      `select template from outgoing_messages where order_id = $1 and template = 'order_shipped'`,
      [order.id],
    );
    expect(mails.length).toBeGreaterThanOrEqual(2);
    const timeline = await callAs<{ items: { type: string; summary: string }[] }>(
      h.manager,
      'GET',
      `/api/admin/orders/${order.id}/timeline`,
    );
    expect(timeline.items.filter((i) => i.type === 'connector.message_received')).toHaveLength(4);
  });

  it('holds a message that comes before its predecessor and applies it when the gap fills', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    const early = await post(h, orderMsg(order.id, 2, 'order.picking'));
    expect(early.json.results[0]!.outcome).toBe('held');
    expect((await orderState(order.id)).status).toBe('placed');
    const gap = await post(h, orderMsg(order.id, 1, 'order.received'));
    expect(gap.json.results[0]!.outcome).toBe('applied');
    expect(await inboundStatuses(order.id)).toEqual(['1:applied', '2:applied']);
    expect((await orderState(order.id)).status).toBe('picking');
  });

  it('re-drives, with the job, a message a crashed process left claimed, then its held successor', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    expect((await post(h, orderMsg(order.id, 2, 'order.picking'))).json.results[0]!.outcome).toBe('held');
    // What a process that died right after recording sequence 1 leaves: claimed, lease run out.
    const lost = orderMsg(order.id, 1, 'order.received');
    const past = new Date(Date.now() - 120_000);
    await insertInbound(
      db(),
      {
        connectorId: h.wms.connector.id,
        messageId: lost.messageId,
        type: lost.type,
        resource: `order:${order.id}`,
        orderId: order.id,
        sequence: 1,
        payload: lost,
        status: 'applying',
      },
      past,
      past,
    );
    expect((await post(h, lost)).json.results[0]!.outcome).toBe('duplicate');
    await h.t.app.jobs.runOnce('connectors.inbound');
    expect(await inboundStatuses(order.id)).toEqual(['1:applied', '2:applied']);
    expect((await orderState(order.id)).status).toBe('picking');
  });

  it('answers a repeated message id `duplicate` and applies it once', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    await post(h, orderMsg(order.id, 1, 'order.received'));
    const message = shipped(order.id, 2, [{ sku: sku(0), quantity: 1 }]);
    expect((await post(h, message)).json.results[0]!.outcome).toBe('applied');
    expect((await post(h, { messages: [message] })).json.results[0]!.outcome).toBe('duplicate');
    const state = await orderState(order.id);
    expect(state.shipments).toHaveLength(1);
    expect(state.ops.filter((o) => o.kind === 'capture')).toHaveLength(1);
  });

  it('applies one of many concurrent copies of a message, once', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [2]);
    await post(h, orderMsg(order.id, 1, 'order.received'));
    const message = shipped(order.id, 2, [{ sku: sku(0), quantity: 2 }]);
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(h, message)));
    const outcomes = answers.map((a) => a.json.results[0]!.outcome).sort();
    expect(outcomes).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const state = await orderState(order.id);
    expect(state.shipments).toHaveLength(1);
    expect(state.ops.filter((o) => o.kind === 'capture')).toHaveLength(1);
    expect(state.status).toBe('shipped');
  });

  it('applies the messages of an order in sequence when they arrive all at once in any order', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [1, 1, 1]);
    const list = [
      orderMsg(order.id, 1, 'order.received'),
      orderMsg(order.id, 2, 'order.picking'),
      shipped(order.id, 3, [{ sku: sku(0), quantity: 1 }]),
      shipped(order.id, 4, [{ sku: sku(1), quantity: 1 }]),
      shipped(order.id, 5, [{ sku: sku(2), quantity: 1 }]),
    ];
    const answers = await Promise.all([4, 2, 0, 3, 1].map((i) => post(h, list[i]!)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const rows = await db().query<{ sequence: number; status: string; doneAt: Date }>(
      `select sequence, status, done_at as "doneAt" from connector_messages
        where direction = 'in' and order_id = $1 order by sequence`,
      [order.id],
    );
    expect(rows.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    const done = rows.map((r) => r.doneAt.getTime());
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const state = await orderState(order.id);
    expect(state.status).toBe('shipped');
    expect(state.shipments).toHaveLength(3);
  });

  it('cancels the rest when the 3PL cannot ship, releasing the authorization, and sends no cancel back', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    await runOutbound(h);
    await post(h, orderMsg(order.id, 1, 'order.received'));
    await post(h, { ...orderMsg(order.id, 2, 'order.cancelled'), reason: 'Out of stock at the 3PL' });
    const state = await orderState(order.id);
    expect(state.status).toBe('cancelled');
    expect(state.ops.map((o) => o.kind)).toContain('void');
    await runOutbound(h);
    const cancels = h.receiver.posts.filter((p) => p.path === `/wms/orders/${order.id}/cancel`);
    expect(cancels).toEqual([]);
  });

  it('sends a cancel when the shop cancels an order the 3PL has', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    await runOutbound(h);
    const res = await h.t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/cancel`,
      headers: { cookie: h.manager.cookie },
      payload: { reason: 'The shopper changed their mind' },
    });
    expect(res.statusCode).toBe(200);
    await runOutbound(h);
    const cancel = [...h.receiver.taken.values()].find((m) => m.path === `/wms/orders/${order.id}/cancel`);
    expect(cancel?.body).toMatchObject({ type: 'order.cancel', orderId: order.id });
  });
});

describe('refused messages', () => {
  it('answers an unknown order 422 naming orderId, files a dead letter, and changes nothing', async () => {
    const message = orderMsg('ord_nope', 1, 'order.picking');
    const res = await post(h, message);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ code: 'message_rejected', errors: [{ field: 'orderId' }] });
    const letter = (await openLetters()).find(
      (l) => (l.payload as { messageId: string }).messageId === message.messageId,
    );
    expect(letter).toMatchObject({ kind: 'wms.inbound', field: 'orderId', status: 'open' });
  });

  it('refuses an unknown SKU and more than ordered, naming the line, with nothing shipped', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    const unknown = await post(h, shipped(order.id, 1, [{ sku: 'NO-SUCH-SKU', quantity: 1 }]));
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors).toEqual([expect.objectContaining({ field: 'lines[0].sku' })]);
    const { order: other } = await placeWmsOrder(h.base, h.wms, [1]);
    const tooMany = await post(h, shipped(other.id, 1, [{ sku: sku(0), quantity: 3 }]));
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.errors).toEqual([expect.objectContaining({ field: 'lines[0].quantity' })]);
    for (const id of [order.id, other.id]) {
      const state = await orderState(id);
      expect(state).toMatchObject({ status: 'placed', shipments: [] });
      expect(state.ops.filter((o) => o.kind === 'capture')).toEqual([]);
    }
    // In a batch the bad one is answered dead_lettered and the good one applies.
    const { order: third } = await placeWmsOrder(h.base, h.wms, [1]);
    const batch = await post(h, {
      messages: [orderMsg(third.id, 1, 'order.received'), orderMsg('ord_unknown', 1, 'order.received')],
    });
    expect(batch.status).toBe(200);
    expect(batch.json.results.map((r) => r.outcome)).toEqual(['applied', 'dead_lettered']);
  });

  it('retries a dead letter once the cause is fixed, then lets the held successors go on', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [1]);
    // A store holds the order: the 3PL's picking is refused.
    await db().query(
      `update orders set locked_by_kind = 'staff', locked_by_id = 'stf_someone', locked_by_name = 'Anna' where id = $1`,
      [order.id],
    );
    const picking = await post(h, orderMsg(order.id, 1, 'order.picking'));
    expect(picking.status).toBe(422);
    expect(picking.json.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    const held = await post(h, shipped(order.id, 2, [{ sku: sku(0), quantity: 1 }]));
    expect(held.json.results[0]!.outcome).toBe('held');
    const letter = (await openLetters()).find((l) => l.orderId === order.id)!;

    const stillLocked = await callAs<DeadLetter>(
      h.manager,
      'POST',
      `/api/connectors/dead-letters/${letter.id}/retry`,
    );
    expect(stillLocked).toMatchObject({ status: 'open', retries: 1 });
    await callAs(h.manager, 'POST', `/api/orders/${order.id}/unlock`);
    const fixed = await callAs<DeadLetter>(
      h.manager,
      'POST',
      `/api/connectors/dead-letters/${letter.id}/retry`,
    );
    expect(fixed.status).toBe('resolved');
    expect(await inboundStatuses(order.id)).toEqual(['1:applied', '2:applied']);
    expect((await orderState(order.id)).status).toBe('shipped');
  });

  it('dismisses a dead letter with a reason', async () => {
    const message = orderMsg('ord_gone', 1, 'order.received');
    await post(h, message);
    const letter = (await openLetters()).find(
      (l) => (l.payload as { messageId: string }).messageId === message.messageId,
    )!;
    const noReason = await h.t.app.inject({
      method: 'POST',
      url: `/api/connectors/dead-letters/${letter.id}/dismiss`,
      headers: { cookie: h.manager.cookie },
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const dismissed = await callAs<DeadLetter>(
      h.manager,
      'POST',
      `/api/connectors/dead-letters/${letter.id}/dismiss`,
      {
        reason: 'Test order from the 3PL',
      },
    );
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissReason: 'Test order from the 3PL' });
  });
});

describe('stock, returns and deliveries', () => {
  const onHand = async (skuId: string) =>
    (
      await db().query<{ onHand: number }>(
        'select on_hand as "onHand" from stock_levels where sku_id = $1 and location_id = $2',
        [skuId, h.wms.locationId],
      )
    )[0]?.onHand ?? 0;

  it('turns snapshot differences into "3PL count" movements, once', async () => {
    const [a, b, c] = h.wms.skus;
    const before = [await onHand(a!.id), await onHand(b!.id), await onHand(c!.id)];
    const snapshot = () => ({
      messageId: nextMessageId(),
      type: 'stock.snapshot',
      occurredAt: new Date().toISOString(),
      items: [
        { sku: a!.sku, quantity: before[0]! + 3 },
        { sku: b!.sku, quantity: before[1]! - 2 },
        { sku: c!.sku, quantity: before[2]! },
      ],
    });
    const moves = () =>
      db().query<{ quantity: number }>(
        `select quantity from stock_movements where location_id = $1 and reason = '3PL count' order by quantity`,
        [h.wms.locationId],
      );
    expect((await post(h, snapshot())).json.results[0]!.outcome).toBe('applied');
    expect((await moves()).map((m) => m.quantity)).toEqual([-2, 3]);
    expect(await onHand(a!.id)).toBe(before[0]! + 3);
    await post(h, snapshot());
    expect(await moves()).toHaveLength(2);

    const bad = await post(h, {
      ...snapshot(),
      items: [
        { sku: a!.sku, quantity: 1 },
        { sku: 'NOPE', quantity: 1 },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual([expect.objectContaining({ field: 'items[1].sku' })]);
    expect(await onHand(a!.id)).toBe(before[0]! + 3);
  });

  it('books two different snapshots applied at once so the ledger sums to the on-hand', async () => {
    const [, , c] = h.wms.skus;
    const before = await onHand(c!.id);
    const ledger = async () =>
      (
        await db().query<{ sum: number }>(
          `select coalesce(sum(quantity), 0)::int as sum from stock_movements where sku_id = $1 and location_id = $2`,
          [c!.id, h.wms.locationId],
        )
      )[0]!.sum;
    const ledgerBefore = await ledger();
    const snapshot = (quantity: number) => ({
      messageId: nextMessageId(),
      type: 'stock.snapshot',
      occurredAt: new Date().toISOString(),
      items: [{ sku: c!.sku, quantity }],
    });
    const answers = await Promise.all([post(h, snapshot(before + 5)), post(h, snapshot(before + 7))]);
    expect(answers.map((a) => a.json.results[0]!.outcome)).toEqual(['applied', 'applied']);
    const after = await onHand(c!.id);
    expect([before + 5, before + 7]).toContain(after);
    // Whichever came last is the on-hand, and the movements account for exactly the change.
    expect((await ledger()) - ledgerBefore).toBe(after - before);
  });

  it('receives a return: resellable back to stock, damaged written off, refunded', async () => {
    const { order } = await placeWmsOrder(h.base, h.wms, [2]);
    await post(h, shipped(order.id, 1, [{ sku: sku(0), quantity: 2 }]));
    const stock = await onHand(h.wms.skus[0]!.id);
    const res = await post(h, {
      messageId: nextMessageId(),
      type: 'return.received',
      orderId: order.id,
      sequence: 2,
      occurredAt: new Date().toISOString(),
      lines: [
        { sku: sku(0), quantity: 1, condition: 'resellable' },
        { sku: sku(0), quantity: 1, condition: 'damaged' },
      ],
    });
    expect(res.json.results[0]!.outcome).toBe('applied');
    expect(await onHand(h.wms.skus[0]!.id)).toBe(stock + 1);
    const [ret] = await db().query<{ status: string }>(
      'select status from return_requests where order_id = $1',
      [order.id],
    );
    expect(ret!.status).toBe('completed');
    const refunds = (await orderState(order.id)).ops.filter((o) => o.kind === 'refund');
    expect(refunds).toHaveLength(1);
  });

  it('receives a purchase order with over and under delivery as deviations', async () => {
    const supplier = await callAs<{ id: string }>(h.manager, 'POST', '/api/suppliers', {
      code: 'SUP-DEV',
      name: 'Avvikelse AB',
    });
    const [a, b] = h.wms.skus;
    const po = await callAs<{ id: string }>(h.manager, 'POST', '/api/purchase-orders', {
      supplierId: supplier.id,
      locationId: h.wms.locationId,
      expectedOn: '2026-12-20',
      lines: [
        { skuId: a!.id, quantity: 10 },
        { skuId: b!.id, quantity: 5 },
      ],
    });
    const before = await onHand(a!.id);
    const res = await post(h, {
      messageId: nextMessageId(),
      type: 'delivery.received',
      occurredAt: new Date().toISOString(),
      purchaseOrderId: po.id,
      lines: [
        { sku: a!.sku, quantity: 12 },
        { sku: b!.sku, quantity: 3 },
      ],
    });
    expect(res.json.results[0]!.outcome).toBe('applied');
    const got = await callAs<{
      status: string;
      deviations: { skuId: string; kind: string; quantity: number }[];
    }>(h.manager, 'GET', `/api/purchase-orders/${po.id}`);
    expect(got.status).toBe('received');
    expect(got.deviations.map((d) => [d.skuId, d.kind, d.quantity]).sort()).toEqual(
      [
        [a!.id, 'over', 2],
        [b!.id, 'under', 2],
      ].sort(),
    );
    expect(await onHand(a!.id)).toBe(before + 12);
  });
});
