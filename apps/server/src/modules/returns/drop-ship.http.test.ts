// Drop shipping: a paid order with a line a supplier ships becomes one supplier order (even when the
// job runs twice at once), mailed to the supplier with the confirmation link and a PDF; confirming
// through the link captures exactly that line, once; an unknown link is 404.
import type { CheckoutResult, Order, SupplierOrder } from '@handla/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../fulfilment/fulfilment.testing';
import { startTestSmtp } from '../notifications/notifications.fixture';
import { CARD, useOrdersHttp } from '../orders/orders.http-harness';
import { expectProblem, send } from '../register/register.testing';
import { sendSupplierOrders } from './drop-ship.service';

// The supplier's mail goes out through a real (in-process) SMTP server, PDF attached.
const smtp = await startTestSmtp();
afterAll(() => smtp.close());
const { h, checkoutId, checkout } = useOrdersHttp({ smtpUrl: smtp.url });
const PUBLIC_URL = 'http://shop.test';
let supplier: { id: string; email: string } = { id: '', email: '' };

beforeAll(async () => {
  supplier = (
    await h.t.ctx.db.query<{ id: string; email: string }>(
      `select id, email from suppliers where code = 'NORDTEXTIL'`,
    )
  )[0]!;
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
      supplierId: supplier.id,
    },
  );
  expect(marked.statusCode, marked.body).toBe(204);
});

async function paidDeliveryOrder(): Promise<Order> {
  const [method] = await h.t.ctx.db.query<{ id: string }>(
    'select id from shipping_methods order by id limit 1',
  );
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
      shippingMethodId: method!.id,
      address: { name: 'Anna Andersson', street: 'Storgatan 7', postalCode: '111 22', city: 'Stockholm' },
    },
    payment: { method: 'card', cardToken: CARD.approve },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  return (placed.json() as CheckoutResult).order;
}

const supplierOrdersOf = async (orderId: string) =>
  (
    (
      await send(h.t, { cookie: h.manager }, 'GET', `/api/dropship/supplier-orders?orderId=${orderId}`)
    ).json() as {
      items: SupplierOrder[];
    }
  ).items;

const captures = (paymentId: string) =>
  h.t.ctx.db.query<{ amount: number; idempotencyKey: string }>(
    `select amount::integer, idempotency_key as "idempotencyKey" from payment_operations
      where payment_id = $1 and kind = 'capture' and outcome = 'succeeded'`,
    [paymentId],
  );

