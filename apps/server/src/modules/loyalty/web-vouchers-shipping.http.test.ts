// A delivery paid partly with a loyalty voucher, shipped in two parts: each shipment captures its
// amount over the order's payments, the card first and never beyond its share, the voucher last,
// and together exactly the order total.
import type { Order } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { CARD } from '../orders/orders.http-harness';
import { ADDRESS, useShipping } from '../shipping/shipping.testing';
import { createVoucherMember } from './web-vouchers.testing';

const { h, checkoutId, checkout, ship, captures } = useShipping();

const capturedBy = async (paymentId: string) =>
  (await captures(paymentId))
    .filter((c) => c.outcome === 'succeeded')
    .reduce((n, c) => n + Number(c.amount), 0);

describe('shipping an order paid partly with a voucher', () => {
  it('captures the card first, then the voucher, the order total in all', async () => {
    const { cookie, codes } = await createVoucherMember(h, [5000]);
    const placed = await checkout(
      {
        checkoutId: checkoutId(),
        locale: 'sv',
        customer: { name: 'Bo Berg', email: 'bo@example.se' },
        lines: [0, 1].map((i) => ({ skuId: h.skus[i]!.id, quantity: 1, unitPrice: h.skus[i]!.price })),
        fulfilment: { kind: 'delivery', shippingMethodId: 'shm_postnord_home', address: ADDRESS },
        payment: { method: 'card', cardToken: CARD.approve, vouchers: codes },
      },
      cookie,
    );
    expect(placed.statusCode, placed.body).toBe(201);
    const order = placed.json().order as Order;
    const total = order.totals.total.amount;
    const card = order.payment.id;
    const voucher = `${card}-voucher`;

    const first = await ship(order.id, 'voucher-ship-1', [{ orderLineId: order.lines[0]!.id, quantity: 1 }]);
    expect(first.statusCode, first.body).toBe(201);
    const firstAmount = first.json().amount.amount as number;
    expect(await capturedBy(card)).toBe(Math.min(firstAmount, total - 5000));
    expect(await capturedBy(voucher)).toBe(Math.max(0, firstAmount - (total - 5000)));

    const second = await ship(order.id, 'voucher-ship-2', [{ orderLineId: order.lines[1]!.id, quantity: 1 }]);
    expect(second.statusCode, second.body).toBe(201);
    expect(await capturedBy(card)).toBe(total - 5000);
    expect(await capturedBy(voucher)).toBe(5000);
  });
});
