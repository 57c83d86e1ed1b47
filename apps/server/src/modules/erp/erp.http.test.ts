// The ERP connection through HTTP: set-up with the secret shown once, changes, rotation, bad input
// naming the field with nothing changed, who may call, flows switched off, and the reference lookup.
import type { ErpConnectionState } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../testing/test-app';
import { useErp } from './erp.testing';

const harness = useErp();
const { h, api, connect, placeOrder, runJobs } = harness;

const connectionNow = async () =>
  ((await api('GET', '/api/erp/connection')).json() as ErpConnectionState).connection;

describe('/api/erp/connection', () => {
  it('is null before set-up, and a set-up without a base URL is refused naming it', async () => {
    expect(await connectionNow()).toBeNull();
    const refused = await api('PUT', '/api/erp/connection', { flows: ['orders'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('baseUrl');
    expect(await connectionNow()).toBeNull();
  });

  it('refuses a bad URL, time or flow naming the field', async () => {
    for (const [body, field] of [
      [{ baseUrl: 'ftp://erp.example' }, 'baseUrl'],
      [{ baseUrl: 'https://erp.example', dailySalesAt: '25:00' }, 'dailySalesAt'],
      [{ baseUrl: 'https://erp.example', flows: ['invoices'] }, 'flows.0'],
      [{ baseUrl: 'https://erp.example', secret: 'mine' }, 'secret'],
    ] as const) {
      const response = await api('PUT', '/api/erp/connection', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await connectionNow()).toBeNull();
  });

  it('is for managers: a cashier gets 403', async () => {
    const cashier = await signIn(h.t.app, 'cashier');
    expect((await api('GET', '/api/erp/connection', undefined, cashier)).statusCode).toBe(403);
    expect(
      (await api('PUT', '/api/erp/connection', { baseUrl: 'https://x.example' }, cashier)).statusCode,
    ).toBe(403);
  });

  it('shows the secret on set-up and rotation only', async () => {
    const saved = await connect({ dailySalesAt: '03:30' });
    expect(saved.connection).toMatchObject({
      baseUrl: harness.erp.baseUrl,
      isEnabled: true,
      flows: ['orders', 'customers', 'daily_sales'],
      dailySalesAt: '03:30',
      timeZone: 'Europe/Stockholm',
    });
    expect(JSON.stringify(await connectionNow())).not.toContain('whsec_');

    const changed = await api('PUT', '/api/erp/connection', { dailySalesAt: '02:00' });
    expect(changed.json().secret).toBeNull();
    const rotated = (await api('PUT', '/api/erp/connection', { rotateSecret: true })).json();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(saved.secret);
    harness.erp.setSecret(rotated.secret);
  });

  it('sends nothing of a flow switched off; switched on, the next change goes', async () => {
    await api('PUT', '/api/erp/connection', { flows: ['customers', 'daily_sales'] });
    const order = await placeOrder();
    await runJobs();
    expect(harness.erp.taken.filter((m) => m.id === order.id)).toEqual([]);
    const state = await connectionNow();
    expect(state!.flowStates.find((f) => f.flow === 'orders')).toMatchObject({ isOn: false, pending: 0 });

    await api('PUT', '/api/erp/connection', { flows: ['orders', 'customers', 'daily_sales'] });
    const cancelled = await api('POST', `/api/orders/${order.id}/cancel`, { reason: 'Test' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await runJobs();
    const taken = harness.erp.taken.filter((m) => m.id === order.id);
    expect(taken).toHaveLength(1);
    expect((taken[0]!.body.order as { status: string }).status).toBe('cancelled');
    expect(harness.erp.badSignatures).toBe(0);
  });

  it('finds the reference by kind and id, and refuses a bad kind naming it', async () => {
    const taken = harness.erp.taken.find((m) => m.entity === 'order');
    const found = await api('GET', `/api/erp/references?kind=order&id=${taken!.id}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items).toEqual([
      expect.objectContaining({ entityKind: 'order', entityId: taken!.id, erpNumber: taken!.answered }),
    ]);
    const unknown = await api('POST', '/api/erp/messages/erm_nope/retry');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('id');
    const bad = await api('GET', '/api/erp/references?kind=invoice');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('kind');
  });

  it('lets an API key with erp:read read the references, and no other scope or route', async () => {
    const owner = await signIn(h.t.app, 'owner');
    const keyWith = async (scopes: string[]) => {
      const created = await api('POST', '/api/api-keys', { name: 'ERP-brygga', scopes }, owner);
      expect(created.statusCode, created.body).toBe(201);
      return { authorization: `Bearer ${created.json().secret}` };
    };
    const taken = harness.erp.taken.find((m) => m.entity === 'order')!;
    const url = `/api/erp/references?kind=order&id=${taken.id}`;
    const reader = await keyWith(['erp:read']);
    const ok = await h.t.app.inject({ method: 'GET', url, headers: reader });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items).toEqual([
      expect.objectContaining({ entityId: taken.id, erpNumber: taken.answered }),
    ]);
    const other = await h.t.app.inject({ method: 'GET', url, headers: await keyWith(['orders:read']) });
    expect(other.statusCode).toBe(403);
    // The scope reads references only: the connection (with its flows) stays with managers.
    const connection = await h.t.app.inject({ method: 'GET', url: '/api/erp/connection', headers: reader });
    expect(connection.statusCode).toBe(403);
    const nobody = await h.t.app.inject({ method: 'GET', url });
    expect(nobody.statusCode).toBe(401);
  });

  it('pauses: nothing is sent while disabled, and the backlog goes when enabled again', async () => {
    await api('PUT', '/api/erp/connection', { isEnabled: false });
    const order = await placeOrder(1);
    await runJobs();
    expect(harness.erp.taken.some((m) => m.id === order.id)).toBe(false);
    await api('PUT', '/api/erp/connection', { isEnabled: true });
    await runJobs();
    expect(harness.erp.taken.filter((m) => m.id === order.id)).toHaveLength(1);
    const messages = (await api('GET', '/api/erp/messages?flow=orders&limit=5')).json().items;
    expect(messages[0]).toMatchObject({ entityId: order.id, status: 'sent', version: 1 });
    expect(messages[0].erpNumber).toBe(harness.erp.numbers.get(`order:${order.id}`));
    const orders = (await connectionNow())!.flowStates.find((f) => f.flow === 'orders')!;
    expect(orders).toMatchObject({ isOn: true, pending: 0, failed: 0 });
    expect(Date.parse(orders.lastSentAt!)).toBe(h.now.getTime());
  });

  it('follows an erasure: the anonymized customer and orders go, and our log keeps no personal data', async () => {
    const email = 'dora.dahl@example.se';
    const order = await placeOrder(2, { name: 'Dora Dahl', email, phone: '070-999 88 77' });
    await runJobs();
    expect(JSON.stringify(harness.erp.taken.filter((m) => m.id === order.id))).toContain(email);
    const erased = await api('POST', `/api/customers/${order.customerId}/erase`);
    expect(erased.statusCode, erased.body).toBe(200);
    await runJobs();
    const latest = harness.erp.taken.filter((m) => m.id === order.id).at(-1)!;
    expect(latest.version).toBe(2);
    expect((latest.body.order as { customer: { name: string } }).customer.name).toBe('Raderad kund');
    const customer = harness.erp.taken.filter((m) => m.id === order.customerId).at(-1)!;
    expect((customer.body.customer as { erasedAt: string | null }).erasedAt).not.toBeNull();
    const [kept] = await h.t.ctx.db.query<{ n: number }>(
      `select count(*)::int as n from erp_messages where payload::text ilike $1 or payload::text ilike $2`,
      [`%${email}%`, '%Dora%'],
    );
    expect(kept!.n).toBe(0);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await h.t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/erp/connection',
        '/api/erp/messages',
        '/api/erp/messages/{id}/retry',
        '/api/erp/references',
      ]),
    );
  });
});
