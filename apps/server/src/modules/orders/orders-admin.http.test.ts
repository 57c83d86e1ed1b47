// The back office's orders: one list with search and filters, the timeline of an order, and line
// edits until picking (stock holds follow, totals recomputed, the shopper told; 409 while picking).
import type { AdminOrder, AdminOrderList, CheckoutResult, Order, OrderTimeline } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { send } from '../register/register.testing';
import { useHandover } from './handover.testing';

const { h, s, pickupBody, checkout, asRegister, level, messagesOf, eventsFor, snapshot } = useHandover();

const place = async (patch = {}) => {
  const response = await checkout(await pickupBody(patch));
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as CheckoutResult).order;
};
const staff = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  cookie = h.manager,
) => send(h.t, { cookie }, method, url, payload);
const list = async (query: string, cookie = h.manager) => {
  const response = await staff('GET', `/api/admin/orders?${query}`, undefined, cookie);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AdminOrderList;
};
const ids = (l: AdminOrderList) => l.items.map((o) => o.id);
const detail = async (id: string) => (await staff('GET', `/api/admin/orders/${id}`)).json() as AdminOrder;
/** Everything a refused edit could have changed. */
const stateOf = async (id: string) => ({
  order: await h.t.ctx.db.query('select status, total_incl_vat::integer as total from orders where id = $1', [
    id,
  ]),
  lines: await h.t.ctx.db.query(
    'select id, quantity, state, reservation_id from order_lines where order_id = $1 order by position',
    [id],
  ),
  reserved: await level(h.skus[0]!.id),
  events: (await eventsFor(id)).length,
  messages: (await messagesOf(id)).length,
});

describe('the order list', () => {
  it('finds an order by number, name, e-mail, phone (any spelling) and nothing else', async () => {
    const order = await place({
      customer: { name: 'Greta Sökbar', email: 'Greta.Sok@example.se', phone: '070-999 88 77' },
    });
    const other = await place();
    for (const q of [order.number, 'Sökbar', 'greta.sok@example.se', '+46 70 999 88 77', '0709998877']) {
      const found = await list(`q=${encodeURIComponent(q)}`);
      expect(ids(found), q).toContain(order.id);
      expect(ids(found), q).not.toContain(other.id);
    }
    expect(ids(await list('q=nobody-at-all'))).toEqual([]);
  });

  it('filters by status, store, channel, payment state and date; newest first with a cursor', async () => {
    const a = await place();
    const b = await place({ payment: { method: 'in_store' } });
    const placedAtSthlm = await list(`status=placed&storeId=${h.store.STHLM}&channel=web&limit=200`);
    expect(ids(placedAtSthlm)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(placedAtSthlm.items.every((o) => o.status === 'placed' && o.storeId === h.store.STHLM)).toBe(true);
    expect(ids(await list(`storeId=${h.store.GBG}`))).not.toContain(a.id);
    expect(ids(await list('status=ready,collected'))).not.toContain(a.id);
    const inStore = await list('paymentState=pay_in_store&limit=200');
    expect(ids(inStore)).toContain(b.id);
    expect(ids(inStore)).not.toContain(a.id);
    expect(ids(await list('paymentState=authorized&limit=200'))).toContain(a.id);
    expect(ids(await list('channel=register'))).not.toContain(a.id);
    expect(ids(await list('from=2026-12-01&to=2026-12-01&limit=200'))).toContain(a.id);
    expect(ids(await list('from=2026-12-02'))).toEqual([]);
    expect(ids(await list('to=2026-11-30'))).toEqual([]);

    const first = await list('limit=1');
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`limit=1&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect(second.items[0]!.createdAt <= first.items[0]!.createdAt).toBe(true);
  });

  it('shows a cashier their own store only and refuses bad filters naming the field', async () => {
    const order = await place();
    expect(ids(await list(`storeId=${h.store.GBG}&limit=200`, h.cashier))).toContain(order.id);
    for (const [query, field] of [
      ['status=lost', 'status'],
      ['channel=fax', 'channel'],
      ['from=1-12-2026', 'from'],
      ['limit=0', 'limit'],
      ['cursor=bogus', 'cursor'],
      ['from=2026-12-02&to=2026-12-01', 'to'],
    ] as const) {
      const response = await staff('GET', `/api/admin/orders?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.body, query).toContain(field);
    }
    expect((await h.t.app.inject({ url: '/api/admin/orders' })).statusCode).toBe(401);
  });
});

