// The payments routes through app.inject: test card fields, the confirmation page and its form,
// Swish callbacks over HTTP, and the staff/API money operations with Idempotency-Key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoAccount, signIn, type TestApp } from '../../testing/test-app';
import { createPaymentsFixture, type PaymentsFixture, TEST_PUBLIC_URL } from './payments.fixture';
import { safeReturnUrl } from './payments.test-routes';

let t: TestApp;
let f: PaymentsFixture;
let manager: string;
let cashier: string;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: TEST_PUBLIC_URL });
  // The app installed the test provider with an HTTP sender; collect Swish callbacks instead.
  f = await createPaymentsFixture({ db: t.ctx.db, ctx: t.ctx });
  manager = await signIn(t.app, 'manager');
  cashier = await signIn(t.app, 'cashier');
});
afterAll(() => t.close());

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });

describe('test card fields', () => {
  it('turns a test card into a token', async () => {
    const response = await post('/api/payments/test/card-tokens', {
      number: '4111 1111 1111 1111',
      expiry: '12/39',
      cvc: '123',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().token).toMatch(/^tok_test_approve_/);
  });

  it('refuses an unknown number, an expired card and a bad cvc with field errors', async () => {
    const response = await post('/api/payments/test/card-tokens', {
      number: '5555 5555 5555 4444',
      expiry: '01/20',
      cvc: '12',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'number',
      'expiry',
      'cvc',
    ]);
  });
});

describe('the confirmation page', () => {
  it('shows Approve and Cancel in Swedish and English, and approving authorizes and returns to the shop', async () => {
    const payment = await f.start('card', 4_900, { card: '4000000000003220' });
    const page = await t.app.inject({ url: `/api/payments/test/confirm/${payment.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="sv">');
    expect(page.body).toContain('Godkänn · Approve');
    expect(page.body).toContain('Avbryt · Cancel');
    expect(page.body).toContain('49,00 kr');
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/payments/test/confirm/${payment.id}`,
      payload: 'decision=approve',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('http://shop.test/order/return');
    const status = await t.app.inject({ url: `/api/payments/${payment.id}`, headers: { cookie: manager } });
    expect(status.json()).toMatchObject({
      status: 'authorized',
      authorized: { amount: 4_900, currency: 'SEK' },
    });
  });

  it('lets the shopper decline a Swish request without a number; the result comes by callback', async () => {
    const payment = await f.start('swish', 2_000);
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/payments/test/confirm/${payment.id}`,
      payload: 'decision=cancel',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.statusCode).toBe(303);
    const delivery = f.deliveries.findLast((d) => d.body.payeePaymentReference === payment.id)!;
    expect(delivery.body.status).toBe('DECLINED');
    const callback = await post('/api/payments/swish/callback', delivery.body, delivery.headers);
    expect(callback.json()).toEqual({ status: 'declined' });
  });
});

describe('return URLs', () => {
  it('redirects only back to our own shop', () => {
    expect(safeReturnUrl('http://shop.test/order/1', 'http://shop.test')).toBe('http://shop.test/order/1');
    expect(safeReturnUrl('https://evil.example/phish', 'http://shop.test')).toBe('http://shop.test/');
    expect(safeReturnUrl('not a url', 'http://shop.test')).toBe('http://shop.test/');
  });
});

describe('Swish callbacks over HTTP', () => {
  it('records PAID once; a repeat answers the same and changes nothing; a forgery is refused', async () => {
    const payment = await f.start('swish', 15_000, { phone: '0701234567' });
    const delivery = f.deliveries.findLast((d) => d.body.payeePaymentReference === payment.id)!;
    expect(delivery.url).toBe('http://shop.test/api/payments/swish/callback');
    const forged = await post('/api/payments/swish/callback', delivery.body, { callbackidentifier: 'guess' });
    expect(forged.statusCode).toBe(403);
    const first = await post('/api/payments/swish/callback', delivery.body, delivery.headers);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ status: 'authorized' });
    const second = await post('/api/payments/swish/callback', delivery.body, delivery.headers);
    expect(second.json()).toEqual({ status: 'authorized' });
    expect(await f.eventCount('payment.authorized', payment.id)).toBe(1);
  });

  it('refuses a malformed callback naming the field', async () => {
    const response = await post('/api/payments/swish/callback', {
      id: 'X',
      payeePaymentReference: 'p',
      status: 'PAID',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain('amount');
  });
});

describe('staff money operations', () => {
  it('shows a payment with its history to staff, and not to the public', async () => {
    const payment = await f.start('klarna', 10_000);
    expect((await t.app.inject({ url: `/api/payments/${payment.id}` })).statusCode).toBe(401);
    const response = await t.app.inject({ url: `/api/payments/${payment.id}`, headers: { cookie: cashier } });
    expect(response.statusCode).toBe(200);
    expect(response.json().operations).toMatchObject([{ kind: 'authorize', outcome: 'succeeded' }]);
    expect(
      (await t.app.inject({ url: '/api/payments/pay_nope', headers: { cookie: manager } })).statusCode,
    ).toBe(404);
  });

  it('needs an Idempotency-Key header, lets managers capture, refund and void, and not cashiers', async () => {
    const payment = await f.start('klarna', 10_000);
    const url = `/api/payments/${payment.id}`;
    const missing = await post(`${url}/captures`, { amount: 1_000 }, { cookie: manager });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    const byCashier = await post(
      `${url}/captures`,
      { amount: 1_000 },
      { cookie: cashier, 'idempotency-key': 'k-cashier-1' },
    );
    expect(byCashier.statusCode).toBe(403);

    const headers = { cookie: manager, 'idempotency-key': 'capture-key-1' };
    const first = await post(`${url}/captures`, { amount: 6_000 }, headers);
    expect(first.statusCode).toBe(200);
    const second = await post(`${url}/captures`, { amount: 6_000 }, headers);
    expect(second.json()).toMatchObject({ status: 'partially_captured', captured: { amount: 6_000 } });
    expect(second.json().operations.filter((o: { kind: string }) => o.kind === 'capture')).toHaveLength(1);

    const tooMuch = await post(
      `${url}/captures`,
      { amount: 4_001 },
      { cookie: manager, 'idempotency-key': 'capture-key-2' },
    );
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().errors[0].field).toBe('amount');

    const refund = await post(
      `${url}/refunds`,
      { amount: 1_000, reason: 'Returned a mug' },
      { cookie: manager, 'idempotency-key': 'refund-key-1' },
    );
    expect(refund.json()).toMatchObject({ status: 'partially_refunded', refunded: { amount: 1_000 } });
    // No body at all is fine for a release.
    const voided = await t.app.inject({
      method: 'POST',
      url: `${url}/void`,
      headers: { cookie: manager, 'idempotency-key': 'void-key-1' },
    });
    expect(voided.statusCode).toBe(200);
    expect(voided.json()).toMatchObject({ authorized: { amount: 6_000 }, captured: { amount: 6_000 } });
    const history = voided.json().operations.map((o: { kind: string; actor: string | null }) => o.kind);
    expect(history).toEqual(['authorize', 'capture', 'refund', 'void']);
    const [managerRow] = await t.ctx.db.query<{ id: string }>('select id from staff_users where email = $1', [
      demoAccount('manager').email,
    ]);
    expect(voided.json().operations[1]).toMatchObject({
      actor: managerRow!.id,
      idempotencyKey: 'capture-key-1',
    });
    expect(voided.json().operations[2]).toMatchObject({ reason: 'Returned a mug' });
  });

  it('refuses a bad amount naming the field and changing nothing', async () => {
    const payment = await f.start('card', 5_000);
    const response = await post(
      `/api/payments/${payment.id}/captures`,
      { amount: -5 },
      { cookie: manager, 'idempotency-key': 'negative-1' },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('amount');
    expect(await f.operations(payment.id)).toHaveLength(1);
  });

  it('lets API keys read with orders:read and capture only with orders:write', async () => {
    const payment = await f.start('card', 8_000);
    const keyFor = async (scopes: string[]) => {
      const response = await post(
        '/api/api-keys',
        { name: `ERP ${scopes.join(' ')}`, scopes },
        { cookie: manager },
      );
      expect(response.statusCode).toBe(201);
      return `Bearer ${(response.json() as { secret: string }).secret}`;
    };
    const reader = await keyFor(['orders:read']);
    const writer = await keyFor(['orders:write']);
    const url = `/api/payments/${payment.id}`;
    expect((await t.app.inject({ url, headers: { authorization: reader } })).statusCode).toBe(200);
    const denied = await post(
      `${url}/captures`,
      { amount: 100 },
      { authorization: reader, 'idempotency-key': 'erp-cap-1' },
    );
    expect(denied.statusCode).toBe(403);
    const allowed = await post(
      `${url}/captures`,
      { amount: 100 },
      { authorization: writer, 'idempotency-key': 'erp-cap-1' },
    );
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().captured.amount).toBe(100);
  });
});
