// The simulated 3PL against a protocol-following stand-in for Handla: how it works orders (stock
// short → a second shipment later), what it takes from Handla (signed, once per messageId), and the
// faults it injects (503s, late and missing answers, repeats, reordering, downtime) — seeded.

import type {
  WmsExpectedDeliveryOut,
  WmsExpectedDeliveryUpdateOut,
  WmsInboundMessage,
  WmsOrderOut,
} from '@handla/api';
import { isValidS10 } from '@handla/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeHandla, postToSim, SECRET, startFakeHandla, until } from './fake-handla.testing';
import { type Sim3pl, type SimOptions, startSim3pl } from './index';
import { simArgs, spawnSim3pl } from './process';
import type { SenderStats, SentRecord } from './sender';
import type { SimOrder } from './warehouse';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function setUp(options: SimOptions = {}): Promise<{ sim: Sim3pl; handla: FakeHandla }> {
  const handla = await startFakeHandla();
  const sim = await startSim3pl({
    handlaUrl: handla.url,
    connectorId: 'con_test',
    secret: SECRET,
    workDelayMs: 1,
    retryMs: 10,
    retryCapMs: 50,
    ...options,
  });
  open.push(sim, handla);
  return { sim, handla };
}

let orderCount = 0;
function anOrder(skus: Record<string, number>): WmsOrderOut {
  const n = ++orderCount;
  return {
    messageId: `wmo_${n}`,
    type: 'order.created',
    orderId: `ord_${n}`,
    orderNumber: 1000 + n,
    lines: Object.entries(skus).map(([sku, quantity], i) => ({
      orderLineId: `ol_${n}_${i}`,
      sku,
      name: sku,
      quantity,
    })),
    shipTo: {
      name: 'Bo Berg',
      street: 'Storgatan 2',
      postalCode: '411 01',
      city: 'Göteborg',
      country: 'SE',
      phone: null,
      email: 'bo@example.se',
    },
    carrier: { carrierCode: 'PostNord', serviceCode: '19' },
    sentAt: new Date().toISOString(),
  };
}

const stats = (sim: Sim3pl) =>
  sim.control<{ sent: SenderStats; received: { taken: Record<string, number>; duplicatesReceived: number } }>(
    'GET',
    '/_control/stats',
  );
const records = async (sim: Sim3pl) =>
  (await sim.control<{ items: SentRecord[] }>('GET', '/_control/messages')).items;
const orderIn = async (sim: Sim3pl, orderId: string) =>
  (await sim.control<{ items: SimOrder[] }>('GET', '/_control/orders')).items.find(
    (o) => o.orderId === orderId,
  )!;
const settled = (sim: Sim3pl) => until(async () => (await stats(sim)).sent.pending === 0);
const ofOrder = (messages: WmsInboundMessage[], orderId: string) =>
  messages.filter((m) => 'orderId' in m && m.orderId === orderId && 'sequence' in m);