describe('the timeline', () => {
  it('holds the events, stock holds, payment calls and messages of checkout → accept → ready', async () => {
    const order = await place();
    expect(
      (await asRegister('POST', `/pickup-orders/${order.id}/accept`, { cashierId: s.cashier })).statusCode,
    ).toBe(200);
    expect(
      (await asRegister('POST', `/pickup-orders/${order.id}/picking`, { cashierId: s.cashier })).statusCode,
    ).toBe(200);
    expect(
      (await asRegister('POST', `/pickup-orders/${order.id}/ready`, { cashierId: s.cashier })).statusCode,
    ).toBe(200);
    const response = await staff('GET', `/api/admin/orders/${order.id}/timeline`);
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json() as OrderTimeline;
    const types = items.map((i) => i.type);
    for (const type of [
      'order.created',
      'order.placed',
      'order.accepted',
      'order.picking',
      'order.ready',
      'stock.reserved',
      'payment.authorize',
      'message.order_confirmation',
      'message.order_ready',
    ]) {
      expect(types, type).toContain(type);
    }
    expect(types.indexOf('order.created')).toBeLessThan(types.indexOf('order.ready'));
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort());
    const authorize = items.find((i) => i.type === 'payment.authorize')!;
    expect(authorize.amount?.amount).toBe(order.totals.total.amount);
    expect(authorize.outcome).toBe('succeeded');
    // Who picked: the register and cashier holding the lock.
    expect(items.find((i) => i.type === 'order.picking')!.actor).not.toBeNull();
    expect((await staff('GET', '/api/admin/orders/ord_nope/timeline')).statusCode).toBe(404);
  });
});

