// Swish through the test provider on a real database: payment requests, callbacks (verified,
// idempotent, late ones ignored), capture as bookkeeping and the rest refunded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSwishCallback } from './payments.callbacks';
import { createPaymentsFixture, type PaymentsFixture, refusal } from './payments.fixture';
import { capturePayment, findPayment, voidPayment } from './payments.service';

let f: PaymentsFixture;
beforeAll(async () => {
  f = await createPaymentsFixture();
});
afterAll(() => f.db.close());

describe('Swish payments', () => {
  async function deliverLast(paymentId: string) {
    const delivery = f.deliveries.findLast((d) => d.body.payeePaymentReference === paymentId);
    expect(delivery).toBeDefined();
    return recordSwishCallback(f.ctx, delivery!.headers.callbackidentifier, delivery!.body);
  }

  it('requests a payment, shows the app link and QR code, and is paid by callback (once)', async () => {
    const payment = await f.start('swish', 12_900, { phone: '070-123 45 67' });
    expect(payment.status).toBe('pending');
    expect(payment.action).toMatchObject({ kind: 'swish' });
    if (payment.action?.kind !== 'swish') throw new Error('no swish action');
    expect(payment.action.appUrl).toMatch(
      /^swish:\/\/paymentrequest\?token=[0-9a-f]+&callbackurl=http%3A%2F%2F/,
    );
    expect(payment.action.qrSvg).toContain('<svg');
    const paid = await deliverLast(payment.id);
    expect(paid).toMatchObject({ status: 'authorized', authorized: 12_900 });
    const repeated = await deliverLast(payment.id);
    expect(repeated).toMatchObject({ status: 'authorized', authorized: 12_900 });
    expect(await f.eventCount('payment.authorized', payment.id)).toBe(1);
    expect((await f.operations(payment.id)).filter((o) => o.kind === 'callback')).toHaveLength(1);
  });

  it('refuses a callback without the right identifier and changes nothing', async () => {
    const payment = await f.start('swish', 5_000, { phone: '0701234567' });
    const delivery = f.deliveries.findLast((d) => d.body.payeePaymentReference === payment.id)!;
    const error = await refusal(recordSwishCallback(f.ctx, 'forged', delivery.body));
    expect(error.code).toBe('forbidden');
    expect((await findPayment(f.db, payment.id))?.status).toBe('pending');
  });

  it('declines by callback for 0709999999', async () => {
    const payment = await f.start('swish', 5_000, { phone: '+46709999999' });
    expect((await deliverLast(payment.id)).status).toBe('declined');
    expect(await f.eventCount('payment.declined', payment.id)).toBe(1);
  });

  it('waits for the shopper without a number, then captures as bookkeeping and refunds the rest', async () => {
    const payment = await f.start('swish', 20_000);
    expect(f.deliveries.some((d) => d.body.payeePaymentReference === payment.id)).toBe(false);
    const row = (
      await f.db.query<{ callback_identifier: string }>(
        'select callback_identifier from payments where id = $1',
        [payment.id],
      )
    )[0]!;
    f.providers.swish.shopperDecides(
      {
        reference: payment.providerReference!,
        paymentId: payment.id,
        amount: payment.amount,
        currency: 'SEK',
        description: 'Order 1001',
        callbackIdentifier: row.callback_identifier,
        createdAt: payment.createdAt,
      },
      'approve',
    );
    expect((await deliverLast(payment.id)).status).toBe('authorized');
    const refundsBefore = f.providers.swish.memory.calls.filter((c) => c.kind === 'refund').length;
    await capturePayment(f.ctx, { paymentId: payment.id, amount: 15_000, idempotencyKey: 'swish-handover' });
    expect(f.providers.swish.memory.calls.filter((c) => c.kind === ('capture' as never))).toHaveLength(0);
    const released = await voidPayment(f.ctx, { paymentId: payment.id, idempotencyKey: 'swish-rest' });
    expect(released).toMatchObject({ status: 'captured', authorized: 15_000, captured: 15_000, refunded: 0 });
    const refunds = f.providers.swish.memory.calls.filter((c) => c.kind === 'refund');
    expect(refunds).toHaveLength(refundsBefore + 1);
    expect(refunds.at(-1)).toMatchObject({ amount: 5_000 });
  });

  it('cancels an unanswered request, and ignores a late PAID', async () => {
    const payment = await f.start('swish', 3_000);
    expect(await voidPayment(f.ctx, { paymentId: payment.id, idempotencyKey: 'swish-cancel' })).toMatchObject(
      {
        status: 'voided',
      },
    );
    const row = (
      await f.db.query<{ callback_identifier: string }>(
        'select callback_identifier from payments where id = $1',
        [payment.id],
      )
    )[0]!;
    const late = await recordSwishCallback(f.ctx, row.callback_identifier, {
      id: payment.providerReference!,
      payeePaymentReference: payment.id,
      amount: 30,
      currency: 'SEK',
      status: 'PAID',
    });
    expect(late.status).toBe('voided');
    expect(await f.operations(payment.id)).toContainEqual({
      kind: 'callback',
      outcome: 'ignored',
      amount: 3_000,
    });
  });
});
