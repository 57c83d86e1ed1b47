// Supplier webhooks from the back office: the list never shows a secret, setting again rotates the
// secret, and clearing one fails its waiting posts in the same transaction so none goes out later.
import type { CheckoutResult, SupplierWebhook, SupplierWebhookSummary } from '@handla/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD, useOrdersHttp } from '../orders/orders.http-harness';
import { expectProblem, send } from '../register/register.testing';
import { sendSupplierOrders } from './drop-ship.service';
import { sendSupplierWebhooks } from './drop-ship.webhook';

const { h, checkoutId, checkout } = useOrdersHttp();
// Nothing listens here: a post would fail, which is beside the point; the job must not even try.
const HOOK_URL = 'http://127.0.0.1:9/orders';

let supplierId = '';
const asManager = (method: 'GET' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
  send(h.t, { cookie: h.manager }, method, url, body);
const list = async () =>
  ((await asManager('GET', '/api/dropship/supplier-webhooks')).json() as { items: SupplierWebhookSummary[] })
    .items;
const deliveries = (status: string) =>
  h.t.ctx.db.query<{ id: string; lastError: string | null }>(
    `select id, last_error as "lastError" from dropship_webhook_deliveries where supplier_id = $1 and status = $2`,
    [supplierId, status],
  );

beforeAll(async () => {
  supplierId = (
    await h.t.ctx.db.query<{ id: string }>(`select id from suppliers where code = 'NORDTEXTIL'`)
  )[0]!.id;
  const [product] = await h.t.ctx.db.query<{ id: string }>(
    'select product_id as id from skus where id = $1',
    [h.skus[0]!.id],
  );
  const marked = await asManager('PUT', `/api/dropship/products/${product!.id}/supplier`, { supplierId });
  expect(marked.statusCode, marked.body).toBe(204);
});

describe('supplier webhooks in the back office', () => {
  it('lists where each supplier is posted to without the secret; setting again rotates it', async () => {
    expect(await list()).toEqual([]);
    const first = await asManager('PUT', `/api/dropship/suppliers/${supplierId}/webhook`, { url: HOOK_URL });
    expect(first.statusCode, first.body).toBe(200);
    const listed = await asManager('GET', '/api/dropship/supplier-webhooks');
    expect(listed.json().items).toEqual([{ supplierId, url: HOOK_URL, updatedAt: h.now.toISOString() }]);
    expect(listed.body).not.toContain((first.json() as SupplierWebhook).secret);

    const rotated = await asManager('PUT', `/api/dropship/suppliers/${supplierId}/webhook`, {
      url: HOOK_URL,
    });
    expect((rotated.json() as SupplierWebhook).secret).not.toBe((first.json() as SupplierWebhook).secret);
    expect(await list()).toHaveLength(1);
  });

  it('refuses a cashier and an unknown supplier, changing nothing', async () => {
    const cashier = await send(
      h.t,
      { cookie: h.cashier },
      'DELETE',
      `/api/dropship/suppliers/${supplierId}/webhook`,
    );
    expect(cashier.statusCode).toBe(403);
    expect(
      (await send(h.t, { cookie: h.cashier }, 'GET', '/api/dropship/supplier-webhooks')).statusCode,
    ).toBe(403);
    expectProblem(
      await asManager('DELETE', '/api/dropship/suppliers/sup_nope/webhook'),
      404,
      'not_found',
      'id',
    );
    expect(await list()).toHaveLength(1);
  });

  it('clears the webhook: the waiting post is failed at once and never sent', async () => {
    const placed = await checkout({
      checkoutId: checkoutId(),
      locale: 'sv',
      customer: { name: 'Anna Andersson', email: 'anna@example.se' },
      lines: [{ skuId: h.skus[0]!.id, quantity: 1, unitPrice: h.skus[0]!.price }],
      fulfilment: {
        kind: 'delivery',
        shippingMethodId: 'shm_postnord_home',
        address: { name: 'Anna Andersson', street: 'Storgatan 7', postalCode: '111 22', city: 'Stockholm' },
      },
      payment: { method: 'card', cardToken: CARD.approve },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect((placed.json() as CheckoutResult).order.id).toBeTruthy();
    await sendSupplierOrders(h.t.ctx, 'http://shop.test');
    expect(await deliveries('pending')).toHaveLength(1);

    const cleared = await asManager('DELETE', `/api/dropship/suppliers/${supplierId}/webhook`);
    expect(cleared.statusCode, cleared.body).toBe(204);
    expect(await list()).toEqual([]);
    expect(await deliveries('pending')).toEqual([]);
    expect((await deliveries('failed')).map((d) => d.lastError)).toEqual(['webhook removed']);
    expect(await sendSupplierWebhooks(h.t.ctx)).toBe(0);

    // Clearing again is not an error: there is nothing left to clear.
    expect((await asManager('DELETE', `/api/dropship/suppliers/${supplierId}/webhook`)).statusCode).toBe(204);
  });
});
