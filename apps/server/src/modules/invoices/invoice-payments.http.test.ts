// Payments against invoices: by hand (partial, over-paid, repeated, dated in the future), from a
// Bankgirot BgMax file (matched by OCR, unmatched kept, the same file twice changes nothing, a bad
// file changes nothing), and the reminder job (due, once per interval, the fee added, mailed).
import { writeBgMax } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSie } from '../accounting/sie/read';
import { expectProblem } from '../register/register.testing';
import { type InvoiceHarness, startInvoiceHarness } from './invoices.testing';

let h: InvoiceHarness;
beforeAll(async () => {
  h = await startInvoiceHarness();
});
afterAll(async () => {
  await h?.t.close();
});

let counter = 0;
async function invoice(amount: number) {
  const customerId = await h.company(10_000_000);
  counter += 1;
  const response = await h.call('POST', '/api/invoices', {
    saleId: `pay-test-sale-${counter}`,
    customerId,
    lines: [{ description: 'Arbete', quantity: 1, unitPriceInclVat: amount, vatRateBp: 2500 }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; ocr: string; number: number; issueDate: string };
}
const pay = (id: string, body: Record<string, unknown>) =>
  h.call('POST', `/api/invoices/${id}/payments`, body);
const get = async (id: string) => (await h.call('GET', `/api/invoices/${id}`)).json();
const upload = (text: string) =>
  h.t.app.inject({
    method: 'POST',
    url: '/api/invoices/bank-files',
    headers: { ...h.manager, 'content-type': 'text/plain' },
    payload: Buffer.from(text, 'latin1'),
  });
const today = () => new Date().toISOString().slice(0, 10);

describe('a payment registered by hand', () => {
  it('pays part, then the rest and more: partially paid, then paid and shown over-paid', async () => {
    const inv = await invoice(100_000);
    let after = (
      await pay(inv.id, { paymentId: 'manual-pay-0001', amount: 40_000, paidOn: inv.issueDate })
    ).json();
    expect(after).toMatchObject({ state: 'partially_paid', paidAmount: 40_000, balance: 60_000 });
    // The same form posted twice records one payment.
    after = (
      await pay(inv.id, { paymentId: 'manual-pay-0001', amount: 40_000, paidOn: inv.issueDate })
    ).json();
    expect(after).toMatchObject({
      paidAmount: 40_000,
      payments: [expect.objectContaining({ amount: 40_000 })],
    });
    after = (
      await pay(inv.id, { paymentId: 'manual-pay-0002', amount: 65_000, paidOn: inv.issueDate })
    ).json();
    expect(after).toMatchObject({ state: 'paid', paidAmount: 105_000, balance: -5_000 });
    expect(after.payments).toHaveLength(2);
  });

  it('refuses bad input naming the field, and records nothing', async () => {
    const inv = await invoice(10_000);
    expectProblem(
      await pay(inv.id, { paymentId: 'manual-pay-0003', amount: 0, paidOn: inv.issueDate }),
      400,
      'validation_failed',
      'amount',
    );
    expectProblem(
      await pay(inv.id, { paymentId: 'manual-pay-0004', amount: 100, paidOn: '2999-01-01' }),
      400,
      'validation_failed',
      'paidOn',
    );
    expectProblem(
      await pay(inv.id, { paymentId: 'manual-pay-0005', amount: 100, paidOn: 'igår' }),
      400,
      'validation_failed',
      'paidOn',
    );
    expectProblem(
      await pay('inv_unknown', { paymentId: 'manual-pay-0006', amount: 100, paidOn: inv.issueDate }),
      404,
      'not_found',
    );
    expect(
      (await pay(inv.id, { paymentId: 'manual-pay-0007', amount: 100, paidOn: inv.issueDate })).statusCode,
    ).toBe(200);
    expectProblem(
      await pay(inv.id, { paymentId: 'manual-pay-0007', amount: 200, paidOn: inv.issueDate }),
      409,
      'duplicate',
      'paymentId',
    );
    expect(await get(inv.id)).toMatchObject({ paidAmount: 100, state: 'partially_paid' });
  });
});

describe('a BgMax file', () => {
  it('matches by OCR, keeps the unmatched, and changes nothing when imported again', async () => {
    const full = await invoice(125_000);
    const part = await invoice(80_000);
    const text = writeBgMax({
      timestamp: `${today().replaceAll('-', '')}060000000001`,
      receiverBankgiro: '991-2346',
      payments: [
        {
          senderBankgiro: '555-5551',
          reference: full.ocr,
          amount: 125_000,
          paymentDate: today(),
          payerName: 'Kund AB',
        },
        { senderBankgiro: '555-5552', reference: part.ocr, amount: 30_000, paymentDate: today() },
        {
          senderBankgiro: '555-5553',
          reference: '1234567897',
          amount: 9_900,
          paymentDate: today(),
          information: 'Okänd',
        },
      ],
    });
    const first = await upload(text);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      isRepeat: false,
      payments: 3,
      matched: 2,
      unmatched: 1,
      totalAmount: 164_900,
    });
    expect(first.json().rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'paid',
      'partially_paid',
      'unmatched',
    ]);
    expect(await get(full.id)).toMatchObject({
      state: 'paid',
      balance: 0,
      payments: [expect.objectContaining({ method: 'bankgiro', payer: 'Kund AB' })],
    });
    expect(await get(part.id)).toMatchObject({ state: 'partially_paid', balance: 50_000 });
    const unmatched = (await h.call('GET', '/api/invoices/unmatched-payments')).json().items;
    expect(unmatched).toEqual([
      expect.objectContaining({ reference: '1234567897', amount: 9_900, invoiceId: null, note: 'Okänd' }),
    ]);

    const payments = await h.t.ctx.db.query('select * from invoice_payments order by id');
    const again = await upload(text);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ isRepeat: true, matched: 0, unmatched: 0 });
    expect(again.json().rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'already_recorded',
      'already_recorded',
      'already_recorded',
    ]);
    // A later delivery repeating a payment (new timestamp, same Bankgirot serial) records it once too.
    const redelivered = await upload(
      text.replace(
        /^01BGMAX {15}01\d{20}/,
        `01BGMAX               01${today().replaceAll('-', '')}070000000002`,
      ),
    );
    expect(redelivered.json()).toMatchObject({ isRepeat: false, matched: 0 });
    expect(await h.t.ctx.db.query('select * from invoice_payments order by id')).toEqual(payments);
    expect(await get(part.id)).toMatchObject({ paidAmount: 30_000 });
  });

  it('refuses a bad file naming the line, and a file for another bankgiro, changing nothing', async () => {
    const inv = await invoice(10_000);
    const text = writeBgMax({
      timestamp: '20261203060000000009',
      receiverBankgiro: '991-2346',
      payments: [{ senderBankgiro: '555-5551', reference: inv.ocr, amount: 10_000, paymentDate: today() }],
    });
    const before = await h.t.ctx.db.query('select count(*) from invoice_payments');
    const broken = text.replace('00000000000001000021', '00000000000001000121');
    const refused = await upload(broken);
    expectProblem(refused, 400, 'validation_failed', 'line 4');
    expectProblem(await upload(text.replace('0009912346', '0001112223')), 400, 'validation_failed', 'line 2');
    expectProblem(await upload(''), 400, 'validation_failed', 'body');
    expect(await h.t.ctx.db.query('select count(*) from invoice_payments')).toEqual(before);
    expect(await get(inv.id)).toMatchObject({ state: 'open', paidAmount: 0 });
  });
});

