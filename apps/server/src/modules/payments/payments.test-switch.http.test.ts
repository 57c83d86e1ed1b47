// HANDLA_TEST_PAYMENTS=false (production without a real provider): the test provider's pages are
// gone and online methods are refused before anything is held; paying in the store still works.
import type { CheckoutResult } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { CARD, useOrdersHttp } from '../orders/orders.http-harness';

const { pickupBody, checkout, snapshot, h } = useOrdersHttp({ testPayments: false });

describe('HANDLA_TEST_PAYMENTS', () => {
  it('is on by default (the demo) and off only when set to false', () => {
    expect(loadConfig({}).testPayments).toBe(true);
    expect(loadConfig({ HANDLA_TEST_PAYMENTS: 'true' }).testPayments).toBe(true);
    expect(loadConfig({ HANDLA_TEST_PAYMENTS: 'false' }).testPayments).toBe(false);
  });

  it('when off, does not register the test provider routes', async () => {
    const token = await h.t.app.inject({
      method: 'POST',
      url: '/api/payments/test/card-tokens',
      payload: { number: '4111111111111111', expiry: '12/30', cvc: '123' },
    });
    expect(token.statusCode).toBe(404);
    const confirm = await h.t.app.inject({ url: '/api/payments/test/confirm/pay_x' });
    expect(confirm.statusCode).toBe(404);
  });

  it('when off, refuses card, Klarna and Swish naming payment.method, and changes nothing', async () => {
    const payments = [
      { method: 'card', cardToken: CARD.approve },
      { method: 'klarna' },
      { method: 'swish', phone: '0701234567' },
    ] as const;
    for (const payment of payments) {
      const before = await snapshot();
      const response = await checkout(await pickupBody({ payment }));
      expect(response.statusCode, payment.method).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'payment.method', message: expect.any(String) }],
      });
      expect(await snapshot()).toEqual(before);
    }
  });

  it('when off, still places a pay-in-store order where the store takes it', async () => {
    const response = await checkout(await pickupBody({ payment: { method: 'in_store' } }));
    expect(response.statusCode, response.body).toBe(201);
    expect((response.json() as CheckoutResult).order).toMatchObject({
      status: 'placed',
      payment: { method: 'in_store', status: 'pay_in_store' },
    });
  });
});