describe('the simulated 3PL', () => {
  it('ships what it has, then the rest when stock comes, each order message numbered from 1', async () => {
    const { sim, handla } = await setUp({ stock: { A: 1, B: 1, C: 0 } });
    const order = anOrder({ A: 1, B: 1, C: 1 });
    expect((await postToSim(sim.url, '/orders', order)).status).toBe(200);
    await until(() => handla.applied.length === 3);

    const [received, picking, shipped] = handla.applied;
    expect([received!.type, picking!.type, shipped!.type]).toEqual([
      'order.received',
      'order.picking',
      'order.shipped',
    ]);
    expect(handla.applied.map((m) => ('sequence' in m ? m.sequence : 0))).toEqual([1, 2, 3]);
    expect(shipped).toMatchObject({
      orderId: order.orderId,
      lines: [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 1 },
      ],
    });
    expect(isValidS10((shipped as { trackingNumber: string }).trackingNumber)).toBe(true);
    expect((await orderIn(sim, order.orderId)).status).toBe('waiting');

    await sim.control('PUT', '/_control/stock', { items: { C: 5 } });
    await until(() => handla.applied.length === 4);
    expect(handla.applied[3]).toMatchObject({
      type: 'order.shipped',
      sequence: 4,
      lines: [{ sku: 'C', quantity: 1 }],
    });
    expect((await orderIn(sim, order.orderId)).status).toBe('shipped');
    expect((await sim.control<{ items: Record<string, number> }>('GET', '/_control/stock')).items).toEqual({
      A: 0,
      B: 0,
      C: 4,
    });
  });

  it('takes new lines before picking, refuses them after (409, alike when repeated), and changes or cancels deliveries', async () => {
    const { sim } = await setUp({ autoWork: false, stock: { A: 5, B: 5 } });
    const order = anOrder({ A: 1 });
    await postToSim(sim.url, '/orders', order);
    await until(async () => (await orderIn(sim, order.orderId)).status === 'received');
    const update = (messageId: string, version: number, lines: Record<string, number>) => ({
      messageId,
      type: 'order.updated' as const,
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      version,
      lines: Object.entries(lines).map(([sku, quantity], i) => ({
        orderLineId: `u${i}`,
        sku,
        name: sku,
        quantity,
      })),
      sentAt: new Date().toISOString(),
    });
    const path = `/orders/${order.orderId}/update`;
    expect((await postToSim(sim.url, path, update('upd_1', 3, { A: 2, B: 1 }))).status).toBe(200);
    // An older version that comes late changes nothing.
    expect((await postToSim(sim.url, path, update('upd_0', 2, { A: 9 }))).status).toBe(200);
    expect((await orderIn(sim, order.orderId)).lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
    const wrongPath = await postToSim(sim.url, '/orders/ord_other/update', update('upd_x', 4, { A: 1 }));
    expect(wrongPath.status).toBe(400);
    await sim.control('POST', '/_control/work', { orderId: order.orderId });
    await until(async () => (await orderIn(sim, order.orderId)).status !== 'received');
    const late = await postToSim(sim.url, path, update('upd_2', 4, { A: 1 }));
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ field: 'orderId' });
    expect((await postToSim(sim.url, path, update('upd_2', 4, { A: 1 }))).status).toBe(409);
    expect((await orderIn(sim, order.orderId)).lines.map((l) => l.quantity)).toEqual([2, 1]);

    const expected: WmsExpectedDeliveryOut = {
      messageId: 'del_1',
      type: 'delivery.expected',
      purchaseOrderId: 'po_chg',
      purchaseOrderNumber: 'po_chg',
      expectedAt: null,
      lines: [{ sku: 'A', quantity: 5 }],
      sentAt: new Date().toISOString(),
    };
    await postToSim(sim.url, '/expected-deliveries', expected);
    const newLines: WmsExpectedDeliveryUpdateOut = {
      messageId: 'del_2',
      type: 'delivery.updated',
      purchaseOrderId: 'po_chg',
      purchaseOrderNumber: 'po_chg',
      version: 2,
      expectedAt: '2026-12-24',
      lines: [{ sku: 'A', quantity: 7 }],
      sentAt: new Date().toISOString(),
    };
    const changed = await postToSim(sim.url, '/expected-deliveries/po_chg/update', newLines);
    expect(changed.status).toBe(200);
    const deliveries = async () =>
      (
        await sim.control<{ items: { purchaseOrderId: string; lines: unknown[]; isCancelled: boolean }[] }>(
          'GET',
          '/_control/deliveries',
        )
      ).items.find((d) => d.purchaseOrderId === 'po_chg')!;
    expect((await deliveries()).lines).toEqual([{ sku: 'A', quantity: 7 }]);
    const cancel = {
      messageId: 'del_3',
      type: 'delivery.cancel',
      purchaseOrderId: 'po_chg',
      sentAt: new Date().toISOString(),
    };
    expect((await postToSim(sim.url, '/expected-deliveries/po_chg/cancel', cancel)).status).toBe(200);
    expect((await deliveries()).isCancelled).toBe(true);
    await expect(sim.control('POST', '/_control/deliveries/po_chg/receive')).rejects.toMatchObject({
      status: 409,
      field: 'purchaseOrderId',
    });
  });

  it('cancels the rest when told to work that way, and reports returns, snapshots and deliveries', async () => {
    const { sim, handla } = await setUp({ stock: { A: 2 }, whenShort: 'cancel', deliveryDeviation: -1 });
    const order = anOrder({ A: 1, B: 2 });
    await postToSim(sim.url, '/orders', order);
    await until(() => handla.applied.length === 4);
    expect(handla.applied.map((m) => m.type)).toEqual([
      'order.received',
      'order.picking',
      'order.shipped',
      'order.cancelled',
    ]);

    await sim.control('POST', `/_control/orders/${order.orderId}/returns`, {
      lines: [{ sku: 'A', quantity: 1, condition: 'resellable' }],
    });
    await expect(
      sim.control('POST', `/_control/orders/${order.orderId}/returns`, {
        lines: [{ sku: 'B', quantity: 1, condition: 'damaged' }],
      }),
    ).rejects.toMatchObject({ status: 400, field: 'lines[0].sku' });
    await postToSim(sim.url, '/expected-deliveries', {
      messageId: 'wmo_po1',
      type: 'delivery.expected',
      purchaseOrderId: 'po_1',
      purchaseOrderNumber: 'PO-1',
      expectedAt: null,
      lines: [
        { sku: 'A', quantity: 10 },
        { sku: 'D', quantity: 3 },
      ],
      sentAt: new Date().toISOString(),
    } as never);
    await sim.control('POST', '/_control/deliveries/po_1/receive');
    await sim.control('POST', '/_control/snapshot');
    await until(() => handla.applied.length === 7);

    expect(handla.applied[4]).toMatchObject({
      type: 'return.received',
      sequence: 5,
      lines: [{ sku: 'A', quantity: 1 }],
    });
    expect(handla.applied[5]).toMatchObject({
      type: 'delivery.received',
      purchaseOrderId: 'po_1',
      lines: [
        { sku: 'A', quantity: 9 },
        { sku: 'D', quantity: 3 },
      ],
    });
    // 2 − 1 shipped + 1 returned + 9 received.
    expect(handla.applied[6]).toMatchObject({
      type: 'stock.snapshot',
      items: expect.arrayContaining([
        { sku: 'A', quantity: 11 },
        { sku: 'B', quantity: 0 },
        { sku: 'D', quantity: 3 },
      ]),
    });
    // Counts of chosen SKUs, several times over (the bench's routine snapshots).
    await sim.control('POST', '/_control/snapshot', { skus: ['D'], times: 2 });
    await until(() => handla.applied.length === 9);
    expect(handla.applied.slice(7).map((m) => (m as { items: unknown }).items)).toEqual([
      [{ sku: 'D', quantity: 3 }],
      [{ sku: 'D', quantity: 3 }],
    ]);
  });

  it('takes only signed messages, and each messageId once', async () => {
    const { sim } = await setUp();
    const order = anOrder({ A: 1 });
    const forged = await postToSim(
      sim.url,
      '/orders',
      order,
      `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
    );
    expect(forged.status).toBe(401);
    expect((await postToSim(sim.url, '/orders', { ...order, lines: [] } as never)).status).toBe(200);
    expect((await postToSim(sim.url, '/orders', order)).status).toBe(200);
    const bad = await postToSim(sim.url, '/orders', {
      ...order,
      messageId: 'wmo_bad',
      orderNumber: 'x',
    } as never);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'orderNumber' });
    const s = await stats(sim);
    expect(s.received.taken).toEqual({ 'order.created': 1 });
    expect(s.received.duplicatesReceived).toBe(1);
  });

  it('answers 503 without taking, and answers late or never after taking', async () => {
    const { sim } = await setUp({ faults: { serverError: 1 }, slowAnswerMs: 400 });
    const order = anOrder({ A: 1 });
    expect((await postToSim(sim.url, '/orders', order)).status).toBe(503);
    expect((await stats(sim)).received.taken).toEqual({});

    await sim.control('PUT', '/_control/faults', { serverError: 0, slowAnswer: 1 });
    const startedAt = Date.now();
    expect((await postToSim(sim.url, '/orders', order)).status).toBe(200);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(390);

    await sim.control('PUT', '/_control/faults', { slowAnswer: 0, noAnswer: 1 });
    const second = anOrder({ A: 1 });
    await expect(postToSim(sim.url, '/orders', second)).rejects.toThrow();
    // The caller gave up, but the 3PL took the order; the retry is a duplicate.
    await sim.control('PUT', '/_control/faults', { noAnswer: 0 });
    expect((await postToSim(sim.url, '/orders', second)).status).toBe(200);
    const s = await stats(sim);
    expect(s.received.taken).toEqual({ 'order.created': 2 });
    expect(s.received.duplicatesReceived).toBe(1);

    await expect(sim.control('PUT', '/_control/faults', { slowAnswer: 2 })).rejects.toMatchObject({
      field: 'slowAnswer',
    });
    await expect(sim.control('PUT', '/_control/faults', { lateness: 0.1 })).rejects.toMatchObject({
      field: 'lateness',
    });
  });

  it('repeats and reorders its own messages and retries Handla’s failures; Handla still applies each once, in order', async () => {
    const { sim, handla } = await setUp({
      defaultStock: 100,
      faults: { duplicate: 0.5, reorder: 0.5 },
      seed: 5,
    });
    let call = 0;
    handla.failWith = () => (++call % 3 === 0 ? 503 : null);
    const orders = Array.from({ length: 20 }, () => anOrder({ A: 1, B: 2 }));
    for (const order of orders) await postToSim(sim.url, '/orders', order);
    await until(() => handla.applied.length === 60);
    await settled(sim);

    const sent = await records(sim);
    expect(sent).toHaveLength(60);
    expect(sent.every((r) => r.isAcked)).toBe(true);
    expect(handla.applied).toHaveLength(60);
    expect(new Set(handla.applied.map((m) => m.messageId)).size).toBe(60);
    for (const order of orders) {
      expect(ofOrder(handla.applied, order.orderId).map((m) => m.type)).toEqual([
        'order.received',
        'order.picking',
        'order.shipped',
      ]);
    }
    const s = await stats(sim);
    expect(s.sent.repeats).toBeGreaterThan(5);
    expect(s.sent.reordered).toBeGreaterThan(5);
    expect(s.sent.failedPosts).toBeGreaterThan(5);
    // Handla saw the repeats and at least one order's sequence out of order.
    expect(handla.arrivals.length).toBeGreaterThan(60 + 5);
    const outOfOrder = orders.some((o) => {
      const seqs = ofOrder(handla.arrivals, o.orderId).map((m) => ('sequence' in m ? m.sequence : 0));
      return seqs.some((seq, i) => i > 0 && seq < seqs[i - 1]!);
    });
    expect(outOfOrder).toBe(true);
    expect(sent.filter((r) => r.repeats > 0).every((r) => r.outcomes.includes('duplicate'))).toBe(true);
  });

  it('goes down (connections refused, nothing sent) and comes back with what it owed', async () => {
    const { sim, handla } = await setUp({ defaultStock: 10 });
    await sim.control('POST', '/_control/down', { ms: 400 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(postToSim(sim.url, '/orders', anOrder({ A: 1 }))).rejects.toThrow();
    await sim.control('POST', '/_control/send', {
      messages: [
        {
          messageId: 'wms_manual_1',
          type: 'stock.snapshot',
          occurredAt: new Date().toISOString(),
          items: [],
        },
      ],
    });
    expect((await stats(sim)).sent.pending).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(handla.arrivals).toHaveLength(0);

    await until(() => handla.applied.length === 1);
    const order = anOrder({ A: 1 });
    expect((await postToSim(sim.url, '/orders', order)).status).toBe(200);
    await until(() => handla.applied.length === 4);
  });

  it('injects the same faults for the same seed', async () => {
    const run = async () => {
      const { sim } = await setUp({ faults: { serverError: 0.3 }, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++)
        statuses.push((await postToSim(sim.url, '/orders', anOrder({ A: 1 }))).status);
      return statuses;
    };
    const first = await run();
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(3);
    expect(await run()).toEqual(first);
  });
});

describe('the simulated 3PL as a process', () => {
  it('prints where it listens, works an order, and refuses bad fault options', async () => {
    const handla = await startFakeHandla();
    open.push(handla);
    const sim = await spawnSim3pl(
      simArgs({ handla: handla.url, connector: 'con_p', secret: SECRET, defaultStock: 5, workDelayMs: 1 }),
    );
    open.push({ close: () => sim.stop() });
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await postToSim(sim.url, '/orders', anOrder({ A: 2 }))).status).toBe(200);
    await until(() => handla.applied.length === 3);
    expect(handla.applied[2]).toMatchObject({ type: 'order.shipped', lines: [{ sku: 'A', quantity: 2 }] });

    await expect(spawnSim3pl(simArgs({ faults: { serverError: 3 } }))).rejects.toThrow(/serverError/);
  });
});
