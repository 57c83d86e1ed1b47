// The store's work on pickup orders from a paired register: the live queue (SSE, resumable), accept
// with the pick ticket on a TCP printer sink, picking under the register's lock, line changes,
// ready, and the job that cancels orders nobody collected.
import type { AcceptOrderResult, CheckoutResult, Order, PickupQueue } from '@handla/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSse } from '../../testing/sse';
import { printedText } from '../register/printing/escpos-decoder.testing';
import { type PrinterSink, startPrinterSink } from '../register/printing/printer-sink.testing';
import {
  demoRegister,
  expectProblem,
  pairTestDevice,
  send,
  type TestDevice,
} from '../register/register.testing';
import { useOrdersHttp } from './orders.http-harness';

const { h, pickupBody, checkout, reservedAt, messagesOf, eventsFor } = useOrdersHttp();

let kassa1: TestDevice;
let kassa2: TestDevice;
let gbg: TestDevice;
let cashier: string; // Stockholm's cashier (101)
let gbgCashier: string;
let printer: PrinterSink;

beforeAll(async () => {
  printer = await startPrinterSink();
  const owner = h.owner;
  kassa1 = await pairTestDevice(h.t, (await demoRegister(h.t, 'STHLM', 'KASSA-1')).id, owner);
  kassa2 = await pairTestDevice(h.t, (await demoRegister(h.t, 'STHLM', 'KASSA-2')).id, owner);
  gbg = await pairTestDevice(h.t, (await demoRegister(h.t, 'GBG')).id, owner);
  const settings = {
    printerHost: '127.0.0.1',
    printerPort: printer.port,
    controlUnitSerial: null,
    isTrainingAllowed: true,
    idleLockMinutes: 5,
  };
  const saved = await send(
    h.t,
    { cookie: owner },
    'PUT',
    `/api/registers/${kassa1.registerId}/settings`,
    settings,
  );
  expect(saved.statusCode, saved.body).toBe(200);
  const staffOf = async (number: string) =>
    (
      await h.t.ctx.db.query<{ id: string }>(
        'select staff_user_id as id from register_cashiers where staff_number = $1',
        [number],
      )
    )[0]!.id;
  // Enough on the shelves for every order these tests place, in both stores.
  for (const sku of h.skus) {
    for (const location of ['STHLM-BUTIK', 'GBG-BUTIK']) {
      const received = await send(h.t, { cookie: owner }, 'POST', '/api/stock/receipts', {
        skuId: sku.id,
        locationId: h.loc[location],
        quantity: 100,
      });
      expect(received.statusCode, received.body).toBe(201);
    }
  }
  cashier = await staffOf('101');
  gbgCashier = await staffOf('102');
  return () => {
    printer.close();
  };
});

const place = async (patch = {}) => {
  const response = await checkout(await pickupBody(patch));
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as CheckoutResult).order;
};
const at = (device: TestDevice, orderId: string, action: string) =>
  `/api/registers/${device.registerId}/pickup-orders/${orderId}/${action}`;
const act = (device: TestDevice, orderId: string, action: string, body: object = { cashierId: cashier }) =>
  send(h.t, device.headers, 'POST', at(device, orderId, action), body);
const orderRow = async (id: string) =>
  (
    await h.t.ctx.db.query<{ status: string; lockedById: string | null }>(
      'select status, locked_by_id as "lockedById" from orders where id = $1',
      [id],
    )
  )[0]!;

