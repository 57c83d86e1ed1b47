// Idempotency keys and concurrency on a real database (PGlite; PostgreSQL with DATABASE_URL): a
// repeated key moves money once, concurrent operations never exceed what is held.
import type { DomainError } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentsFixture, type PaymentsFixture, refusal } from './payments.fixture';
import { capturePayment, findPayment, refundPayment, startPayment } from './payments.service';

let f: PaymentsFixture;
beforeAll(async () => {
  f = await createPaymentsFixture();
});
afterAll(() => f.db.close());

describe('idempotency keys and concurrency', () => {
  it('captures once for a repeated key: one provider call, one event', async () => {
    const payment = await f.start('klarna', 10_000);
    const command = { paymentId: payment.id, amount: 4_000, idempotencyKey: 'same-key-123' };
    await capturePayment(f.ctx, command);
    const again = await capturePayment(f.ctx, command);
    expect(again).toMatchObject({ captured: 4_000, status: 'partially_captured' });
    const calls = f.providers.klarna.memory.calls.filter(
      (c) => c.idempotencyKey === `${payment.id}:same-key-123`,
    );
    expect(calls).toHaveLength(1);
    expect(await f.eventCount('payment.captured', payment.id)).toBe(1);
    const reused = await refusal(capturePayment(f.ctx, { ...command, amount: 5_000 }));
    expect(reused.code).toBe('duplicate');
    expect(reused.fields?.[0]?.field).toBe('idempotencyKey');
  });

  it('captures once when the same key arrives concurrently', async () => {
    const payment = await f.start('card', 10_000);
    const command = { paymentId: payment.id, amount: 2_500, idempotencyKey: 'concurrent-same' };
    await Promise.all(Array.from({ length: 5 }, () => capturePayment(f.ctx, command)));
    expect(await findPayment(f.db, payment.id)).toMatchObject({ captured: 2_500 });
    const calls = f.providers.card.memory.calls.filter(
      (c) => c.idempotencyKey === `${payment.id}:concurrent-same`,
    );
    expect(calls.filter((c) => c.isFirst)).toHaveLength(1);
    expect(await f.eventCount('payment.captured', payment.id)).toBe(1);
  });

  it('never captures more than authorized under concurrent captures with different keys', async () => {
    const payment = await f.start('card', 10_000);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        capturePayment(f.ctx, { paymentId: payment.id, amount: 3_000, idempotencyKey: `parallel-${i}` }),
      ),
    );
    const succeeded = results.filter((r) => r.status === 'fulfilled').length;
    expect(succeeded).toBe(3);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as DomainError).code).toBe('invalid_state');
    }
    expect(await findPayment(f.db, payment.id)).toMatchObject({ captured: 9_000, authorized: 10_000 });
    expect(await f.eventCount('payment.captured', payment.id)).toBe(3);
  });

  it('authorizes once when the same checkout arrives concurrently', async () => {
    const input = {
      paymentId: f.ctx.newId('pay'),
      orderId: f.ctx.newId('ord'),
      method: 'klarna' as const,
      amount: 3_000,
      currency: 'SEK',
      returnUrl: 'http://shop.test/r',
      description: 'Order 1003',
    };
    const results = await Promise.all(Array.from({ length: 4 }, () => startPayment(f.ctx, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const calls = f.providers.klarna.memory.calls.filter(
      (c) => c.idempotencyKey === `${input.paymentId}:authorize`,
    );
    expect(calls.filter((c) => c.isFirst)).toHaveLength(1);
    expect(await f.eventCount('payment.authorized', input.paymentId)).toBe(1);
  });

  it('never refunds more than captured under concurrent refunds with different keys', async () => {
    const payment = await f.start('klarna', 10_000);
    await capturePayment(f.ctx, { paymentId: payment.id, amount: 10_000, idempotencyKey: 'full-capture' });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        refundPayment(f.ctx, {
          paymentId: payment.id,
          amount: 4_000,
          idempotencyKey: `parallel-refund-${i}`,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(await findPayment(f.db, payment.id)).toMatchObject({
      refunded: 8_000,
      status: 'partially_refunded',
    });
  });

  it('keeps an unanswered call "started" and finishes it on a retry with the same key', async () => {
    const payment = await f.start('klarna', 10_000);
    const real = f.providers.klarna.capture;
    f.providers.klarna.capture = async () => {
      throw new Error('connection reset');
    };
    const command = { paymentId: payment.id, amount: 6_000, idempotencyKey: 'flaky-capture' };
    try {
      expect((await refusal(capturePayment(f.ctx, command))).code).toBe('payment_failed');
    } finally {
      f.providers.klarna.capture = real;
    }
    expect(await f.operations(payment.id)).toContainEqual({
      kind: 'capture',
      outcome: 'started',
      amount: 6_000,
    });
    // In flight counts against the authorization: only 4 000 more may be captured meanwhile.
    const blocked = await refusal(
      capturePayment(f.ctx, { ...command, amount: 4_001, idempotencyKey: 'other-key' }),
    );
    expect(blocked.code).toBe('invalid_state');
    expect(await capturePayment(f.ctx, command)).toMatchObject({ captured: 6_000 });
    expect(await f.eventCount('payment.captured', payment.id)).toBe(1);
  });
});
