// The right of withdrawal of a delivery order runs from its shipments, not from the order's last
// change: shipped units may go back, units still to ship may not, and with goods in several parcels
// the window counts from the last parcel (Directive 2011/83/EU, art. 9(2)(b)).
import type { Order } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { expectProblem, send } from '../register/register.testing';
import { useShipping } from '../shipping/shipping.testing';

const { h, placeDelivery, ship } = useShipping();
const DAY = 86_400_000;

const requestReturn = (order: Order, lines: { orderLineId: string; quantity: number }[]) =>
  send(h.t, {}, 'POST', `/api/orders/status/${order.statusUrl.split('#/order/')[1]}/returns`, {
    lines,
    reason: 'Ångrat köp',
  });
const returnCount = async () =>
  (await h.t.ctx.db.query<{ n: number }>('select count(*)::integer as n from return_requests'))[0]!.n;

describe('the withdrawal window of shipped goods', () => {
  it('counts from the shipment, whatever changed on the order later', async () => {
    const start = h.now;
    try {
      const order = await placeDelivery([1, 1]);
      const [a, b] = order.lines as [Order['lines'][0], Order['lines'][0]];
      const res = await ship(order.id, 'rw-ship-0001', [
        { orderLineId: a.id, quantity: 1 },
        { orderLineId: b.id, quantity: 1 },
      ]);
      expect(res.statusCode, res.body).toBe(201);
      // A later change of the order (a note, an unlock) must not move the window.
      await h.t.ctx.db.query('update orders set updated_at = $2 where id = $1', [
        order.id,
        new Date(+start + 10 * DAY),
      ]);
      h.now = new Date(+start + 14 * DAY - 60_000);
      expect((await requestReturn(order, [{ orderLineId: a.id, quantity: 1 }])).statusCode).toBe(201);
      h.now = new Date(+start + 14 * DAY + 60_000);
      const before = await returnCount();
      expectProblem(
        await requestReturn(order, [{ orderLineId: b.id, quantity: 1 }]),
        409,
        'invalid_state',
        'orderId',
      );
      expect(await returnCount()).toBe(before);
    } finally {
      h.now = start;
    }
  });

  it('lets shipped units go back before the rest ships, not the rest; the last parcel starts the window', async () => {
    const start = h.now;
    try {
      const order = await placeDelivery([2, 1]);
      const [a, b] = order.lines as [Order['lines'][0], Order['lines'][0]];
      expect((await ship(order.id, 'rw-ship-0101', [{ orderLineId: a.id, quantity: 1 }])).statusCode).toBe(
        201,
      );
      // One unit of a left; the second unit and line b are not delivered.
      expectProblem(
        await requestReturn(order, [{ orderLineId: a.id, quantity: 2 }]),
        409,
        'conflict',
        'lines[0].quantity',
      );
      expectProblem(
        await requestReturn(order, [{ orderLineId: b.id, quantity: 1 }]),
        409,
        'conflict',
        'lines[0].quantity',
      );
      // The rest leaves; the first parcel had left ten days before it.
      const rest = await ship(order.id, 'rw-ship-0102', [
        { orderLineId: a.id, quantity: 1 },
        { orderLineId: b.id, quantity: 1 },
      ]);
      expect(rest.statusCode, rest.body).toBe(201);
      await h.t.ctx.db.query(
        `update shipments set finished_at = $2 where order_id = $1 and idempotency_key = 'rw-ship-0101'`,
        [order.id, new Date(+start - 10 * DAY)],
      );
      // 20 days after the first parcel, 10 after the last: in time, for every unit.
      h.now = new Date(+start + 10 * DAY);
      expect((await requestReturn(order, [{ orderLineId: a.id, quantity: 2 }])).statusCode).toBe(201);
      h.now = new Date(+start + 15 * DAY);
      expectProblem(
        await requestReturn(order, [{ orderLineId: b.id, quantity: 1 }]),
        409,
        'invalid_state',
        'orderId',
      );
    } finally {
      h.now = start;
    }
  });
});