describe('drop shipping', () => {
  it('makes one supplier order per paid order, mails the supplier, and captures that line on confirmation', async () => {
    const order = await paidDeliveryOrder();
    // Two runs at once (as two processes would): the cursor's lock makes it one supplier order.
    await Promise.all([sendSupplierOrders(h.t.ctx, PUBLIC_URL), sendSupplierOrders(h.t.ctx, PUBLIC_URL)]);
    await sendSupplierOrders(h.t.ctx, PUBLIC_URL);
    const [made, ...more] = await supplierOrdersOf(order.id);
    expect(more).toHaveLength(0);
    const line = order.lines[0]!;
    expect(made).toMatchObject({
      status: 'sent',
      supplierId: supplier.id,
      amount: { amount: line.lineTotal.amount },
      lines: [{ orderLineId: line.id, quantity: 2 }],
    });

    const mails = await h.t.ctx.db.query<{ to: string; url: string; lines: number }>(
      `select "to", payload->>'statusUrl' as url, jsonb_array_length(payload->'lines')::integer as lines
         from outgoing_messages where template = 'supplier_order' and order_id = $1`,
      [order.id],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: supplier.email, lines: 1 });
    const link = mails[0]!.url;
    // The job sends a batch per run; other mail of the order may come first.
    for (let i = 0; i < 10; i++) await h.t.app.jobs.runOnce('notifications.send');
    const [row] = await h.t.ctx.db.query<{ status: string; lastError: string | null }>(
      `select status, last_error as "lastError" from outgoing_messages where template = 'supplier_order' and order_id = $1`,
      [order.id],
    );
    expect(row).toEqual({ status: 'sent', lastError: null });
    const [sent, ...twice] = smtp.mails.filter((m) => smtp.recipientsOf(m).includes(supplier.email));
    expect(twice).toHaveLength(0);
    expect(sent!.text).toContain(link);
    const attached = sent!.attachments.find((a) => a.contentType === 'application/pdf');
    expect(attached?.filename).toBe(`leveransorder-${order.number}.pdf`);
    const mailedPdf = await pdfText(attached!.content);
    expect(mailedPdf).toContain('Storgatan 7');
    expect(mailedPdf).toContain(order.lines[0]!.sku);
    expect(mailedPdf).not.toContain(order.lines[1]!.sku);
    expect(link.startsWith(`${PUBLIC_URL}/api/dropship/confirm/`)).toBe(true);
    const path = link.slice(PUBLIC_URL.length);

    const page = await send(h.t, {}, 'GET', path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Storgatan 7');
    const pdf = await h.t.app.inject({ url: `${path}/pdf` });
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Storgatan 7');
    expect(text).toContain(line.sku);

    expect(await captures(order.payment.id)).toHaveLength(0);
    const confirmed = await send(h.t, {}, 'POST', path, { trackingNumber: 'NT123456789SE' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      status: 'shipped',
      trackingNumber: 'NT123456789SE',
      captureStatus: 'captured',
    });
    expect(await captures(order.payment.id)).toEqual([
      { amount: line.lineTotal.amount, idempotencyKey: `dropship:${made!.id}` },
    ]);

    const again = await send(h.t, {}, 'POST', path, { trackingNumber: 'OTHER' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ trackingNumber: 'NT123456789SE' });
    expect(await captures(order.payment.id)).toHaveLength(1);
    const told = await h.t.ctx.db.query<{ n: number }>(
      `select count(*)::integer as n from outgoing_messages where order_id = $1 and template = 'order_shipped'`,
      [order.id],
    );
    expect(told[0]!.n).toBeGreaterThan(0);
  });

  it('answers 404 to an unknown link and 400 naming the field to a missing tracking number', async () => {
    expectProblem(
      await send(h.t, {}, 'GET', '/api/dropship/confirm/not-a-real-token'),
      404,
      'not_found',
      'token',
    );
    expectProblem(
      await send(h.t, {}, 'POST', '/api/dropship/confirm/not-a-real-token', { trackingNumber: 'X1' }),
      404,
      'not_found',
      'token',
    );
    const order = await paidDeliveryOrder();
    await sendSupplierOrders(h.t.ctx, PUBLIC_URL);
    const [made] = await supplierOrdersOf(order.id);
    expectProblem(
      await send(h.t, { cookie: h.manager }, 'POST', `/api/dropship/supplier-orders/${made!.id}/confirm`, {}),
      400,
      'validation_failed',
      'trackingNumber',
    );
    expect(await captures(order.payment.id)).toHaveLength(0);
  });
});

describe('returning a drop-shipped line', () => {
  it('counts it delivered once the supplier shipped it, and deducts the return shipping fee from the refund', async () => {
    const order = await paidDeliveryOrder();
    const line = order.lines[0]!;
    const token = order.statusUrl.split('/').at(-1)!;
    const ask = () =>
      send(h.t, {}, 'POST', `/api/orders/status/${token}/returns`, {
        lines: [{ orderLineId: line.id, quantity: 1 }],
        reason: 'Ångrat köp',
      });
    // Not shipped yet: nothing to return.
    expectProblem(await ask(), 409, 'conflict', 'lines[0].quantity');

    await sendSupplierOrders(h.t.ctx, PUBLIC_URL);
    const [made] = await supplierOrdersOf(order.id);
    const confirmed = await send(
      h.t,
      { cookie: h.manager },
      'POST',
      `/api/dropship/supplier-orders/${made!.id}/confirm`,
      {
        trackingNumber: 'NT555',
      },
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);

    const settings = (await send(h.t, { cookie: h.manager }, 'GET', '/api/returns/settings')).json();
    const fee = 4_900;
    const saved = await send(h.t, { cookie: h.manager }, 'PUT', '/api/returns/settings', {
      ...settings,
      returnShippingFee: fee,
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const asked = await ask();
    expect(asked.statusCode, asked.body).toBe(201);
    const received = await send(
      h.t,
      { cookie: h.manager },
      'POST',
      `/api/returns/${asked.json().id}/receive`,
      {
        locationId: h.loc.CENTRAL,
        lines: [{ orderLineId: line.id, restocked: 1, writtenOff: 0 }],
      },
    );
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({
      status: 'completed',
      refund: { amount: line.unitPrice.amount - fee },
      shippingFee: { amount: fee },
      shippingRefund: { amount: 0 },
    });
    const refunds = await h.t.ctx.db.query<{ amount: number }>(
      `select amount::integer from payment_operations where payment_id = $1 and kind = 'refund' and outcome = 'succeeded'`,
      [order.payment.id],
    );
    expect(refunds).toEqual([{ amount: line.unitPrice.amount - fee }]);
  });
});