describe('the register’s live queue', () => {
  it('streams a new order of its store at once, not another store’s, and resumes after Last-Event-ID', async () => {
    const base = await h.t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${base}/api/registers/${kassa1.registerId}/events`;
    const stream = await fetch(url, { headers: kassa1.headers });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    let orderId = '';
    const received = readSse(stream, (m) => m.event === 'order.placed' && m.data.aggregateId === orderId);
    // Göteborg's order is announced first and must not reach a Stockholm register.
    await place({ fulfilment: { kind: 'pickup', storeId: h.store.GBG!, slot: 'asap' } });
    // How fast it arrives is measured by the bench (web_to_register.*), not asserted here.
    const order = await place();
    orderId = order.id;
    const messages = await received;
    expect(messages.every((m) => m.data.storeId === h.store.STHLM && m.event.startsWith('order.'))).toBe(
      true,
    );
    const placed = messages.at(-1)!;
    expect((placed.data.data as { order: Order }).order.id).toBe(order.id);

    // Offline: two orders and an accept happen; the reconnect gets each missed event once, in order.
    const missedOrder = await place();
    expect((await act(kassa1, missedOrder.id, 'accept')).statusCode).toBe(200);
    const resumed = await fetch(url, { headers: { ...kassa1.headers, 'last-event-id': placed.id } });
    const expected = (await eventsFor(missedOrder.id)).length;
    const missed = await readSse(resumed, (m) => m.event === 'order.accepted');
    const ofMissed = missed.filter((m) => m.data.aggregateId === missedOrder.id).map((m) => m.event);
    expect(ofMissed).toEqual(['order.created', 'order.placed', 'order.accepted']);
    expect(ofMissed).toHaveLength(expected);
    const ids = missed.map((m) => Number(m.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id > Number(placed.id))).toBe(true);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: gbg.headers })).status).toBe(403);
  });

  it('lists the store’s orders per tab with counts, overdue after the pickup time, and collect-by', async () => {
    const order = await place();
    const queue = async (filter: string) => {
      const response = await send(
        h.t,
        kassa1.headers,
        'GET',
        `/api/registers/${kassa1.registerId}/pickup-queue?filter=${filter}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as PickupQueue;
    };
    const fresh = await queue('new');
    const item = fresh.items.find((i) => i.order.id === order.id)!;
    expect(item.isOverdue).toBe(false);
    const slotEnd = order.fulfilment.kind === 'pickup' ? order.fulfilment.slotEndsAt : '';
    // The demo stores cancel after 7 days by default.
    expect(item.collectBy).toBe(new Date(+new Date(slotEnd) + 7 * 86_400_000).toISOString());
    expect(fresh.counts.new).toBeGreaterThanOrEqual(1);
    expect(fresh.items.every((i) => i.order.status === 'placed')).toBe(true);
    const gbgQueue = await send(h.t, gbg.headers, 'GET', `/api/registers/${gbg.registerId}/pickup-queue`);
    expect((gbgQueue.json() as PickupQueue).items.map((i) => i.order.id)).not.toContain(order.id);

    const saved = h.now;
    h.now = new Date(+new Date(slotEnd) + 60_000);
    try {
      const overdue = await queue('overdue');
      expect(overdue.items.find((i) => i.order.id === order.id)?.isOverdue).toBe(true);
      expect(overdue.counts.overdue).toBe(overdue.items.length);
    } finally {
      h.now = saved;
    }
    expectProblem(
      await send(h.t, kassa1.headers, 'GET', `/api/registers/${kassa1.registerId}/pickup-queue?filter=late`),
      400,
      'validation_failed',
      'filter',
    );
  });
});

describe('accept and the pick ticket', () => {
  it('accepts and prints number, customer, pickup time, lines with SKU and shelf, and the QR code', async () => {
    const order = await place();
    const jobsBefore = printer.jobs.length;
    const response = await act(kassa1, order.id, 'accept');
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as AcceptOrderResult;
    expect(result.order.status).toBe('accepted');
    expect(result.order.acceptedAt).toBe(h.now.toISOString());
    expect(result.pickTicket).toEqual({ printed: true, error: null });
    expect(await eventsFor(order.id)).toContain('order.accepted');

    const paper = await printer.printed(jobsBefore + 1);
    const text = printedText(paper);
    const number = paper.lines.find((l) => l.text.includes(`Order ${order.number}`))!;
    expect(number.width).toBe(2);
    expect(text).toContain('Anna Andersson');
    // 08:00 in Stockholm: the first slot of Tuesday 1 December, in the store's time zone.
    expect(text.some((l) => l.startsWith('Hämtas tisdag 1 december kl.'))).toBe(true);
    for (const line of result.order.lines) {
      expect(line.shelf).toMatch(/^[A-H]\d-\d$/);
      expect(text).toContain(
        `${line.quantity} × ${line.productName}${line.variantName ? `, ${line.variantName}` : ''}`,
      );
      expect(text.find((l) => l.startsWith(`Art.nr ${line.sku}`))).toMatch(
        new RegExp(`Hylla ${line.shelf}$`),
      );
    }
    expect(paper.qrCodes).toEqual([order.pickupCode]);
  });

  it('keeps the accept when the printer is missing or down', async () => {
    const order = await place();
    const result = (await act(kassa2, order.id, 'accept')).json() as AcceptOrderResult;
    expect(result.order.status).toBe('accepted');
    expect(result.pickTicket.printed).toBe(false);
    expect(result.pickTicket.error).toMatch(/no receipt printer/);
    expect((await orderRow(order.id)).status).toBe('accepted');
  });

  it('refuses a cashier of another store (naming cashierId) and another register’s device, changing nothing', async () => {
    const order = await place();
    expectProblem(
      await act(kassa1, order.id, 'accept', { cashierId: gbgCashier }),
      403,
      'forbidden',
      'cashierId',
    );
    const foreign = await send(h.t, gbg.headers, 'POST', at(kassa1, order.id, 'accept'), {
      cashierId: cashier,
    });
    expect(foreign.statusCode).toBe(403);
    expectProblem(await act(gbg, order.id, 'accept', { cashierId: gbgCashier }), 404, 'not_found', 'orderId');
    expect((await orderRow(order.id)).status).toBe('placed');
    expect(await eventsFor(order.id)).toEqual(['order.created', 'order.placed']);
  });
});

