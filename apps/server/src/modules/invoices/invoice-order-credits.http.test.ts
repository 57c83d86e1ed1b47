// A web order paid by invoice that shrinks credits its invoice (invoices.order-credits.ts): a
// cancellation, a partial and a full return, each credited once however often the job runs or
// the refund is repeated, never beyond the invoice, and an invoice already paid shows the credit
// as an over-payment to pay back.
import type { CheckoutResult, Order } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { useOrdersHttp } from '../orders/orders.http-harness';
import { capturePayment, refundPayment, voidPayment } from '../payments/payments.service';
import { send } from '../register/register.testing';

const { h, pickupBody, checkout } = useOrdersHttp();

let accountCounter = 0;

/** A signed-in company shopper with room for a few orders on credit. */
async function companyShopper(): Promise<string> {
  accountCounter += 1;
  const email = `kredit${accountCounter}@foretag.example`;
  const signUp = await h.t.app.inject({
    method: 'POST',
    url: '/api/account/sign-up',
    payload: { email, password: 'hemligt-losen-1', name: `Kredit ${accountCounter}` },
  });
  expect(signUp.statusCode, signUp.body).toBe(201);
  await h.t.ctx.db.query(
    `update customers set kind = 'company', credit_limit = 100000000
      where id = (select customer_id from customer_accounts where email = $1)`,
    [email],
  );
  return `handla_customer=${signUp.cookies.find((c) => c.name === 'handla_customer')!.value}`;
}

async function invoiceOrder(): Promise<Order> {
  const cookie = await companyShopper();
  const response = await checkout(await pickupBody({ payment: { method: 'invoice' } }), cookie);
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as CheckoutResult).order;
}

interface InvoiceMoney {
  id: string;
  total: number;
  paid: number;
  credited: number;
  state: string;
}

async function invoiceOf(orderId: string): Promise<InvoiceMoney> {
  const [row] = await h.t.ctx.db.query<InvoiceMoney>(
    `select id, total_incl_vat::integer as total, paid_amount::integer as paid,
            credited_amount::integer as credited, state
       from invoices where source_kind = 'order' and source_id = $1`,
    [orderId],
  );
  return row!;
}

const creditRows = (invoiceId: string) =>
  h.t.ctx.db.query<{ amount: number }>(
    `select amount::integer as amount from invoice_payments where invoice_id = $1 and method = 'credit'
      order by created_at, id`,
    [invoiceId],
  );

const runJob = async () => (await h.t.app.jobs.runOnce('invoices.credit-orders'))['invoices.credit-orders'];

describe('crediting the invoice of a web order that shrinks', () => {
  it('credits all of a cancelled order once, however often the job runs', async () => {
    const order = await invoiceOrder();
    const cancelled = await send(h.t, { cookie: h.manager }, 'POST', `/api/orders/${order.id}/cancel`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await runJob()).toBe(1);
    expect(await runJob()).toBe(0);
    const invoice = await invoiceOf(order.id);
    expect(invoice).toMatchObject({ credited: invoice.total, state: 'credited' });
    expect(await creditRows(invoice.id)).toEqual([{ amount: invoice.total }]);
    const view = await send(h.t, { cookie: h.manager }, 'GET', `/api/invoices/${invoice.id}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().payments).toEqual(
      expect.arrayContaining([expect.objectContaining({ method: 'credit', amount: invoice.total })]),
    );
  });

  it('credits a partial return, then the rest; a repeated refund credits nothing more', async () => {
    const order = await invoiceOrder();
    const paymentId = order.payment!.id;
    const total = order.totals.total.amount;
    await capturePayment(h.t.ctx, { paymentId, amount: total, idempotencyKey: 'handover' });
    const part = order.lines[1]!.unitPrice.amount;
    await refundPayment(h.t.ctx, { paymentId, amount: part, idempotencyKey: 'rma:rma_part' });
    await refundPayment(h.t.ctx, { paymentId, amount: part, idempotencyKey: 'rma:rma_part' });
    expect(await runJob()).toBe(1);
    let invoice = await invoiceOf(order.id);
    expect(invoice).toMatchObject({ credited: part, state: 'partially_paid' });

    await refundPayment(h.t.ctx, { paymentId, amount: total - part, idempotencyKey: 'rma:rma_rest' });
    expect(await runJob()).toBe(1);
    expect(await runJob()).toBe(0);
    invoice = await invoiceOf(order.id);
    expect(invoice).toMatchObject({ credited: total, state: 'credited' });
    expect((await creditRows(invoice.id)).map((r) => r.amount)).toEqual([part, total - part]);
  });

  it('credits the rest of an order shipped in part (capture, then release of the rest)', async () => {
    const order = await invoiceOrder();
    const paymentId = order.payment!.id;
    const total = order.totals.total.amount;
    const shipped = order.lines[0]!.lineTotal.amount;
    await capturePayment(h.t.ctx, { paymentId, amount: shipped, idempotencyKey: 'ship-1' });
    await voidPayment(h.t.ctx, { paymentId, idempotencyKey: 'release-rest' });
    await voidPayment(h.t.ctx, { paymentId, idempotencyKey: 'release-rest' });
    expect(await runJob()).toBe(1);
    const invoice = await invoiceOf(order.id);
    expect(invoice).toMatchObject({ credited: total - shipped, state: 'partially_paid' });
    expect(await creditRows(invoice.id)).toEqual([{ amount: total - shipped }]);
  });

  it('turns a credit on an invoice paid in full into an over-payment to pay back', async () => {
    const order = await invoiceOrder();
    const paymentId = order.payment!.id;
    const total = order.totals.total.amount;
    await capturePayment(h.t.ctx, { paymentId, amount: total, idempotencyKey: 'handover' });
    const before = await invoiceOf(order.id);
    const paid = await send(h.t, { cookie: h.manager }, 'POST', `/api/invoices/${before.id}/payments`, {
      paymentId: `pay_${order.id}`,
      amount: total,
      paidOn: '2026-12-01',
    });
    expect(paid.statusCode, paid.body).toBeLessThan(300);
    const part = order.lines[1]!.unitPrice.amount;
    await refundPayment(h.t.ctx, { paymentId, amount: part, idempotencyKey: 'rma:rma_paid' });
    expect(await runJob()).toBe(1);
    const invoice = await invoiceOf(order.id);
    expect(invoice).toMatchObject({ paid: total, credited: part, state: 'paid' });
    const [event] = await h.t.ctx.db.query<{
      data: { method: string; overpaidAmount: number; balance: number };
    }>(
      `select data from outbox_events where type = 'invoice.payment_recorded' and aggregate_id = $1
        order by id desc limit 1`,
      [invoice.id],
    );
    expect(event!.data).toMatchObject({ method: 'credit', overpaidAmount: part, balance: -part });
  });
});
