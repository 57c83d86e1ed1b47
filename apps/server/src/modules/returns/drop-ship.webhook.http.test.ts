// Drop shipping by webhook: a supplier with a webhook URL gets its order POSTed, signed per Standard
// Webhooks — checked here with the official verifier — and retried with back-off after a failure,
// with the same webhook-id; the confirmation link in it confirms the shipment and captures the line.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CheckoutResult, Order, SupplierWebhook } from '@handla/api';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, useOrdersHttp } from '../orders/orders.http-harness';
import { expectProblem, send } from '../register/register.testing';
import { sendSupplierOrders } from './drop-ship.service';
import { type SupplierOrderPayload, sendSupplierWebhooks } from './drop-ship.webhook';

const { h, checkoutId, checkout } = useOrdersHttp();
const PUBLIC_URL = 'http://shop.test';

// The supplier's endpoint: answers 503 to the first POST, 200 afterwards.
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.writeHead(received.length === 1 ? 503 : 200).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/orders`;

let supplierId = '';
let hook: SupplierWebhook;

beforeAll(async () => {
  supplierId = (
    await h.t.ctx.db.query<{ id: string }>(`select id from suppliers where code = 'NORDTEXTIL'`)
  )[0]!.id;
  const [product] = await h.t.ctx.db.query<{ id: string }>(
    'select product_id as id from skus where id = $1',
    [h.skus[0]!.id],
  );
  const marked = await send(
    h.t,
    { cookie: h.manager },
    'PUT',
    `/api/dropship/products/${product!.id}/supplier`,
    {
      supplierId,
    },
  );
  expect(marked.statusCode, marked.body).toBe(204);
  const set = await send(h.t, { cookie: h.manager }, 'PUT', `/api/dropship/suppliers/${supplierId}/webhook`, {
    url: hookUrl,
  });
  expect(set.statusCode, set.body).toBe(200);
  hook = set.json() as SupplierWebhook;
  expect(hook.secret).toMatch(/^whsec_/);
});

async function paidDeliveryOrder(): Promise<Order> {
  const placed = await checkout({
    checkoutId: checkoutId(),
    locale: 'sv',
    customer: { name: 'Anna Andersson', email: 'anna@example.se' },
    lines: [
      { skuId: h.skus[0]!.id, quantity: 2, unitPrice: h.skus[0]!.price },
      { skuId: h.skus[1]!.id, quantity: 1, unitPrice: h.skus[1]!.price },
    ],
    fulfilment: {
      kind: 'delivery',
      shippingMethodId: 'shm_postnord_home',
      address: { name: 'Anna Andersson', street: 'Storgatan 7', postalCode: '111 22', city: 'Stockholm' },
    },
    payment: { method: 'card', cardToken: CARD.approve },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  return (placed.json() as CheckoutResult).order;
}

const delivery = async (orderId: string) =>
  (
    await h.t.ctx.db.query<{ id: string; status: string; attempts: number; nextAttemptAt: Date }>(
      `select d.id, d.status, d.attempts, d.next_attempt_at as "nextAttemptAt"
         from dropship_webhook_deliveries d join supplier_orders s on s.id = d.supplier_order_id
        where s.order_id = $1`,
      [orderId],
    )
  )[0];

describe('drop shipping by webhook', () => {
  it('POSTs the supplier order signed (verified with the official library), retries, and confirms by its link', async () => {
    const order = await paidDeliveryOrder();
    await sendSupplierOrders(h.t.ctx, PUBLIC_URL);
    const queued = (await delivery(order.id))!;
    expect(queued).toMatchObject({ status: 'pending', attempts: 0 });

    // First attempt: the supplier answers 503; the POST waits for its back-off.
    expect(await sendSupplierWebhooks(h.t.ctx)).toBe(0);
    const failed = (await delivery(order.id))!;
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(+failed.nextAttemptAt - +h.now).toBeGreaterThanOrEqual(24_000);
    expect(await sendSupplierWebhooks(h.t.ctx)).toBe(0); // not due yet: nothing sent
    expect(received).toHaveLength(1);

    const start = h.now;
    try {
      h.now = new Date(+failed.nextAttemptAt + 1);
      expect(await sendSupplierWebhooks(h.t.ctx)).toBe(1);
    } finally {
      h.now = start;
    }
    expect((await delivery(order.id))!).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(received).toHaveLength(2);
    expect(received[1]!.headers['webhook-id']).toBe(received[0]!.headers['webhook-id']);

    // Each POST verifies with the official Standard Webhooks verifier; a wrong secret does not.
    for (const r of received) {
      const headers = {
        'webhook-id': String(r.headers['webhook-id']),
        'webhook-timestamp': String(r.headers['webhook-timestamp']),
        'webhook-signature': String(r.headers['webhook-signature']),
      };
      const verifier = new Webhook(hook.secret);
      const checked = verifyIgnoringAge(verifier, r.body, headers);
      expect(checked).toEqual(JSON.parse(r.body));
      expect(() =>
        verifyIgnoringAge(new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`), r.body, headers),
      ).toThrow();
    }
    const payload = JSON.parse(received[1]!.body) as SupplierOrderPayload;
    expect(payload).toMatchObject({
      type: 'supplier_order.created',
      orderNumber: order.number,
      lines: [{ sku: order.lines[0]!.sku, quantity: 2 }],
      deliveryAddress: { street: 'Storgatan 7', city: 'Stockholm' },
    });

    // The link in the POST confirms the shipment: exactly that line is captured.
    const path = new URL(payload.confirmUrl).pathname;
    const confirmed = await send(h.t, {}, 'POST', path, { trackingNumber: 'DS123456789SE' });
    expect(confirmed.statusCode, confirmed.body).toBeLessThan(300);
    const captures = await h.t.ctx.db.query<{ amount: number }>(
      `select amount::integer from payment_operations where payment_id = $1 and kind = 'capture' and outcome = 'succeeded'`,
      [order.payment.id],
    );
    expect(captures).toEqual([{ amount: order.lines[0]!.lineTotal.amount }]);
  });

  it('refuses a webhook that is not https or for no supplier, naming the field', async () => {
    expectProblem(
      await send(h.t, { cookie: h.manager }, 'PUT', `/api/dropship/suppliers/${supplierId}/webhook`, {
        url: 'http://supplier.example/orders',
      }),
      400,
      'validation_failed',
      'url',
    );
    expectProblem(
      await send(h.t, { cookie: h.manager }, 'PUT', '/api/dropship/suppliers/sup_nobody/webhook', {
        url: 'https://supplier.example/orders',
      }),
      404,
      'not_found',
      'id',
    );
  });
});

/** Verifies the signature as the official library does, with its timestamp tolerance moved to that instant. */
function verifyIgnoringAge(verifier: Webhook, body: string, headers: Record<string, string>): unknown {
  const at = Number(headers['webhook-timestamp']) * 1000;
  const realNow = Date.now;
  Date.now = () => at;
  try {
    return verifier.verify(body, headers);
  } finally {
    Date.now = realNow;
  }
}