describe('picking under the register’s lock', () => {
  it('locks the order to the picking register: others get 409 order_locked and nothing changes; a manager unlocks', async () => {
    const order = await place();
    const picking = await act(kassa1, order.id, 'picking');
    expect(picking.statusCode, picking.body).toBe(200);
    const locked = picking.json() as Order;
    expect(locked.status).toBe('picking');
    expect(locked.lockedBy).toMatchObject({ kind: 'register', id: kassa1.registerId });
    expect(locked.lockedBy!.name).toContain('KASSA-1');
    expect(await eventsFor(order.id)).toContain('order.picking');
    const events = (await eventsFor(order.id)).length;

    const line = locked.lines[0]!;
    for (const refused of [
      await act(kassa2, order.id, 'ready'),
      await act(kassa2, order.id, `lines/${line.id}/pick`, { cashierId: cashier, quantity: 1 }),
      await send(h.t, { cookie: h.manager }, 'POST', `/api/orders/${order.id}/ready`),
      await send(h.t, { cookie: h.manager }, 'POST', `/api/orders/${order.id}/cancel`, {}),
    ]) {
      expectProblem(refused, 409, 'order_locked', 'id');
      expect(refused.body).toContain('KASSA-1');
    }
    expect(await orderRow(order.id)).toEqual({ status: 'picking', lockedById: kassa1.registerId });
    expect(await eventsFor(order.id)).toHaveLength(events);

    expect(
      (await send(h.t, { cookie: h.cashier }, 'POST', `/api/orders/${order.id}/unlock`)).statusCode,
    ).toBe(403);
    const unlocked = await send(h.t, { cookie: h.manager }, 'POST', `/api/orders/${order.id}/unlock`);
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect((unlocked.json() as Order).lockedBy).toBeNull();
    expect((await eventsFor(order.id)).at(-1)).toBe('order.updated');
    // Another register takes the unlocked order over; now the first one is kept out.
    const taken = await act(kassa2, order.id, 'picking');
    expect(taken.statusCode, taken.body).toBe(200);
    expect((taken.json() as Order).lockedBy).toMatchObject({ id: kassa2.registerId });
    expect((await eventsFor(order.id)).at(-1)).toBe('order.picking');
    expectProblem(await act(kassa1, order.id, 'ready'), 409, 'order_locked', 'id');
    const ready = await act(kassa2, order.id, 'ready');
    expect(ready.statusCode, ready.body).toBe(200);
    expect(await orderRow(order.id)).toEqual({ status: 'ready', lockedById: null });
  });

  it('picks units, and marking ready picks what is left, ends the lock and tells the shopper', async () => {
    const order = await place();
    await act(kassa1, order.id, 'picking');
    const [two, one] = order.lines;
    expectProblem(
      await act(kassa1, order.id, `lines/${two!.id}/pick`, { cashierId: cashier, quantity: 3 }),
      400,
      'validation_failed',
      'quantity',
    );
    const partly = (
      await act(kassa1, order.id, `lines/${two!.id}/pick`, { cashierId: cashier, quantity: 1 })
    ).json() as Order;
    expect(partly.lines[0]).toMatchObject({ state: 'open', pickedQuantity: 1 });
    const full = (
      await act(kassa1, order.id, `lines/${one!.id}/pick`, { cashierId: cashier, quantity: 1 })
    ).json() as Order;
    expect(full.lines[1]).toMatchObject({ state: 'picked', pickedQuantity: 1 });

    const ready = await act(kassa1, order.id, 'ready');
    expect(ready.statusCode, ready.body).toBe(200);
    const done = ready.json() as Order;
    expect(done.status).toBe('ready');
    expect(done.lockedBy).toBeNull();
    expect(done.lines.map((l) => [l.state, l.pickedQuantity])).toEqual([
      ['picked', 2],
      ['picked', 1],
    ]);
    expect((await messagesOf(order.id)).map((m) => m.template)).toContain('order_ready');
    expectProblem(
      await act(kassa1, order.id, `lines/${two!.id}/remove`, { cashierId: cashier, note: 'late' }),
      409,
      'invalid_state',
      'orderId',
    );
  });
});

