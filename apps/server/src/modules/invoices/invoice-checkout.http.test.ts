// Invoice at the web checkout: a signed-in company pays by invoice (order and invoice in one
// transaction), the credit limit refuses with nothing changed, guests and consumers are refused,
// and two checkouts racing for the last headroom end with one order and one invoice.
import type { CheckoutBody, CheckoutResult } from '@handla/api';
import { isValidOcrReference } from '@handla/core';
import { describe, expect, it } from 'vitest';
import { useOrdersHttp } from '../orders/orders.http-harness';
import { capturePayment } from '../payments/payments.service';

const { h, pickupBody, checkout, snapshot } = useOrdersHttp();

let accountCounter = 0;

/** A signed-in shopper; with `creditLimit` the customer is made a company with that limit (öre). */
async function shopper(creditLimit?: number | null): Promise<{ cookie: string; customerId: string }> {
  accountCounter += 1;
  const signUp = await h.t.app.inject({
    method: 'POST',
    url: '/api/account/sign-up',
    payload: {
      email: `inkop${accountCounter}@foretag.example`,
      password: 'hemligt-losen-1',
      name: `Inköp ${accountCounter}`,
    },
  });
  expect(signUp.statusCode, signUp.body).toBe(201);
  const cookie = `handla_customer=${signUp.cookies.find((c) => c.name === 'handla_customer')!.value}`;
  const [account] = await h.t.ctx.db.query<{ customerId: string }>(
    'select customer_id as "customerId" from customer_accounts where email = $1',
    [`inkop${accountCounter}@foretag.example`],
  );
  if (creditLimit !== undefined) {
    await h.t.ctx.db.query(
      `update customers set kind = 'company', name = $2, credit_limit = $3, payment_terms_days = 20
        where id = $1`,
      [account!.customerId, `Företag ${accountCounter} AB`, creditLimit],
    );
  }
  return { cookie, customerId: account!.customerId };
}

const byInvoice = (patch: Partial<CheckoutBody> = {}) =>
  pickupBody({ payment: { method: 'invoice' }, ...patch });

/** What an invoice checkout could change beyond the orders' snapshot: invoices and their series. */
async function invoiceSnapshot() {
  const q = h.t.ctx.db;
  const [invoices] = await q.query<{ n: number }>('select count(*)::integer as n from invoices');
  const [counter] = await q.query<{ last: string | null }>(
    'select max(last_number)::text as last from invoice_counters',
  );
  return { ...(await snapshot()), invoices: invoices!.n, lastInvoiceNumber: counter!.last };
}

const totalOf = async (patch: Partial<CheckoutBody> = {}) =>
  (await byInvoice(patch)).lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);

describe('paying a web order by invoice', () => {
  it('places the order and issues its invoice with an OCR reference, due by the terms', async () => {
    const { cookie, customerId } = await shopper(10_000_000);
    const account = await h.t.app.inject({ url: '/api/account', headers: { cookie } });
    expect(account.json()).toMatchObject({ canPayByInvoice: true });
    const response = await checkout(await byInvoice(), cookie);
    expect(response.statusCode, response.body).toBe(201);
    const { order } = response.json() as CheckoutResult;
    expect(order.status).toBe('placed');
    expect(order.payment).toMatchObject({ method: 'invoice', status: 'authorized' });
    expect(order.payment!.authorized.amount).toBe(order.totals.total.amount);

    const [invoice] = await h.t.ctx.db.query<{
      ocr: string;
      total: number;
      customerId: string;
      issueDate: string;
      dueDate: string;
      lines: { amountInclVat: number }[];
    }>(
      `select ocr, total_incl_vat::integer as total, customer_id as "customerId", issue_date::text as "issueDate",
              due_date::text as "dueDate", lines
         from invoices where source_kind = 'order' and source_id = $1`,
      [order.id],
    );
    expect(invoice).toBeDefined();
    expect(invoice!.customerId).toBe(customerId);
    expect(invoice!.total).toBe(order.totals.total.amount);
    expect(invoice!.lines.reduce((s, l) => s + l.amountInclVat, 0)).toBe(order.totals.total.amount);
    expect(isValidOcrReference(invoice!.ocr, { withLengthDigit: true })).toBe(true);
    expect(invoice!.issueDate).toBe('2026-12-01');
    expect(invoice!.dueDate).toBe('2026-12-21');
    const mails = await h.t.ctx.db.query<{ template: string }>(
      `select template from outgoing_messages where template = 'invoice_issued' and "to" = $1`,
      [`inkop${accountCounter}@foretag.example`],
    );
    expect(mails).toHaveLength(1);

    // Handed over or shipped, the capture is bookkeeping: no provider serves invoices.
    const captured = await capturePayment(h.t.ctx, {
      paymentId: order.payment!.id,
      amount: order.totals.total.amount,
      idempotencyKey: 'handover',
    });
    expect(captured).toMatchObject({ status: 'captured', captured: order.totals.total.amount });

    // A repeat of the same checkout is the same order and still one invoice.
    const body = await byInvoice();
    const first = await checkout(body, cookie);
    const again = await checkout(body, cookie);
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as CheckoutResult).order.id).toBe((first.json() as CheckoutResult).order.id);
    const [count] = await h.t.ctx.db.query<{ n: number }>(
      `select count(*)::integer as n from invoices where source_id = $1`,
      [(first.json() as CheckoutResult).order.id],
    );
    expect(count!.n).toBe(1);
  });

  it('refuses beyond the credit limit with 409 naming creditLimit, and changes nothing', async () => {
    const total = await totalOf();
    const { cookie } = await shopper(total - 1);
    const before = await invoiceSnapshot();
    const response = await checkout(await byInvoice(), cookie);
    expect(response.statusCode, response.body).toBe(409);
    const problem = response.json() as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('credit_limit_exceeded');
    expect(problem.errors.map((e) => e.field)).toContain('creditLimit');
    expect(await invoiceSnapshot()).toEqual(before);
  });

  it('refuses a guest and a consumer with 400 naming payment.method, and changes nothing', async () => {
    const before = await invoiceSnapshot();
    const guest = await checkout(await byInvoice());
    expect(guest.statusCode, guest.body).toBe(400);
    expect((guest.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(
      'payment.method',
    );
    const consumer = await shopper();
    const refused = await checkout(await byInvoice(), consumer.cookie);
    expect(refused.statusCode, refused.body).toBe(400);
    expect((refused.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(
      'payment.method',
    );
    expect(await invoiceSnapshot()).toEqual(before);
  });

  it('lets two checkouts race for the last headroom: one order and one invoice', async () => {
    const total = await totalOf();
    const { cookie, customerId } = await shopper(total + total / 2);
    const before = await invoiceSnapshot();
    const [a, b] = await Promise.all([
      checkout(await byInvoice(), cookie),
      checkout(await byInvoice(), cookie),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses, `${a.body} ${b.body}`).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect((loser.json() as { code: string }).code).toBe('credit_limit_exceeded');
    const after = await invoiceSnapshot();
    expect(after.orders).toBe(before.orders + 1);
    expect(after.invoices).toBe(before.invoices + 1);
    expect(Number(after.lastInvoiceNumber)).toBe(Number(before.lastInvoiceNumber ?? 1000) + 1);
    const [open] = await h.t.ctx.db.query<{ n: number }>(
      'select count(*)::integer as n from invoices where customer_id = $1',
      [customerId],
    );
    expect(open!.n).toBe(1);
  });
});
