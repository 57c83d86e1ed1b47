// What the ERP reports back: `invoice.paid` registers a payment on our invoice once per messageId,
// signed with the connection's secret; an unknown invoice or a bad body changes nothing and names
// the field; API keys with `erp:read` read the references.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../connectors/http-sender';
import { type InvoiceHarness, startInvoiceHarness } from '../invoices/invoices.testing';

let h: InvoiceHarness;
let secret: string;
beforeAll(async () => {
  h = await startInvoiceHarness();
  const saved = await h.call('PUT', '/api/erp/connection', { baseUrl: 'http://127.0.0.1:9/erp' });
  expect(saved.statusCode, saved.body).toBe(200);
  secret = saved.json().secret;
});
afterAll(async () => {
  await h?.t.close();
});

const report = (body: Record<string, unknown>, key = secret) => {
  const raw = JSON.stringify(body);
  return h.t.app.inject({
    method: 'POST',
    url: '/api/erp/inbound',
    headers: {
      'content-type': 'application/json',
      ...signedHeaders(key, String(body.messageId), new Date(), raw),
    },
    payload: raw,
  });
};

async function anInvoice(amount: number) {
  const customerId = await h.company(10_000_000);
  const response = await h.call('POST', '/api/invoices', {
    saleId: `erp-paid-${Math.random().toString(36).slice(2, 10)}`,
    customerId,
    lines: [{ description: 'Arbete', quantity: 1, unitPriceInclVat: amount, vatRateBp: 2500 }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; number: number; issueDate: string };
}

const invoiceNow = async (id: string) => (await h.call('GET', `/api/invoices/${id}`)).json();

describe('POST /api/erp/inbound invoice.paid', () => {
  it('registers the payment once per messageId, whatever number of times it comes', async () => {
    const inv = await anInvoice(50_000);
    const paid = {
      messageId: 'fnx-pay-1',
      type: 'invoice.paid',
      invoiceNumber: inv.number,
      amount: 50_000,
      paidOn: inv.issueDate,
    };
    // The ERP's retries may overlap: three copies at once record one payment.
    const copies = await Promise.all([report(paid), report(paid), report(paid)]);
    expect(copies.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(copies[0]!.json()).toEqual({ messageId: 'fnx-pay-1', invoiceId: inv.id, outcome: 'recorded' });
    expect((await report(paid)).statusCode).toBe(200);
    const after = await invoiceNow(inv.id);
    expect(after).toMatchObject({ state: 'paid', paidAmount: 50_000 });
    expect(after.payments).toHaveLength(1);
    // The same message id for another amount is a conflict naming it; nothing more is recorded.
    const other = await report({ ...paid, amount: 1_000 });
    expect(other.statusCode).toBe(409);
    expect(other.json().errors[0].field).toBe('messageId');
    expect((await invoiceNow(inv.id)).paidAmount).toBe(50_000);
  });

  it('refuses an unknown invoice, a bad body or a future date naming the field, and a wrong signature with 401', async () => {
    const inv = await anInvoice(20_000);
    const base = {
      messageId: 'fnx-pay-2',
      type: 'invoice.paid',
      invoiceNumber: inv.number,
      amount: 20_000,
      paidOn: inv.issueDate,
    };
    const unknown = await report({ ...base, invoiceNumber: 999_999_999 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('invoiceNumber');
    const bad = await report({ ...base, amount: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('amount');
    const future = await report({ ...base, paidOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('paidOn');
    const forged = await report(base, `whsec_${Buffer.alloc(32, 3).toString('base64')}`);
    expect(forged.statusCode).toBe(401);
    expect(await invoiceNow(inv.id)).toMatchObject({ paidAmount: 0 });
    // The id was not used up by the refusals: the right message still records.
    expect((await report(base)).statusCode).toBe(200);
    expect((await invoiceNow(inv.id)).paidAmount).toBe(20_000);
  });
});