describe('line edits until picking', () => {
  it('adds, changes and removes lines: holds follow, totals recomputed, shopper told', async () => {
    // Paid at pickup: the amount may grow, the register takes what is due.
    const order = await place({ payment: { method: 'in_store' } });
    const [sku0, , sku2] = h.skus;
    const before0 = (await level(sku0!.id)).reserved;
    const before2 = (await level(sku2!.id)).reserved;

    const added = await staff('POST', `/api/admin/orders/${order.id}/lines`, {
      skuId: sku2!.id,
      quantity: 3,
    });
    expect(added.statusCode, added.body).toBe(200);
    const afterAdd = added.json() as AdminOrder;
    expect(afterAdd.order.lines).toHaveLength(3);
    expect((await level(sku2!.id)).reserved).toBe(before2 + 3);
    expect(afterAdd.order.amountDue.amount).toBe(order.amountDue.amount + 3 * sku2!.price);

    const line0 = order.lines[0]!;
    const changed = await staff('PATCH', `/api/admin/orders/${order.id}/lines/${line0.id}`, { quantity: 5 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await level(sku0!.id)).reserved).toBe(before0 + 3);
    const lowered = await staff('PATCH', `/api/admin/orders/${order.id}/lines/${line0.id}`, { quantity: 1 });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect((await level(sku0!.id)).reserved).toBe(before0 - 1);

    const addedLine = afterAdd.order.lines.at(-1)!;
    const removed = await staff('DELETE', `/api/admin/orders/${order.id}/lines/${addedLine.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    const final = removed.json() as AdminOrder;
    expect((await level(sku2!.id)).reserved).toBe(before2);
    const expectedDue = 1 * line0.unitPrice.amount + order.lines[1]!.lineTotal.amount;
    expect(final.order.amountDue.amount).toBe(expectedDue);
    const [row] = await h.t.ctx.db.query<{ total: number }>(
      'select total_incl_vat::integer as total from orders where id = $1',
      [order.id],
    );
    expect(row!.total).toBe(expectedDue);
    expect((await list(`q=${order.number}`)).items[0]!.total.amount).toBe(expectedDue);

    const events = await eventsFor(order.id);
    expect(events.filter((e) => e === 'order.updated')).toHaveLength(4);
    const changes = (await messagesOf(order.id)).filter((m) => m.template === 'order_changed');
    expect(changes.filter((m) => m.channel === 'email')).toHaveLength(4);
    const timeline = (await staff('GET', `/api/admin/orders/${order.id}/timeline`)).json() as OrderTimeline;
    const updates = timeline.items.filter((i) => i.type === 'order.updated');
    expect(updates.map((u) => u.actor)).toEqual(Array(4).fill(expect.stringMatching(/./)));
  });

  it('saves a raise past the authorization and asks for the difference; lowering needs nothing', async () => {
    const order = await place();
    const line0 = order.lines[0]!;
    const raised = await staff('PATCH', `/api/admin/orders/${order.id}/lines/${line0.id}`, { quantity: 3 });
    expect(raised.statusCode, raised.body).toBe(200);
    const edited = (raised.json() as AdminOrder).order;
    expect(edited.amountDue.amount).toBe(order.amountDue.amount + line0.unitPrice.amount);
    expect(edited.amountToPay?.amount).toBe(edited.amountDue.amount - order.payment.authorized.amount);

    // A lower total needs nothing now: the capture at hand-over takes less.
    const lowered = await staff('PATCH', `/api/admin/orders/${order.id}/lines/${line0.id}`, { quantity: 1 });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect((lowered.json() as AdminOrder).order.amountDue.amount).toBe(
      order.amountDue.amount - line0.unitPrice.amount,
    );
    expect((lowered.json() as AdminOrder).order.amountToPay?.amount).toBe(0);
    const back = await staff('PATCH', `/api/admin/orders/${order.id}/lines/${line0.id}`, { quantity: 2 });
    expect(back.statusCode, back.body).toBe(200);
    expect((back.json() as AdminOrder).order.amountDue.amount).toBe(order.amountDue.amount);
  });

  it('refuses edits while picking with 409 order_locked, and changes nothing', async () => {
    const order = await place();
    expect(
      (await asRegister('POST', `/pickup-orders/${order.id}/accept`, { cashierId: s.cashier })).statusCode,
    ).toBe(200);
    expect((await detail(order.id)).editable).toBe(true);
    expect(
      (await asRegister('POST', `/pickup-orders/${order.id}/picking`, { cashierId: s.cashier })).statusCode,
    ).toBe(200);
    const locked = await detail(order.id);
    expect(locked.editable).toBe(false);
    expect(locked.order.lockedBy?.id).toBe(s.sthlm.registerId);
    const before = await stateOf(order.id);
    const line = order.lines[0]!;
    for (const [method, url, body] of [
      ['POST', `/api/admin/orders/${order.id}/lines`, { skuId: h.skus[2]!.id, quantity: 1 }],
      ['PATCH', `/api/admin/orders/${order.id}/lines/${line.id}`, { quantity: 4 }],
      ['DELETE', `/api/admin/orders/${order.id}/lines/${line.id}`, undefined],
    ] as const) {
      const response = await staff(method, url, body);
      expect(response.statusCode, `${method} ${response.body}`).toBe(409);
      expect((response.json() as { code: string }).code).toBe('order_locked');
    }
    expect(await stateOf(order.id)).toEqual(before);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const order: Order = await place();
    const before = await stateOf(order.id);
    const line = order.lines[0]!;
    for (const [method, url, body, status, field] of [
      ['POST', `/api/admin/orders/${order.id}/lines`, { skuId: h.skus[2]!.id, quantity: 0 }, 400, 'quantity'],
      ['POST', `/api/admin/orders/${order.id}/lines`, { skuId: 'sku_nope', quantity: 1 }, 400, 'skuId'],
      [
        'POST',
        `/api/admin/orders/${order.id}/lines`,
        { skuId: h.skus[2]!.id, quantity: 999 },
        409,
        'quantity',
      ],
      ['PATCH', `/api/admin/orders/${order.id}/lines/${line.id}`, { quantity: -1 }, 400, 'quantity'],
      ['PATCH', `/api/admin/orders/${order.id}/lines/oln_nope`, { quantity: 2 }, 404, 'lineId'],
      ['PATCH', `/api/admin/orders/ord_nope/lines/${line.id}`, { quantity: 2 }, 404, 'id'],
    ] as const) {
      const response = await staff(method, url, body);
      expect(response.statusCode, `${url} ${response.body}`).toBe(status);
      expect(response.body).toContain(field);
    }
    expect(await stateOf(order.id)).toEqual(before);
    const lastLine = await staff('DELETE', `/api/admin/orders/${order.id}/lines/${order.lines[1]!.id}`);
    expect(lastLine.statusCode).toBe(200);
    const only = await staff('DELETE', `/api/admin/orders/${order.id}/lines/${line.id}`);
    expect(only.statusCode).toBe(400);
    expect(only.body).toContain('lineId');
    // A collected or cancelled order's lines stay as they were.
    const cancelled = await place();
    expect((await staff('POST', `/api/orders/${cancelled.id}/cancel`, {})).statusCode).toBe(200);
    const refused = await staff(
      'PATCH',
      `/api/admin/orders/${cancelled.id}/lines/${cancelled.lines[0]!.id}`,
      {
        quantity: 3,
      },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('status');
  });
});

describe('orders through the API', () => {
  let secret = '';
  const apiOrder = async (patch: object = {}, auth?: Record<string, string>) => {
    if (!secret) {
      const key = await staff(
        'POST',
        '/api/api-keys',
        { name: 'Marketplace', scopes: ['orders:write'] },
        h.owner,
      );
      expect(key.statusCode, key.body).toBe(201);
      secret = (key.json() as { secret: string }).secret;
    }
    const { checkoutId: _, payment: __, ...body } = await pickupBody();
    return send(h.t, auth ?? { authorization: `Bearer ${secret}` }, 'POST', '/api/orders', {
      ...body,
      channel: 'cdon',
      externalReference: 'CDON-77001',
      payment: { method: 'in_store' },
      ...patch,
    });
  };

  it('places one order per external reference: a repeat is the first order, other content is 409', async () => {
    const first = await apiOrder();
    expect(first.statusCode, first.body).toBe(201);
    const placed = first.json() as AdminOrder;
    expect(placed.order.channel).toBe('api');
    expect(placed.channelName).toBe('cdon');
    expect(placed.externalReference).toBe('CDON-77001');
    expect(placed.order.status).toBe('placed');
    // Our number is the customer-facing one; theirs is a reference.
    expect(placed.order.number).toMatch(/^\d+$/);

    const before = await snapshot();
    const again = await apiOrder();
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as AdminOrder).order.id).toBe(placed.order.id);
    const conflicting = await apiOrder({ customer: { name: 'Someone Else', email: 'else@example.se' } });
    expect(conflicting.statusCode, conflicting.body).toBe(409);
    expect(conflicting.body).toContain('externalReference');
    expect(await snapshot()).toEqual(before);

    // The same reference on another channel is another order.
    const otherChannel = await apiOrder({ channel: 'api' });
    expect(otherChannel.statusCode, otherChannel.body).toBe(201);
    expect((otherChannel.json() as AdminOrder).order.id).not.toBe(placed.order.id);

    const found = await list('q=cdon-77001');
    expect(ids(found)).toContain(placed.order.id);
    expect(ids(await list('channel=api&limit=200'))).toContain(placed.order.id);
    expect(ids(await list('channel=web&limit=200'))).not.toContain(placed.order.id);
  });

  it('refuses bad API orders naming the field, and places nothing', async () => {
    const before = await snapshot();
    for (const [patch, status, field] of [
      [{ externalReference: '' }, 400, 'externalReference'],
      [{ externalReference: 'has space' }, 400, 'externalReference'],
      [{ channel: 'Not OK!' }, 400, 'channel'],
      [{ payment: { method: 'card', cardToken: 'x' } }, 400, 'payment'],
      [
        { externalReference: 'CDON-BAD-PRICE', lines: [{ skuId: h.skus[0]!.id, quantity: 1, unitPrice: 1 }] },
        409,
        'lines[0].unitPrice',
      ],
    ] as const) {
      const response = await apiOrder(patch);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.body).toContain(field);
    }
    expect((await apiOrder({}, { cookie: h.cashier })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});