describe('line changes', () => {
  it('removes a line: hold released, amount due drops, the shopper told; ready refused once nothing is left', async () => {
    const order = await place();
    const [first, second] = order.lines;
    const held = await reservedAt(first!.skuId, 'STHLM-BUTIK');
    const response = await act(kassa1, order.id, `lines/${first!.id}/remove`, {
      cashierId: cashier,
      note: 'Trasig förpackning',
    });
    expect(response.statusCode, response.body).toBe(200);
    const changed = response.json() as Order;
    expect(changed.lines[0]).toMatchObject({ state: 'removed', note: 'Trasig förpackning' });
    expect(changed.amountDue.amount).toBe(order.amountDue.amount - first!.lineTotal.amount);
    expect(await reservedAt(first!.skuId, 'STHLM-BUTIK')).toBe(held - first!.quantity);
    const changes = (await messagesOf(order.id)).filter((m) => m.template === 'order_changed');
    expect(changes.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect((await eventsFor(order.id)).at(-1)).toBe('order.updated');

    expectProblem(
      await act(kassa1, order.id, `lines/${first!.id}/remove`, { cashierId: cashier, note: 'again' }),
      409,
      'invalid_state',
      'lineId',
    );
    await act(kassa1, order.id, `lines/${second!.id}/remove`, { cashierId: cashier, note: 'Slut' });
    expect((await messagesOf(order.id)).filter((m) => m.template === 'order_changed')).toHaveLength(4);
    expectProblem(await act(kassa1, order.id, 'ready'), 409, 'invalid_state', 'lines');
    expect((await orderRow(order.id)).status).toBe('placed');
  });

  it('substitutes another SKU at the lower price, moving the hold; refuses more than is in stock', async () => {
    const order = await place();
    const original = order.lines[1]!;
    const other = h.skus.find((s) => s.id !== original.skuId && s.id !== order.lines[0]!.skuId)!;
    const before = {
      original: await reservedAt(original.skuId, 'STHLM-BUTIK'),
      other: await reservedAt(other.id, 'STHLM-BUTIK'),
    };

    const tooMany = await act(kassa1, order.id, `lines/${original.id}/substitute`, {
      cashierId: cashier,
      skuId: other.id,
      quantity: 9999,
      note: 'Annan färg',
    });
    expectProblem(tooMany, 409, 'insufficient_stock', 'quantity');
    expect(await reservedAt(original.skuId, 'STHLM-BUTIK')).toBe(before.original);
    expect(
      (await h.t.app.inject({ url: `/api/orders/${order.id}`, headers: { cookie: h.manager } })).json().lines,
    ).toHaveLength(2);
    expectProblem(
      await act(kassa1, order.id, `lines/${original.id}/substitute`, {
        cashierId: cashier,
        skuId: 'sku_nope',
        quantity: 1,
        note: 'x',
      }),
      400,
      'validation_failed',
      'skuId',
    );

    const response = await act(kassa1, order.id, `lines/${original.id}/substitute`, {
      cashierId: cashier,
      skuId: other.id,
      quantity: 1,
      note: 'Annan färg',
    });
    expect(response.statusCode, response.body).toBe(200);
    const changed = response.json() as Order;
    const substitute = changed.lines.find((l) => l.substitutesLineId === original.id)!;
    expect(changed.lines.find((l) => l.id === original.id)).toMatchObject({
      state: 'substituted',
      substitutedBy: substitute.id,
    });
    expect(substitute).toMatchObject({ skuId: other.id, state: 'open', quantity: 1 });
    expect(substitute.unitPrice.amount).toBe(Math.min(original.unitPrice.amount, other.price));
    expect(await reservedAt(original.skuId, 'STHLM-BUTIK')).toBe(before.original - original.quantity);
    expect(await reservedAt(other.id, 'STHLM-BUTIK')).toBe(before.other + 1);
    expect(changed.amountDue.amount).toBe(
      order.amountDue.amount - original.lineTotal.amount + substitute.lineTotal.amount,
    );
  });

  it('ships a line home from a location that has it, moving the hold; 409 where it lacks stock', async () => {
    const order = await place();
    const line = order.lines[0]!;
    const address = {
      name: 'Anna Andersson',
      street: 'Storgatan 1',
      postalCode: '111 22',
      city: 'Stockholm',
    };
    const availability = await send(
      h.t,
      kassa1.headers,
      'GET',
      `/api/registers/${kassa1.registerId}/pickup-orders/${order.id}/lines/${line.id}/availability`,
    );
    expect(availability.statusCode, availability.body).toBe(200);
    const places = (availability.json() as { items: { locationId: string; available: number }[] }).items;
    expect(places.map((p) => p.locationId)).toContain(h.loc.CENTRAL);
    expect(places.map((p) => p.locationId)).not.toContain(h.loc['STHLM-BUTIK']);

    // The 3PL warehouse is emptied of this SKU first, so it cannot take the line.
    const [level] = await h.t.ctx.db.query<{ available: number }>(
      `select coalesce(sum(on_hand - reserved), 0)::integer as available from stock_levels
        where sku_id = $1 and location_id = $2`,
      [line.skuId, h.loc['3PL-BORAS']],
    );
    if (level!.available > 0) {
      const emptied = await send(h.t, { cookie: h.owner }, 'POST', '/api/stock/adjustments', {
        skuId: line.skuId,
        locationId: h.loc['3PL-BORAS'],
        quantity: -level!.available,
        reason: 'Test: nothing left at the 3PL',
      });
      expect(emptied.statusCode, emptied.body).toBe(201);
    }
    expectProblem(
      await act(kassa1, order.id, `lines/${line.id}/ship-home`, {
        cashierId: cashier,
        locationId: h.loc['3PL-BORAS'],
        address,
      }),
      409,
      'insufficient_stock',
      'locationId',
    );
    expect((await orderRow(order.id)).status).toBe('placed');
    const before = {
      store: await reservedAt(line.skuId, 'STHLM-BUTIK'),
      central: await reservedAt(line.skuId, 'CENTRAL'),
    };
    const response = await act(kassa1, order.id, `lines/${line.id}/ship-home`, {
      cashierId: cashier,
      locationId: h.loc.CENTRAL,
      address,
    });
    expect(response.statusCode, response.body).toBe(200);
    const changed = response.json() as Order;
    expect(changed.lines[0]).toMatchObject({ state: 'shipping', shipFromLocationId: h.loc.CENTRAL });
    expect(await reservedAt(line.skuId, 'STHLM-BUTIK')).toBe(before.store - line.quantity);
    expect(await reservedAt(line.skuId, 'CENTRAL')).toBe(before.central + line.quantity);
    const [stored] = await h.t.ctx.db.query<{ address: { city: string } }>(
      'select ship_address as address from order_lines where id = $1',
      [line.id],
    );
    expect(stored!.address.city).toBe('Stockholm');
  });
});

describe('orders nobody collected', () => {
  it('cancels them after the store’s collect-within days: stock released, payment voided, shopper told', async () => {
    const waiting = await place();
    const ready = await place();
    expect((await act(kassa1, ready.id, 'ready')).statusCode).toBe(200);
    const held = await reservedAt(ready.lines[0]!.skuId, 'STHLM-BUTIK');
    const saved = h.now;
    try {
      // Six days after the pickup time: not yet.
      h.now = new Date(saved.getTime() + 6 * 86_400_000);
      await h.t.app.jobs.runOnce('orders.expire-uncollected');
      expect((await orderRow(ready.id)).status).toBe('ready');
      h.now = new Date(saved.getTime() + 8 * 86_400_000);
      const result = await h.t.app.jobs.runOnce('orders.expire-uncollected');
      expect(result['orders.expire-uncollected']).toBeGreaterThanOrEqual(2);
      // A second run finds nothing more to do.
      expect((await h.t.app.jobs.runOnce('orders.expire-uncollected'))['orders.expire-uncollected']).toBe(0);
    } finally {
      h.now = saved;
    }
    for (const order of [waiting, ready]) {
      const row = (
        await h.t.app.inject({ url: `/api/orders/${order.id}`, headers: { cookie: h.manager } })
      ).json() as Order;
      expect(row.status).toBe('cancelled');
      expect(row.cancelReason).toBe('Not collected in time');
      expect(row.payment.status).toBe('voided');
      expect((await messagesOf(order.id)).map((m) => m.template)).toContain('order_cancelled');
    }
    expect(await reservedAt(ready.lines[0]!.skuId, 'STHLM-BUTIK')).toBeLessThanOrEqual(
      held - ready.lines[0]!.quantity,
    );
  });
});
