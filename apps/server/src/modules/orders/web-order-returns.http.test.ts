// A counter return of a web order that paid a difference: the refund goes over both payments,
// newest capture first, keyed by the return id per payment; a refusal half-way keeps what went
// back, and the same return id again refunds only the rest, once.
import type {
  AdminOrder,
  CheckoutResult,
  Order,
  PayDifferenceResult,
  WebOrderReturnResult,
} from '@handla/api';
import { describe, expect, it } from 'vitest';
import type { OperationResult, ProviderCall } from '../payments/payments.port';
import { paymentProviders } from '../payments/payments.providers';
import { expectProblem, send } from '../register/register.testing';
import { useHandover } from './handover.testing';
import { CARD } from './orders.http-harness';

const { h, s, asRegister, checkout, pickupBody, operations } = useHandover();

const refunds = (paymentId: string) => operations(paymentId, 'refund');

describe('a counter return over two payments', () => {
  it('refunds newest capture first, and a refusal half-way is finished by the same return id', async () => {
    const placed = await checkout(await pickupBody());
    expect(placed.statusCode, placed.body).toBe(201);
    const order = (placed.json() as CheckoutResult).order;
    const a = order.lines[0]!;
    const first = order.payment.id;

    // Two more of line a after checkout: the shopper pays the difference with a second payment.
    const edited = await send(
      h.t,
      { cookie: h.manager },
      'PATCH',
      `/api/admin/orders/${order.id}/lines/${a.id}`,
      {
        quantity: a.quantity + 2,
      },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    const difference = (edited.json() as AdminOrder).order.amountToPay!.amount;
    expect(difference).toBe(2 * a.unitPrice.amount);
    const token = order.statusUrl.split('#/order/')[1]!;
    const paid = await h.t.app.inject({
      method: 'POST',
      url: `/api/orders/status/${token}/payments`,
      payload: { paymentId: 'diff-counter-1', method: 'card', cardToken: CARD.approve },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const second = (paid.json() as PayDifferenceResult).payment.id;

    const ready = await send(h.t, { cookie: h.cashier }, 'POST', `/api/orders/${order.id}/ready`);
    expect(ready.statusCode, ready.body).toBe(200);
    const handed = await asRegister('POST', `/pickup-orders/${order.id}/hand-over`, {
      cashierId: s.cashier,
      idempotencyKey: `key-counter-${order.id}`,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect((handed.json() as Order).status).toBe('collected');

    // The three extra-and-original units of a come back: more than the difference.
    const body = {
      cashierId: s.cashier,
      returnId: `ret-counter-${order.id}`,
      lines: [{ orderLineId: a.id, quantity: 3 }],
      reason: 'Ångrat köp',
    };
    const card = paymentProviders(h.t.ctx).card!;
    const real = card.refund;
    card.refund = async (call: ProviderCall, amount: number): Promise<OperationResult> =>
      call.paymentId === first ? { outcome: 'refused', reason: 'Card closed (test)' } : real(call, amount);
    let half: Awaited<ReturnType<typeof asRegister>>;
    try {
      half = await asRegister('POST', `/pickup-orders/${order.id}/returns`, body);
    } finally {
      card.refund = real;
    }
    expectProblem(half, 402, 'payment_declined', 'returnId');
    const key = `return:${body.returnId}`;
    // The newest capture (the difference) went back first, whole; the older one refused its part.
    expect(await refunds(second)).toEqual([{ amount: difference, idempotencyKey: key }]);
    expect(await refunds(first)).toEqual([]);

    const done = await asRegister('POST', `/pickup-orders/${order.id}/returns`, body);
    expect(done.statusCode, done.body).toBe(201);
    const refunded = (done.json() as WebOrderReturnResult).refunded.amount;
    expect(refunded).toBe(3 * a.unitPrice.amount);
    expect(await refunds(first)).toEqual([
      { amount: refunded - difference, idempotencyKey: `${key}:retry-1` },
    ]);

    // The same return id again changes nothing: one refund per payment, to the öre.
    const repeat = await asRegister('POST', `/pickup-orders/${order.id}/returns`, body);
    expect(repeat.statusCode, repeat.body).toBe(200);
    const all = [...(await refunds(first)), ...(await refunds(second))];
    expect(all.reduce((n, r) => n + r.amount, 0)).toBe(refunded);
  });
});
