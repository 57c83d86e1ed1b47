// The payments service on a real database (PGlite; PostgreSQL with DATABASE_URL): card and Klarna
// flows through the test provider, and pay in store. Concurrency and Swish have their own files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePaymentAction } from './payments.callbacks';
import { createPaymentsFixture, type PaymentsFixture, refusal } from './payments.fixture';
import { capturePayment, findPayment, refundPayment, startPayment, voidPayment } from './payments.service';

let f: PaymentsFixture;
beforeAll(async () => {
  f = await createPaymentsFixture();
});
afterAll(() => f.db.close());

describe('card payments', () => {
  it('authorizes an approved card once, however often checkout is retried', async () => {
    const payment = await f.start('card', 25_000);
    expect(payment).toMatchObject({ status: 'authorized', authorized: 25_000, captured: 0, action: null });
    expect(payment.providerReference).toMatch(/^PSP/);
    const again = await startPayment(f.ctx, {
      paymentId: payment.id,
      orderId: payment.orderId,
      method: 'card',
      amount: 25_000,
      currency: 'SEK',
      cardToken: 'tok_whatever',
      returnUrl: 'http://shop.test/r',
      description: 'Order 1001',
    });
    expect(again).toMatchObject({ id: payment.id, status: 'authorized' });
    const authorizeCalls = f.providers.card.memory.calls.filter(
      (c) => c.kind === 'authorize' && c.idempotencyKey === `${payment.id}:authorize`,
    );
    expect(authorizeCalls).toHaveLength(1);
    expect(await f.eventCount('payment.authorized', payment.id)).toBe(1);
  });

  it('refuses the same payment id for a different amount', async () => {
    const payment = await f.start('card', 1_000);
    const error = await refusal(
      startPayment(f.ctx, {
        paymentId: payment.id,
        orderId: payment.orderId,
        method: 'card',
        amount: 2_000,
        currency: 'SEK',
        cardToken: 'x',
        returnUrl: 'http://shop.test/r',
        description: 'Order',
      }),
    );
    expect(error.code).toBe('duplicate');
    expect(error.fields?.[0]?.field).toBe('paymentId');
  });

  it('records a declined card as a status, with its event, and allows no capture', async () => {
    const payment = await f.start('card', 5_000, { card: '4000 0000 0000 0002' });
    expect(payment.status).toBe('declined');
    expect(await f.eventCount('payment.declined', payment.id)).toBe(1);
    const error = await refusal(
      capturePayment(f.ctx, { paymentId: payment.id, amount: 100, idempotencyKey: 'cap-declined-1' }),
    );
    expect(error.code).toBe('invalid_state');
  });

  it('asks for 3-D Secure, then authorizes when the shopper approves (once)', async () => {
    const payment = await f.start('card', 7_500, { card: '4000000000003220' });
    expect(payment.status).toBe('action_required');
    expect(payment.action).toEqual({
      kind: 'redirect',
      url: `http://shop.test/api/payments/test/confirm/${payment.id}`,
    });
    const done = await completePaymentAction(f.ctx, payment.id, { decision: 'approve' });
    expect(done.payment).toMatchObject({ status: 'authorized', authorized: 7_500, action: null });
    expect(done.returnUrl).toBe('http://shop.test/order/return');
    const twice = await completePaymentAction(f.ctx, payment.id, { decision: 'cancel' });
    expect(twice.payment.status).toBe('authorized');
    expect(await f.eventCount('payment.authorized', payment.id)).toBe(1);
  });

  it('declines when the shopper cancels 3-D Secure', async () => {
    const payment = await f.start('card', 7_500, { card: '4000000000003220' });
    const done = await completePaymentAction(f.ctx, payment.id, { decision: 'cancel' });
    expect(done.payment.status).toBe('declined');
    expect(await f.eventCount('payment.declined', payment.id)).toBe(1);
  });

  it('captures less than authorized at hand-over and releases the rest', async () => {
    const payment = await f.start('card', 30_000);
    await capturePayment(f.ctx, { paymentId: payment.id, amount: 24_000, idempotencyKey: 'handover-1' });
    const released = await voidPayment(f.ctx, { paymentId: payment.id, idempotencyKey: 'release-1' });
    expect(released).toMatchObject({ status: 'captured', authorized: 24_000, captured: 24_000 });
    expect(await f.eventCount('payment.voided', payment.id)).toBe(1);
    expect(
      f.providers.card.memory.calls.filter((c) => c.idempotencyKey === `${payment.id}:release-1`),
    ).toHaveLength(1);
  });
});

describe('Klarna payments', () => {
  it('captures in three parts, releases the rest, refunds, and keeps the history', async () => {
    const payment = await f.start('klarna', 60_000);
    expect(payment.status).toBe('authorized');
    for (const [i, amount] of [10_000, 15_000, 5_000].entries()) {
      await capturePayment(f.ctx, { paymentId: payment.id, amount, idempotencyKey: `klarna-cap-${i}` });
    }
    expect(await findPayment(f.db, payment.id)).toMatchObject({
      status: 'partially_captured',
      captured: 30_000,
    });
    const released = await voidPayment(f.ctx, { paymentId: payment.id, idempotencyKey: 'klarna-release' });
    expect(released).toMatchObject({ status: 'captured', authorized: 30_000, captured: 30_000 });
    const refunded = await refundPayment(f.ctx, {
      paymentId: payment.id,
      amount: 5_000,
      idempotencyKey: 'klarna-ref',
    });
    expect(refunded).toMatchObject({ status: 'partially_refunded', refunded: 5_000 });
    const tooMuch = await refusal(
      refundPayment(f.ctx, { paymentId: payment.id, amount: 25_001, idempotencyKey: 'klarna-ref-2' }),
    );
    expect(tooMuch.code).toBe('invalid_state');
    expect(tooMuch.fields?.[0]?.field).toBe('amount');
    expect((await f.operations(payment.id)).map((o) => `${o.kind}:${o.outcome}:${o.amount}`)).toEqual([
      'authorize:succeeded:60000',
      'capture:succeeded:10000',
      'capture:succeeded:15000',
      'capture:succeeded:5000',
      'void:succeeded:30000',
      'refund:succeeded:5000',
    ]);
    expect(await f.eventCount('payment.captured', payment.id)).toBe(3);
    expect(await f.eventCount('payment.refunded', payment.id)).toBe(1);
  });

  it('declines above 50 000 kr', async () => {
    expect((await f.start('klarna', 5_000_001)).status).toBe('declined');
  });
});

describe('pay in store', () => {
  it('records the choice with nothing authorized and refuses money operations', async () => {
    const payment = await f.start('in_store', 9_900);
    expect(payment).toMatchObject({ status: 'pay_in_store', authorized: 0, provider: 'in_store' });
    const error = await refusal(
      capturePayment(f.ctx, { paymentId: payment.id, amount: 9_900, idempotencyKey: 'store-cap' }),
    );
    expect(error.code).toBe('invalid_state');
  });
});
