// Invoices issued by register sales paid by invoice and by sales on account, the credit limit
// (refused, raced, flagged), the PDF, and the invoice mail with its PDF over real SMTP.
import { isValidOcrReference } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../fulfilment/fulfilment.testing';
import { startTestSmtp, type TestSmtp } from '../notifications/notifications.fixture';
import { expectProblem } from '../register/register.testing';
import { type InvoiceHarness, startInvoiceHarness } from './invoices.testing';

let h: InvoiceHarness;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  h = await startInvoiceHarness({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await h?.t.close();
  await smtp?.close();
});

const count = async (sql: string, params: unknown[] = []) =>
  Number((await h.t.ctx.db.query<{ n: string }>(sql, params))[0]!.n);
const invoiceOf = async (receiptId: string) => {
  const list = (await h.call('GET', '/api/invoices?status=all&limit=500')).json();
  const summary = list.items.find((i: { sourceId: string }) => i.sourceId === receiptId);
  return summary ? (await h.call('GET', `/api/invoices/${summary.id}`)).json() : undefined;
};
let saleCounter = 0;
const manualSale = (customerId: string, unitPriceInclVat: number, saleId = `sale-${++saleCounter}-manual`) =>
  h.call('POST', '/api/invoices', {
    saleId,
    customerId,
    lines: [{ description: 'Konsulttimme', quantity: 1, unitPriceInclVat, vatRateBp: 2500 }],
  });

