// "Pay the difference": an edit that raises a card order past its authorization is saved, the order
// shows what is left to pay and the shopper's mail links to it; release and shipping wait; the
// shopper authorizes the rest on the order page (idempotent on the client's id); the shipments then
// capture over both authorizations, each exactly its amount; a staff edit back down frees it too.
import type { AdminOrder, Order, PayDifferenceResult, ReleaseResult, Shipment } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { money } from '../notifications/templates/format';
import { renderMessage } from '../notifications/templates/render';
import { expectProblem, send } from '../register/register.testing';
import { useShipping } from '../shipping/shipping.testing';
import { CARD } from './orders.http-harness';

const { h, placeDelivery, ship, payment } = useShipping();

const tokenOf = (order: Order) => order.statusUrl.split('#/order/')[1]!;
const editLine = (orderId: string, lineId: string, quantity: number) =>
  send(h.t, { cookie: h.manager }, 'PATCH', `/api/admin/orders/${orderId}/lines/${lineId}`, { quantity });
const payDifference = (order: Order, paymentId: string, cardToken = CARD.approve) =>
  h.t.app.inject({
    method: 'POST',
    url: `/api/orders/status/${tokenOf(order)}/payments`,
    payload: { paymentId, method: 'card', cardToken },
  });
const releaseCentral = async () => {
  const res = await send(
    h.t,
    { cookie: h.manager },
    'POST',
    `/api/fulfilment/locations/${h.loc.CENTRAL}/release`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ReleaseResult;
};
const statusOf = async (orderId: string) =>
  (await h.t.ctx.db.query<{ status: string }>('select status from orders where id = $1', [orderId]))[0]!
    .status;
const paymentsOf = (orderId: string) =>
  h.t.ctx.db.query<{ id: string; amount: number; authorized: number; captured: number; status: string }>(
    'select id, amount, authorized, captured, status from payments where order_id = $1 order by created_at',
    [orderId],
  );
const capturesOf = (orderId: string) =>
  h.t.ctx.db.query<{ paymentId: string; amount: number; key: string }>(
    `select o.payment_id as "paymentId", o.amount, o.idempotency_key as key from payment_operations o
       join payments p on p.id = o.payment_id
      where p.order_id = $1 and o.kind = 'capture' and o.outcome = 'succeeded' order by o.started_at`,
    [orderId],
  );

describe('paying the difference after an edit', () => {
  it('saves the raise, waits for the difference, then captures over both authorizations', async () => {
    const order = await placeDelivery([1, 1]);
    const [a, b] = order.lines as [Order['lines'][0], Order['lines'][0]];
    const authorized = order.payment.authorized.amount;
    expect(order.amountToPay?.amount).toBe(0);

    // The edit is saved: two more of line a, and the order asks for exactly those.
    const raised = await editLine(order.id, a.id, 3);
    expect(raised.statusCode, raised.body).toBe(200);
    const edited = (raised.json() as AdminOrder).order;
    const difference = 2 * a.unitPrice.amount;
    expect(edited.amountDue.amount).toBe(order.amountDue.amount + difference);
    expect(edited.amountToPay).toEqual({ amount: difference, currency: 'SEK' });
    const shopperView = (
      await h.t.app.inject({ url: `/api/orders/status/${tokenOf(order)}` })
    ).json() as Order;
    expect(shopperView.amountToPay?.amount).toBe(difference);

    // The shopper's mail says what is left and links to the order page to pay it.
    const [changed] = await h.t.ctx.db.query<{ payload: Order }>(
      `select payload from outgoing_messages where order_id = $1 and template = 'order_changed' and channel = 'email'`,
      [order.id],
    );
    const mail = await renderMessage({
      channel: 'email',
      template: 'order_changed',
      locale: 'sv',
      order: changed!.payload,
    });
    expect(mail.text).toContain(`Mellanskillnaden att betala är ${money(edited.amountToPay!, 'sv')}.`);
    expect(mail.text).toContain(order.statusUrl);

    // Release and shipping wait for the difference: nothing released, nothing captured.
    expect((await releaseCentral()).releasedOrders).toBe(0);
    expect(await statusOf(order.id)).toBe('placed');
    const early = await ship(order.id, 'diff-ship-early', [{ orderLineId: b.id, quantity: 1 }]);
    expectProblem(early, 409, 'payment_difference', 'orderId');
    expect(await capturesOf(order.id)).toEqual([]);
    expect(await h.t.ctx.db.query('select id from shipments where order_id = $1', [order.id])).toEqual([]);

    // A declined card pays nothing, and the order still waits.
    const declined = await payDifference(order, 'diff-declined-1', CARD.decline);
    expectProblem(declined, 402, 'payment_declined', 'method');

    // The shopper pays it: a second authorization of exactly the difference.
    const paid = await payDifference(order, 'diff-pay-0001');
    expect(paid.statusCode, paid.body).toBe(201);
    const result = paid.json() as PayDifferenceResult;
    expect(result.payment).toMatchObject({ status: 'authorized', amount: { amount: difference } });
    expect(result.order.amountToPay?.amount).toBe(0);

    // A retry is the same payment; another key has nothing left to pay.
    const again = await payDifference(order, 'diff-pay-0001');
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as PayDifferenceResult).payment.id).toBe(result.payment.id);
    expectProblem(await payDifference(order, 'diff-pay-0002'), 409, 'invalid_state', 'amount');
    const payments = await paymentsOf(order.id);
    expect(payments.filter((p) => p.status === 'authorized').map((p) => p.authorized)).toEqual([
      authorized,
      difference,
    ]);

    // Now it is released, and ships: each shipment captures exactly its amount over both payments.
    expect((await releaseCentral()).releasedOrders).toBe(1);
    expect(await statusOf(order.id)).toBe('picking');
    const first = await ship(order.id, 'diff-ship-0001', [{ orderLineId: a.id, quantity: 3 }]);
    expect(first.statusCode, first.body).toBe(201);
    const s1 = first.json() as Shipment;
    expect(s1.amount.amount).toBe(3 * a.unitPrice.amount + order.totals.shipping.amount);
    const second = await ship(order.id, 'diff-ship-0002', [{ orderLineId: b.id, quantity: 1 }]);
    expect(second.statusCode, second.body).toBe(201);
    const s2 = second.json() as Shipment;
    expect(s2.amount.amount).toBe(b.lineTotal.amount);

    const captured = await capturesOf(order.id);
    const byKey = (key: string) =>
      captured.filter((c) => c.key === key).reduce((sum, c) => sum + c.amount, 0);
    expect(byKey(`shipment:${s1.id}`)).toBe(s1.amount.amount);
    expect(byKey(`shipment:${s2.id}`)).toBe(s2.amount.amount);
    const total = captured.reduce((sum, c) => sum + c.amount, 0);
    expect(total).toBe(authorized + difference);
    expect(total).toBe(edited.totals.total.amount);
    expect(await payment(order.payment.id)).toMatchObject({ captured: authorized, status: 'captured' });
    expect(await payment(result.payment.id)).toMatchObject({ captured: difference, status: 'captured' });
    expect(await statusOf(order.id)).toBe('shipped');

    // A repeat of a shipment captures nothing more.
    const repeat = await ship(order.id, 'diff-ship-0002', [{ orderLineId: b.id, quantity: 1 }]);
    expect(repeat.statusCode, repeat.body).toBe(200);
    expect(await capturesOf(order.id)).toHaveLength(captured.length);
  });

  it('releases the order once staff reduce the edit back within the authorization', async () => {
    const order = await placeDelivery([2, 1]);
    const a = order.lines[0]!;
    expect((await editLine(order.id, a.id, 4)).statusCode).toBe(200);
    expect((await releaseCentral()).releasedOrders).toBe(0);
    const back = await editLine(order.id, a.id, 2);
    expect(back.statusCode, back.body).toBe(200);
    expect((back.json() as AdminOrder).order.amountToPay?.amount).toBe(0);
    expect((await releaseCentral()).releasedOrders).toBe(1);
    expect(await paymentsOf(order.id)).toHaveLength(1);
  });

  it('refuses to pay on an unknown link or with nothing to pay, and starts no payment', async () => {
    const order = await placeDelivery([1]);
    const unknown = await h.t.app.inject({
      method: 'POST',
      url: '/api/orders/status/no-such-token/payments',
      payload: { paymentId: 'diff-unknown-1', method: 'card', cardToken: CARD.approve },
    });
    expectProblem(unknown, 404, 'not_found', 'token');
    expectProblem(await payDifference(order, 'diff-nothing-1'), 409, 'invalid_state', 'amount');
    const bad = await h.t.app.inject({
      method: 'POST',
      url: `/api/orders/status/${tokenOf(order)}/payments`,
      payload: { paymentId: 'x', method: 'card' },
    });
    expectProblem(bad, 400, 'validation_failed', 'paymentId');
    expect(await paymentsOf(order.id)).toHaveLength(1);
  });
});
