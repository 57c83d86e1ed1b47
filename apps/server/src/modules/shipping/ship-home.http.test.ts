// A pickup order's ship-home line (moved at the store to another location) leaves through shipping
// too: from that location, capturing only that line and no shipping fee; the rest stays for pickup.
import type { Order, Shipment } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { useHandover } from '../orders/handover.testing';
import { ADDRESS } from './shipping.testing';

const { h, s, asRegister, checkout, pickupBody, operations } = useHandover();

describe('shipping a ship-home line', () => {
  it('books it from its location and captures exactly that line', async () => {
    const order = (await checkout(await pickupBody())).json().order as Order;
    const [kept, home] = [order.lines[0]!, order.lines[1]!];
    const moved = await asRegister('POST', `/pickup-orders/${order.id}/lines/${home.id}/ship-home`, {
      cashierId: s.cashier,
      locationId: h.loc.CENTRAL,
      address: ADDRESS,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const ship = (orderLineId: string, idempotencyKey: string) =>
      h.t.app.inject({
        method: 'POST',
        url: `/api/shipping/orders/${order.id}/shipments`,
        headers: { cookie: h.manager },
        payload: { idempotencyKey, lines: [{ orderLineId, quantity: 1 }] },
      });
    const refused = await ship(kept.id, 'home-key-0000');
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().errors[0].field).toBe('lines[0].orderLineId');

    const res = await ship(home.id, 'home-key-0001');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json() as Shipment).toMatchObject({
      fromLocationId: h.loc.CENTRAL,
      amount: { amount: home.lineTotal.amount },
      shippingFee: { amount: 0 },
      status: 'done',
    });
    expect((await operations(order.payment.id, 'capture')).map((op) => op.amount)).toEqual([
      home.lineTotal.amount,
    ]);
    const [row] = await h.t.ctx.db.query<{ status: string }>('select status from orders where id = $1', [
      order.id,
    ]);
    expect(row!.status).toBe('placed');
  });
});