describe('a register sale paid by invoice', () => {
  it('issues one invoice: gapless number, OCR with check digit, due date from the terms, VAT per rate', async () => {
    const customerId = await h.company(1_000_000, 20);
    const item = h.item(10_000);
    const receiptId = await h.sell(customerId, [item, { ...item, quantity: 2 }]);
    const invoice = await invoiceOf(receiptId);
    expect(invoice).toMatchObject({
      state: 'open',
      customerId,
      sourceKind: 'receipt',
      totalInclVat: item.unitPriceInclVat * 3,
      balance: item.unitPriceInclVat * 3,
      isOverCreditLimit: false,
      buyer: { address: { street: 'Box 1', city: 'Stockholm' } },
    });
    expect(isValidOcrReference(invoice.ocr, { withLengthDigit: true })).toBe(true);
    expect(invoice.ocr.startsWith(String(invoice.number))).toBe(true);
    const due = new Date(`${invoice.issueDate}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 20);
    expect(invoice.dueDate).toBe(due.toISOString().slice(0, 10));
    expect(invoice.vat).toEqual([
      expect.objectContaining({ vatRateBp: 2500, grossAmount: item.unitPriceInclVat * 3 }),
    ]);
    expect(invoice.vat[0].vatAmount).toBe(Math.round((item.unitPriceInclVat * 3 * 2500) / 12500));

    const next = await invoiceOf(await h.sell(customerId, [item]));
    expect(next.number).toBe(invoice.number + 1);
    expect(
      await count(
        `select count(*) as n from outbox_events where type = 'invoice.issued' and aggregate_id = $1`,
        [invoice.id],
      ),
    ).toBe(1);
  });

  it('is issued once when the register sends the same sale again', async () => {
    const customerId = await h.company(1_000_000);
    const item = h.item();
    const cmd = await h.sim.receipt({
      cashierId: h.cashierId,
      customerId,
      lines: [item],
      payments: [{ method: 'invoice', amount: item.unitPriceInclVat, reference: customerId }],
    });
    expect((await h.commands([cmd])).statusCode).toBe(200);
    const again = await h.commands([cmd]);
    expect(again.statusCode, again.body).toBe(200);
    expect(await count('select count(*) as n from invoices where customer_id = $1', [customerId])).toBe(1);
  });

  it('invoices only the part paid by invoice, VAT split in proportion', async () => {
    const customerId = await h.company(1_000_000);
    const item = h.item(10_000);
    const receiptId = await h.sell(customerId, [item], (total) => [
      { method: 'card_standalone', amount: 5_000 },
      { method: 'invoice', amount: total - 5_000, reference: customerId },
    ]);
    const invoice = await invoiceOf(receiptId);
    expect(invoice.totalInclVat).toBe(item.unitPriceInclVat - 5_000);
    expect(invoice.vat[0].grossAmount).toBe(item.unitPriceInclVat - 5_000);
  });

  it('refuses an invoice payment without a customer, naming the payment, and applies nothing', async () => {
    const item = h.item();
    const fork = await h.fork();
    const cmd = await fork.receipt({
      cashierId: h.cashierId,
      lines: [item],
      payments: [{ method: 'invoice', amount: item.unitPriceInclVat, reference: 'x' }],
    });
    const before = await count('select count(*) as n from receipts');
    expectProblem(await h.commands([cmd]), 400, 'validation_failed', 'commands.0.draft.payments[0].method');
    expect(await count('select count(*) as n from receipts')).toBe(before);
  });

  it('is a fact beyond the credit limit: issued and flagged for the manager', async () => {
    const customerId = await h.company(1_000);
    const receiptId = await h.sell(customerId, [h.item(2_000)]);
    const invoice = await invoiceOf(receiptId);
    expect(invoice.isOverCreditLimit).toBe(true);
    expect(
      await count(
        `select count(*) as n from outbox_events where type = 'invoice.credit_limit_exceeded' and aggregate_id = $1`,
        [invoice.id],
      ),
    ).toBe(1);
  });

  it('is credited by a return refunded to the invoice', async () => {
    const customerId = await h.company(1_000_000);
    const item = h.item(5_000);
    const receiptId = await h.sell(customerId, [{ ...item, quantity: 2 }]);
    await h.returnOne(receiptId, item, customerId);
    let invoice = await invoiceOf(receiptId);
    expect(invoice).toMatchObject({
      state: 'partially_paid',
      creditedAmount: item.unitPriceInclVat,
      balance: item.unitPriceInclVat,
    });
    expect(invoice.payments).toEqual([
      expect.objectContaining({ method: 'credit', amount: item.unitPriceInclVat }),
    ]);
    await h.returnOne(receiptId, item, customerId);
    invoice = await invoiceOf(receiptId);
    expect(invoice).toMatchObject({ state: 'credited', balance: 0 });
  });
});

describe('the register’s credit pre-check', () => {
  it('answers the headroom within the limit and 409 credit_limit_exceeded naming creditLimit beyond it', async () => {
    const customerId = await h.company(100_000);
    await h.sell(customerId, [{ ...h.item(), unitPriceInclVat: 30_000 }]);
    const url = `/api/registers/${h.device.registerId}/invoice-credit-checks`;
    const ok = await h.t.app.inject({
      method: 'POST',
      url,
      headers: h.device.headers,
      payload: { customerId, amount: 70_000 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      isAllowed: true,
      creditLimit: 100_000,
      openBalance: 30_000,
      headroom: 70_000,
    });
    const over = await h.t.app.inject({
      method: 'POST',
      url,
      headers: h.device.headers,
      payload: { customerId, amount: 70_001 },
    });
    expectProblem(over, 409, 'credit_limit_exceeded', 'creditLimit');
    expect(over.json()).toMatchObject({ creditLimit: 100_000, openBalance: 30_000, headroom: 70_000 });
    const anonymous = await h.t.app.inject({ method: 'POST', url, payload: { customerId, amount: 1 } });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('a sale on account', () => {
  it('refuses beyond the credit limit with 409 naming creditLimit, and changes nothing', async () => {
    const customerId = await h.company(50_000);
    expect((await manualSale(customerId, 40_000)).statusCode).toBe(201);
    const invoices = await count('select count(*) as n from invoices');
    const [counter] = await h.t.ctx.db.query<{ n: string }>('select last_number as n from invoice_counters');
    const events = await count('select count(*) as n from outbox_events');
    expectProblem(await manualSale(customerId, 10_001), 409, 'credit_limit_exceeded', 'creditLimit');
    expect(await count('select count(*) as n from invoices')).toBe(invoices);
    expect(
      (await h.t.ctx.db.query<{ n: string }>('select last_number as n from invoice_counters'))[0],
    ).toEqual(counter);
    expect(await count('select count(*) as n from outbox_events')).toBe(events);
    // Exactly up to the limit is allowed; no limit at all is no credit.
    expect((await manualSale(customerId, 10_000)).statusCode).toBe(201);
    expectProblem(await manualSale(await h.company(null), 100), 409, 'credit_limit_exceeded', 'creditLimit');
  });

  it('lets one of two sales racing for the last headroom win', async () => {
    const customerId = await h.company(100_000);
    expect((await manualSale(customerId, 60_000)).statusCode).toBe(201);
    const results = await Promise.all([manualSale(customerId, 30_000), manualSale(customerId, 30_000)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await count('select count(*) as n from invoices where customer_id = $1', [customerId])).toBe(2);
    const numbers = await h.t.ctx.db.query<{ number: number }>(
      'select number::int as number from invoices order by number',
    );
    expect(numbers.map((r) => r.number)).toEqual(numbers.map((_, i) => numbers[0]!.number + i));
  });

  it('is idempotent on saleId, also for two racing repeats', async () => {
    const customerId = await h.company(1_000_000);
    const [a, b] = await Promise.all([
      manualSale(customerId, 12_500, 'sale-twice-001'),
      manualSale(customerId, 12_500, 'sale-twice-001'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await count('select count(*) as n from invoices where customer_id = $1', [customerId])).toBe(1);
  });

  it('names bad fields: an unknown customer, a consumer (unless allowed), a bad VAT rate', async () => {
    expectProblem(await manualSale('cus_nobody', 100), 400, 'validation_failed', 'customerId');
    const consumer = await h.call('POST', '/api/customers', {
      name: 'Konsument Karlsson',
      kind: 'consumer',
      creditLimit: 100_000,
    });
    expect(consumer.statusCode, consumer.body).toBe(201);
    expectProblem(await manualSale(consumer.json().id, 100), 400, 'validation_failed', 'customerId');
    const settings = (await h.call('GET', '/api/invoices/settings')).json();
    expect(
      (await h.call('PUT', '/api/invoices/settings', { ...settings, allowConsumers: true })).statusCode,
    ).toBe(200);
    expect((await manualSale(consumer.json().id, 100)).statusCode).toBe(201);
    expect((await h.call('PUT', '/api/invoices/settings', settings)).json()).toEqual(settings);
    expectProblem(
      await h.call('PUT', '/api/invoices/settings', { ...settings, bankgiro: '12345' }),
      400,
      'validation_failed',
      'bankgiro',
    );
    const bad = await h.call('POST', '/api/invoices', {
      saleId: 'sale-bad-vat',
      customerId: await h.company(1_000),
      lines: [{ description: 'x', quantity: 1, unitPriceInclVat: 100, vatRateBp: 2000 }],
    });
    expectProblem(bad, 400, 'validation_failed', 'lines.0.vatRateBp');
  });
});

describe('the invoice PDF and mail', () => {
  it('prints seller, bank details, buyer, OCR, dates, VAT and the amount to pay', async () => {
    const customerId = await h.company(1_000_000);
    const created = (await manualSale(customerId, 123_450)).json();
    const response = await h.call('GET', created.pdfUrl);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(response.rawPayload);
    for (const expected of [
      'Demo Butik AB',
      'Bankgiro',
      '991-2346',
      'SE45 5000 0000 0583 9825 7466',
      'ESSESESS',
      created.ocr,
      String(created.number),
      created.dueDate,
      created.buyer.name,
      '1 234,50 kr',
      'Moms 25 % (på 1 234,50 kr)',
      '246,90 kr',
      'Att betala',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('mails the invoice with its PDF to the buyer', async () => {
    const customerId = await h.company(1_000_000);
    const created = (await manualSale(customerId, 9_900)).json();
    await h.t.app.jobs.runOnce('notifications.send');
    const mail = smtp.mails.find((m) => smtp.recipientsOf(m).includes(created.buyer.email));
    expect(mail?.subject).toBe(`Faktura ${created.number} från Demo Butik AB`);
    expect(mail?.text).toContain(created.ocr);
    const pdf = mail?.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toBe(`faktura-${created.number}.pdf`);
    expect(await pdfText(pdf!.content)).toContain(created.ocr);
  });

  it('is 404 for an unknown invoice and needs a manager', async () => {
    expectProblem(await h.call('GET', '/api/invoices/inv_nope/pdf'), 404, 'not_found');
    const anonymous = await h.t.app.inject({ method: 'GET', url: '/api/invoices' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the API reference', () => {
  it('documents the invoice routes', async () => {
    const doc = (await h.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/invoices',
      '/api/invoices/{id}/pdf',
      '/api/invoices/bank-files',
      '/api/registers/{id}/invoice-credit-checks',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
