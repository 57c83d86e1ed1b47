// The shopper's order-status page shows the parcels: per shipment its lines (in the order's
// language), carrier, tracking link and date; "partially shipped" until the last one left.
import type { Order, Shipment, ShopperShipments } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { expectProblem } from '../register/register.testing';
import { useShipping } from './shipping.testing';

const { h, placeDelivery, ship } = useShipping();

const shipmentsOf = async (order: Order) => {
  const token = order.statusUrl.split('#/order/')[1]!;
  const res = await h.t.app.inject({ url: `/api/orders/status/${token}/shipments` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ShopperShipments;
};

describe("the shopper's shipments", () => {
  it('lists each parcel that left with its lines and tracking link; partially shipped until the end', async () => {
    const order = await placeDelivery([2, 1]);
    const [a, b] = order.lines as [Order['lines'][0], Order['lines'][0]];
    expect(await shipmentsOf(order)).toEqual({ shippingState: 'unshipped', shipments: [] });

    const first = (
      await ship(order.id, 'shopper-ship-1', [{ orderLineId: a.id, quantity: 1 }])
    ).json() as Shipment;
    const partly = await shipmentsOf(order);
    expect(partly.shippingState).toBe('partially_shipped');
    expect(partly.shipments).toEqual([
      {
        number: 1,
        carrier: first.carrier,
        trackingNumber: first.trackingNumber,
        trackingUrl: `http://localhost:3000/api/shipping/track/${first.trackingNumber}`,
        shippedAt: h.now.toISOString(),
        lines: [
          {
            orderLineId: a.id,
            name: a.variantName ? `${a.productName} (${a.variantName})` : a.productName,
            quantity: 1,
          },
        ],
      },
    ]);

    await ship(order.id, 'shopper-ship-2', [
      { orderLineId: a.id, quantity: 1 },
      { orderLineId: b.id, quantity: 1 },
    ]);
    const all = await shipmentsOf(order);
    expect(all.shippingState).toBe('shipped');
    expect(all.shipments.map((s) => s.lines.reduce((n, l) => n + l.quantity, 0))).toEqual([1, 2]);
  });

  it('answers 404 naming the token for an unknown link', async () => {
    expectProblem(
      await h.t.app.inject({ url: '/api/orders/status/not-a-token/shipments' }),
      404,
      'not_found',
      'token',
    );
  });
});
