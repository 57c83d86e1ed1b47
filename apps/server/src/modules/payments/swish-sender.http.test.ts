// The default path of the simulated Swish app: a real HTTP POST to our own listening server,
// the way Swish calls a shop from outside (the other tests deliver callbacks with app.inject).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { installPaymentProviders } from './payments.providers';
import { findPayment, startPayment } from './payments.service';
import { createTestProviders } from './test-provider/index';
import { httpSwishSender } from './test-provider/swish';

let t: TestApp;
let publicUrl: string;
const errors: unknown[] = [];
beforeAll(async () => {
  t = await createTestApp();
  publicUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  installPaymentProviders(
    t.ctx,
    createTestProviders({
      publicUrl,
      clock: t.ctx.clock,
      sendSwishCallback: httpSwishSender(10, (error) => errors.push(error)),
    }),
  );
});
afterAll(() => t.close());

it('receives the PAID callback over HTTP and records it', async () => {
  const payment = await startPayment(t.ctx, {
    paymentId: t.ctx.newId('pay'),
    orderId: t.ctx.newId('ord'),
    method: 'swish',
    amount: 9_900,
    currency: 'SEK',
    phone: '0701234567',
    returnUrl: `${publicUrl}/order`,
    description: 'Order 1002',
  });
  expect(payment.status).toBe('pending');
  let status = payment.status;
  for (let i = 0; i < 100 && status === 'pending'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = (await findPayment(t.ctx.db, payment.id))!.status;
  }
  expect(errors).toEqual([]);
  expect(status).toBe('authorized');
});