describe('reminders', () => {
  it('reminds an overdue invoice once per interval, adds the fee and mails it', async () => {
    const inv = await invoice(50_000);
    const notDue = await invoice(50_000);
    await h.t.ctx.db.query(`update invoices set due_date = current_date - 8 where id = $1`, [inv.id]);
    await h.t.ctx.db.query(`update invoices set due_date = current_date - 3 where id = $1`, [notDue.id]);
    const sent = await h.t.app.jobs.runOnce('invoices.remind');
    expect(sent['invoices.remind']).toBe(1);
    expect(await get(inv.id)).toMatchObject({
      reminderCount: 1,
      feesAmount: 6_000,
      balance: 56_000,
      isOverdue: true,
    });
    expect(await get(notDue.id)).toMatchObject({ reminderCount: 0, feesAmount: 0 });
    const messages = await h.t.ctx.db.query<{ template: string; payload: { document: { balance: number } } }>(
      `select template, payload from outgoing_messages where dedupe_key like $1`,
      [`invoice_reminder:${inv.id}:%`],
    );
    expect(messages).toEqual([expect.objectContaining({ template: 'invoice_reminder' })]);
    expect(messages[0]!.payload.document.balance).toBe(56_000);
    // Within the interval: nothing more.
    expect((await h.t.app.jobs.runOnce('invoices.remind'))['invoices.remind']).toBe(0);
    const overdue = (await h.call('GET', '/api/invoices?status=overdue')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(inv.id);
    expect(overdue.sums.overdueBalance).toBeGreaterThanOrEqual(56_000);
    // Paid in full (fee included) → no longer overdue or reminded.
    await pay(inv.id, { paymentId: 'remind-pay-0001', amount: 56_000, paidOn: inv.issueDate });
    await h.t.ctx.db.query(`update invoices set last_reminded_on = current_date - 30 where id = $1`, [
      inv.id,
    ]);
    expect((await h.t.app.jobs.runOnce('invoices.remind'))['invoices.remind']).toBe(0);
  });
});

describe('the books', () => {
  it('books the day’s sales on account and money in as a balanced voucher in series F', async () => {
    const inv = await invoice(20_000);
    await pay(inv.id, { paymentId: 'books-pay-0001', amount: 20_000, paidOn: inv.issueDate });
    const day = inv.issueDate;
    const [sums] = await h.t.ctx.db.query<{ paid: string; invoiced: string }>(
      `select (select sum(amount) from invoice_payments where method in ('manual', 'bankgiro') and paid_on = $1) as paid,
              (select sum(total_incl_vat) from invoices where source_kind = 'manual' and issue_date = $1) as invoiced`,
      [day],
    );
    const response = await h.call('GET', `/api/accounting/sie?date=${day}`);
    expect(response.statusCode, response.body).toBe(200);
    const doc = readSie(response.rawPayload);
    const f = doc.vouchers.find((v) => v.series === 'F');
    expect(f).toBeDefined();
    const on = (account: string, text: string) =>
      f!.transactions
        .filter((t) => t.account === account && t.text === text)
        .reduce((s, t) => s + t.amount, 0);
    expect(on('1930', 'Inbetalt på faktura')).toBe(Number(sums!.paid));
    expect(on('1510', 'Inbetalt på faktura')).toBe(-Number(sums!.paid));
    expect(on('1510', 'Fakturerat')).toBe(Number(sums!.invoiced));
    expect(f!.transactions.reduce((s, t) => s + t.amount, 0)).toBe(0);
  });
});
