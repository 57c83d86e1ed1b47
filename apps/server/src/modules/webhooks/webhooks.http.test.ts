// Subscriptions over HTTP: create with a one-time secret, list, change, disable, rotate, delete;
// who may; bad input refused with the field named and nothing stored.
import type { WebhookSubscription, WebhookWithSecret } from '@handla/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';

let t: TestApp;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = await signIn(t.app, 'manager');
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie = manager) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const countSubscriptions = async () =>
  (await t.ctx.db.query<{ n: number }>('select count(*)::int as n from webhook_subscriptions'))[0]!.n;

async function create(body: object = {}): Promise<WebhookWithSecret> {
  const response = await call('POST', '/api/webhooks', {
    url: 'https://erp.example.se/hooks',
    eventTypes: ['order.*', 'stock.changed'],
    description: 'ERP',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('webhook subscriptions', () => {
  it('shows a whsec_ secret of 32 random bytes on create only, and lists the subscription without it', async () => {
    const created = await create();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(created.secret.slice(6), 'base64')).toHaveLength(32);
    expect(created).toMatchObject({
      url: 'https://erp.example.se/hooks',
      eventTypes: ['order.*', 'stock.changed'],
      description: 'ERP',
      isActive: true,
      pending: 0,
      failed: 0,
    });

    const list = await call('GET', '/api/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.secret.slice(6));
    expect((list.json().items as WebhookSubscription[]).map((s) => s.id)).toContain(created.id);
    const one = await call('GET', `/api/webhooks/${created.id}`);
    expect(one.json()).not.toHaveProperty('secret');
  });

  it('changes fields, disables, rotates the secret (a new one, shown once) and deletes', async () => {
    const created = await create();
    const patched = await call('PATCH', `/api/webhooks/${created.id}`, {
      url: 'http://localhost:9999/in',
      eventTypes: ['sale.*', 'sale.*'],
      isActive: false,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      url: 'http://localhost:9999/in',
      eventTypes: ['sale.*'],
      isActive: false,
      description: 'ERP',
    });

    const rotated = await call('POST', `/api/webhooks/${created.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const secret = (rotated.json() as WebhookWithSecret).secret;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(created.secret);
    const [row] = await t.ctx.db.query<{ secret: string }>(
      'select secret from webhook_subscriptions where id = $1',
      [created.id],
    );
    expect(row!.secret).toBe(secret);

    expect((await call('DELETE', `/api/webhooks/${created.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/webhooks/${created.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/webhooks/${created.id}`)).statusCode).toBe(404);
  });

  it('lets an API key with webhooks:manage in, and keeps cashiers and other keys out', async () => {
    const keyWith = async (scopes: string[]) =>
      ((await call('POST', '/api/api-keys', { name: 'ERP', scopes })).json() as { secret: string }).secret;
    const allowed = await keyWith(['webhooks:manage']);
    const other = await keyWith(['orders:read']);
    const byKey = (secret: string) =>
      t.app.inject({ url: '/api/webhooks', headers: { authorization: `Bearer ${secret}` } });
    expect((await byKey(allowed)).statusCode).toBe(200);
    expect((await byKey(other)).statusCode).toBe(403);
    const cashier = await signIn(t.app, 'cashier');
    expect((await call('GET', '/api/webhooks', undefined, cashier)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/webhooks' })).statusCode).toBe(401);
  });
});

describe('bad input', () => {
  it.each([
    [{ url: 'ftp://erp.example.se/x' }, 'url'],
    [{ url: 'not a url' }, 'url'],
    [{ eventTypes: [] }, 'eventTypes'],
    [{ eventTypes: ['order.teleported'] }, 'eventTypes.0'],
    [{ eventTypes: ['stock.changed', 'customer.*'] }, 'eventTypes.1'],
    [{ eventTypes: ['gift.*'] }, 'eventTypes.0'],
    [{ secret: 'whsec_mine' }, 'secret'],
  ])('refuses %j naming %s, and stores nothing', async (body, field) => {
    const before = await countSubscriptions();
    const response = await call('POST', '/api/webhooks', {
      url: 'https://erp.example.se/hooks',
      eventTypes: ['order.*'],
      ...body,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countSubscriptions()).toBe(before);
  });

  it('refuses an unknown event type on change and leaves the subscription as it was', async () => {
    const created = await create();
    const response = await call('PATCH', `/api/webhooks/${created.id}`, {
      description: 'changed',
      eventTypes: ['order.placed', 'order.nope'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'eventTypes.1', message: expect.any(String) }]);
    expect((await call('GET', `/api/webhooks/${created.id}`)).json()).toMatchObject({
      description: 'ERP',
      eventTypes: ['order.*', 'stock.changed'],
    });
  });

  it('answers 404 for unknown subscriptions and deliveries, and 400 for a forged cursor', async () => {
    expect((await call('PATCH', '/api/webhooks/whk_nope', { isActive: false })).statusCode).toBe(404);
    expect((await call('GET', '/api/webhooks/deliveries/whd_nope')).statusCode).toBe(404);
    expect((await call('POST', '/api/webhooks/deliveries/whd_nope/redeliver')).statusCode).toBe(404);
    const created = await create();
    const forged = await call('GET', `/api/webhooks/${created.id}/deliveries?cursor=bm9wZQ`);
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors[0].field).toBe('cursor');
    const badStatus = await call('GET', `/api/webhooks/${created.id}/deliveries?status=lost`);
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().errors[0].field).toBe('status');
  });
});
