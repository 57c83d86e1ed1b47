// Shopper accounts: sign-up, sign-in (throttled), sign-out, order history and re-order.
import type { CheckoutResult, CustomerAccount, Order, ReorderResult } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { useOrdersHttp } from '../orders/orders.http-harness';

const { h, pickupBody, checkout } = useOrdersHttp();

const post = (url: string, payload: object, cookie?: string) =>
  h.t.app.inject({ method: 'POST', url, payload, ...(cookie ? { headers: { cookie } } : {}) });
const get = (url: string, cookie?: string) =>
  h.t.app.inject({ url, ...(cookie ? { headers: { cookie } } : {}) });
const cookieOf = (response: { cookies: { name: string; value: string; httpOnly?: boolean }[] }) => {
  const cookie = response.cookies.find((c) => c.name === 'handla_customer')!;
  expect(cookie.httpOnly).toBe(true);
  return `handla_customer=${cookie.value}`;
};

describe('shopper accounts', () => {
  const email = 'Bertil@Example.se';
  const password = 'hemligt-lösen-42';

  it('signs up, refuses the same e-mail twice, and signs in and out', async () => {
    const up = await post('/api/account/sign-up', {
      email,
      password,
      name: 'Bertil Berg',
      phone: '0701234567',
    });
    expect(up.statusCode, up.body).toBe(201);
    const account = up.json() as CustomerAccount;
    expect(account).toMatchObject({ email, name: 'Bertil Berg', phone: '0701234567' });
    const cookie = cookieOf(up);
    // A consumer, so no invoice at the checkout (docs/invoices.md, "Web checkout").
    expect((await get('/api/account', cookie)).json()).toEqual({ ...account, canPayByInvoice: false });

    const twice = await post('/api/account/sign-up', { email: email.toLowerCase(), password, name: 'B' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors).toEqual([{ field: 'email', message: expect.any(String) }]);

    expect((await post('/api/account/sign-out', {}, cookie)).statusCode).toBe(204);
    expect((await get('/api/account', cookie)).statusCode).toBe(401);
    const wrong = await post('/api/account/sign-in', { email, password: 'fel-lösenord' });
    expect(wrong.statusCode).toBe(401);
    const signIn = await post('/api/account/sign-in', { email: email.toUpperCase(), password });
    expect(signIn.statusCode).toBe(200);
    expect((await get('/api/account', cookieOf(signIn))).statusCode).toBe(200);
  });

  it('shows the orders placed while signed in, not guest orders with the same e-mail', async () => {
    const signIn = await post('/api/account/sign-in', { email, password });
    const cookie = cookieOf(signIn);
    const body = await pickupBody();
    const mine = (
      (await checkout({ ...body, customer: { ...body.customer, email } }, cookie)).json() as CheckoutResult
    ).order;
    const guestBody = await pickupBody();
    const guest = (
      (await checkout({ ...guestBody, customer: { ...guestBody.customer, email } })).json() as CheckoutResult
    ).order;
    const orders = (await get('/api/account/orders', cookie)).json() as { items: Order[] };
    expect(orders.items.map((o) => o.id)).toEqual([mine.id]);
    expect(orders.items.map((o) => o.id)).not.toContain(guest.id);
    expect((await get('/api/account/orders')).statusCode).toBe(401);
  });

  it('re-orders what is still for sale', async () => {
    const cookie = cookieOf(await post('/api/account/sign-in', { email, password }));
    const [order] = ((await get('/api/account/orders', cookie)).json() as { items: Order[] }).items;
    const [first, second] = order!.lines;
    await h.t.ctx.db.query(`update skus set status = 'discontinued' where id = $1`, [second!.skuId]);
    const response = await post(`/api/account/orders/${order!.id}/reorder`, {}, cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json() as ReorderResult).toEqual({
      lines: [{ skuId: first!.skuId, quantity: first!.quantity }],
      unavailable: [second!.skuId],
    });
    await h.t.ctx.db.query(`update skus set status = 'active' where id = $1`, [second!.skuId]);
    const stranger = cookieOf(
      await post('/api/account/sign-up', { email: 'c@example.se', password: 'ett-annat-lösen', name: 'C' }),
    );
    expect((await post(`/api/account/orders/${order!.id}/reorder`, {}, stranger)).statusCode).toBe(404);
  });

  it('throttles guessing after five failures for one e-mail', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await post('/api/account/sign-in', { email, password: `fel-${i}` })).statusCode).toBe(401);
    }
    expect((await post('/api/account/sign-in', { email, password })).statusCode).toBe(429);
  });
});
