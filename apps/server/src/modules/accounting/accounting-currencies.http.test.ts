// A demo-like day in the books: a Finnish delivery from the OSS-registered euro shop, a Swedish
// register sale in cash and an invoice reminded and over-paid. The SIE file reads back through our
// reader, every voucher balances, the euro sale is booked in kronor on the OSS accounts at the
// day's rate, and a day in euros without a rate is refused naming exchangeRate.
import { DEMO_FI_SHOP } from '@handla/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InvoiceHarness, startInvoiceHarness } from '../invoices/invoices.testing';
import { CARD } from '../orders/orders.http-harness';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import { expectProblem } from '../register/register.testing';
import { readSie, type SieVoucher } from './sie/read';

let h: InvoiceHarness;
let today: string;
let euroTotal: number;
let invoiceId: string;
let finnishOrderId: string;
const RATE = '11.2345';

const sumOf = (v: SieVoucher, account: string, text?: string) =>
  v.transactions
    .filter((t) => t.account === account && (text === undefined || t.text === text))
    .reduce((s, t) => s + t.amount, 0);
const putRate = (currency: string, date: string, payload: unknown) =>
  h.t.app.inject({
    method: 'PUT',
    url: `/api/accounting/exchange-rates/${currency}/${date}`,
    headers: h.manager,
    payload: payload as object,
  });

beforeAll(async () => {
  h = await startInvoiceHarness();
  const q = h.t.ctx.db;
  today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(h.t.ctx.clock());
  // Our own rate for the day, whatever the demo seeded.
  expect((await putRate('EUR', today, { rateToSek: RATE, source: 'Test' })).statusCode).toBe(200);

  // A Swedish register sale in cash.
  const item = h.item(1_000);
  await h.sell(undefined, [item], (total) => [{ method: 'cash', amount: total, tendered: total }]);

  // A Finnish home delivery from fi.localhost, paid by card and captured in full.
  const [list] = await q.query<{ id: string }>('select id from price_lists where code = $1', [
    DEMO_FI_SHOP.priceListCode,
  ]);
  const stocked = await q.query<{ id: string }>(
    `select s.id from skus s join products p on p.id = s.product_id join stock_levels l on l.sku_id = s.id
       join locations loc on loc.id = l.location_id
      where s.status = 'active' and p.status = 'active' and not p.is_bundle and loc.code = 'CENTRAL'
        and l.on_hand - l.reserved >= 10 order by s.sku limit 2`,
  );
  const prices = await resolvePrices(h.t.ctx, {
    skuIds: stocked.map((s) => s.id),
    at: h.t.ctx.clock(),
    basePriceListId: list!.id,
  });
  const placed = await h.t.app.inject({
    method: 'POST',
    url: '/api/checkout',
    headers: { host: 'fi.localhost' },
    payload: {
      checkoutId: 'chk_sie_fi_0001',
      locale: 'en',
      customer: { name: 'Aino Virtanen', email: 'aino@example.fi', phone: '+358 40 123 4567' },
      lines: prices.map((p) => ({ skuId: p.skuId, quantity: 1, unitPrice: p.unitPriceInclVat.amount })),
      fulfilment: {
        kind: 'delivery',
        shippingMethodId: DEMO_FI_SHOP.shippingMethodId,
        address: {
          name: 'Aino Virtanen',
          street: 'Mannerheimintie 1',
          postalCode: '00100',
          city: 'Helsinki',
          country: 'FI',
        },
      },
      payment: { method: 'card', cardToken: CARD.approve },
    },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const order = placed.json().order;
  expect(order.totals.total.currency).toBe('EUR');
  euroTotal = order.totals.total.amount;
  finnishOrderId = order.id;
  const captured = await h.t.app.inject({
    method: 'POST',
    url: `/api/payments/${order.payment.id}/captures`,
    payload: { amount: euroTotal },
    headers: { ...h.manager, 'idempotency-key': 'sie-fi-capture-1' },
  });
  expect(captured.statusCode, captured.body).toBe(200);

  // An invoice reminded today (fee 60 kr) and then paid 100 kr too much.
  const customerId = await h.company(10_000_000);
  const inv = await h.call('POST', '/api/invoices', {
    saleId: 'sie-currency-sale-1',
    customerId,
    lines: [{ description: 'Arbete', quantity: 1, unitPriceInclVat: 50_000, vatRateBp: 2500 }],
  });
  expect(inv.statusCode, inv.body).toBe(201);
  invoiceId = inv.json().id as string;
  await q.query('update invoices set due_date = current_date - 8 where id = $1', [invoiceId]);
  expect((await h.t.app.jobs.runOnce('invoices.remind'))['invoices.remind']).toBeGreaterThanOrEqual(1);
  const paid = await h.call('POST', `/api/invoices/${invoiceId}/payments`, {
    paymentId: 'sie-currency-pay-1',
    amount: 66_000,
    paidOn: today,
  });
  expect(paid.statusCode, paid.body).toBe(200);
});
afterAll(async () => {
  await h?.t.close();
});

describe('a day with euros, OSS, the register and an invoice reminder', () => {
  it('exports a file our reader accepts, #KSUMMA and all, every voucher balanced', async () => {
    const response = await h.call('GET', `/api/accounting/sie?date=${today}`);
    expect(response.statusCode, response.body).toBe(200);
    const doc = readSie(response.rawPayload);
    expect(doc.checksum).toBeTypeOf('number');
    expect(response.rawPayload.toString('latin1')).toMatch(/^#KSUMMA \d+\r$/m);
    expect(new Set(doc.vouchers.map((v) => v.series))).toEqual(new Set(['K', 'W', 'F']));
    for (const v of doc.vouchers) expect(v.transactions.reduce((s, t) => s + t.amount, 0)).toBe(0);
  });

  it('books the Finnish sale in kronor at the day’s rate on the OSS accounts, VAT per country and rate', async () => {
    const doc = readSie((await h.call('GET', `/api/accounting/sie?date=${today}`)).rawPayload);
    const w = doc.vouchers.find((v) => v.series === 'W' && v.text.includes('EUR'))!;
    expect(w.text).toContain('EUR kurs 11,2345');
    // The card receivable is the euros converted: whole öre, half away from zero.
    const sek = Math.round((euroTotal * 112_345) / 10_000);
    expect(sumOf(w, '1580')).toBe(sek);
    const vatRows = w.transactions.filter((t) => t.account === '2619');
    expect(vatRows.map((t) => t.text)).toContain('Utgående moms OSS FI 25,5 %');
    expect(w.transactions.some((t) => t.account === '2611' || t.account === '3001')).toBe(false);
    expect(sumOf(w, '3106')).toBeLessThan(0);
    // Whatever the rounding of the rows left over is at most a few öre, on the rounding account.
    expect(Math.abs(sumOf(w, '3740', 'Avrundning valutaomräkning'))).toBeLessThanOrEqual(3);
  });

  it('keeps booking the order as OSS after the shop leaves OSS: the books follow the VAT charged', async () => {
    const left = await h.t.ctx.db.query<{ id: string }>(
      'update shops set is_oss_registered = false where is_oss_registered returning id',
    );
    expect(left.length).toBeGreaterThan(0);
    try {
      const doc = readSie((await h.call('GET', `/api/accounting/sie?date=${today}`)).rawPayload);
      const w = doc.vouchers.find((v) => v.series === 'W' && v.text.includes('EUR'))!;
      expect(w.transactions.filter((t) => t.account === '2619').map((t) => t.text)).toContain(
        'Utgående moms OSS FI 25,5 %',
      );
    } finally {
      await h.t.ctx.db.query('update shops set is_oss_registered = true where id = any($1)', [
        left.map((r) => r.id),
      ]);
    }
  });

  it('books the reminder fee as income and the over-payment as a debt to the customer', async () => {
    const doc = readSie((await h.call('GET', `/api/accounting/sie?date=${today}`)).rawPayload);
    const f = doc.vouchers.find((v) => v.series === 'F')!;
    expect(sumOf(f, '3930', 'Påminnelseavgift')).toBe(-6_000);
    expect(sumOf(f, '1510', 'Påminnelseavgift')).toBe(6_000);
    // 500 kr + 60 kr fee due, 660 kr paid: 100 kr owed back.
    expect(sumOf(f, '2420')).toBe(-10_000);
  });

  it('refuses a day in euros without a rate, naming exchangeRate, and logs nothing', async () => {
    const q = h.t.ctx.db;
    const saved = await q.query<{ rate_date: string; rate_to_sek: string }>(
      `select to_char(rate_date, 'YYYY-MM-DD') as rate_date, rate_to_sek::text from exchange_rates
        where currency = 'EUR' and rate_date between $1::date - 7 and $1::date`,
      [today],
    );
    const [before] = await q.query<{ n: number }>('select count(*)::integer as n from accounting_exports');
    await q.query(`delete from exchange_rates where currency = 'EUR'`);
    try {
      const response = await h.call('GET', `/api/accounting/sie?date=${today}`);
      expectProblem(response, 409, 'invalid_state', 'exchangeRate');
      expect(response.json().errors[0].message).toContain(`EUR rate to SEK for ${today}`);
      const [after] = await q.query<{ n: number }>('select count(*)::integer as n from accounting_exports');
      expect(after!.n).toBe(before!.n);
    } finally {
      for (const r of saved) {
        expect((await putRate('EUR', r.rate_date, { rateToSek: r.rate_to_sek })).statusCode).toBe(200);
      }
    }
  });
});

describe('PUT /api/accounting/exchange-rates/:currency/:date', () => {
  it('stores a rate, replaces it on a second PUT and lists it', async () => {
    const first = await putRate('USD', '2026-11-02', { rateToSek: 10.5, source: 'Riksbanken' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ currency: 'USD', date: '2026-11-02', rateToSek: '10.5' });
    await putRate('USD', '2026-11-02', { rateToSek: '10.612345' });
    const list = (await h.call('GET', '/api/accounting/exchange-rates?currency=USD')).json();
    expect(list.items).toEqual([expect.objectContaining({ date: '2026-11-02', rateToSek: '10.612345' })]);
  });

  it.each([
    ['SEK', '2026-11-02', { rateToSek: '1' }, 'currency'],
    ['eur', '2026-11-02', { rateToSek: '11' }, 'currency'],
    ['EUR', '2026-02-30', { rateToSek: '11' }, 'date'],
    ['EUR', '2999-01-01', { rateToSek: '11' }, 'date'],
    ['EUR', '2026-11-02', { rateToSek: '0' }, 'rateToSek'],
    ['EUR', '2026-11-02', { rateToSek: '11,2' }, 'rateToSek'],
    ['EUR', '2026-11-02', { rateToSek: '1.1234567' }, 'rateToSek'],
  ])('refuses %s %s %j naming %s, changing nothing', async (currency, date, body, field) => {
    const q = h.t.ctx.db;
    const [before] = await q.query<{ n: number }>('select count(*)::integer as n from exchange_rates');
    expectProblem(await putRate(currency, date, body), 400, 'validation_failed', field);
    const [after] = await q.query<{ n: number }>('select count(*)::integer as n from exchange_rates');
    expect(after!.n).toBe(before!.n);
  });
});

describe('POST /api/invoices/:id/refunds', () => {
  const refund = (payload: unknown) => h.call('POST', `/api/invoices/${invoiceId}/refunds`, payload);

  it('refuses more than was over-paid, a future date and a reused id, changing nothing', async () => {
    const q = h.t.ctx.db;
    const count = async () =>
      (await q.query<{ n: number }>('select count(*)::integer as n from invoice_refunds'))[0]!.n;
    const before = await count();
    expectProblem(
      await refund({ refundId: 'sie-refund-0001', amount: 10_001, refundedOn: today }),
      409,
      'invalid_state',
      'amount',
    );
    expectProblem(
      await refund({ refundId: 'sie-refund-0001', amount: 5_000, refundedOn: '2999-01-01' }),
      400,
      'validation_failed',
      'refundedOn',
    );
    expectProblem(
      await refund({ refundId: 'short', amount: 5_000, refundedOn: today }),
      400,
      'validation_failed',
      'refundId',
    );
    expect(await count()).toBe(before);
  });

  it('lets two refunds racing for one over-payment pay it back once', async () => {
    const customerId = await h.company(10_000_000);
    const inv = await h.call('POST', '/api/invoices', {
      saleId: 'sie-currency-sale-race',
      customerId,
      lines: [{ description: 'Arbete', quantity: 1, unitPriceInclVat: 10_000, vatRateBp: 2500 }],
    });
    const id = inv.json().id as string;
    await h.call('POST', `/api/invoices/${id}/payments`, {
      paymentId: 'sie-currency-pay-race',
      amount: 15_000,
      paidOn: today,
    });
    const race = await Promise.all(
      ['sie-race-refund-a', 'sie-race-refund-b'].map((refundId) =>
        h.call('POST', `/api/invoices/${id}/refunds`, { refundId, amount: 5_000, refundedOn: today }),
      ),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [sum] = await h.t.ctx.db.query<{ n: number }>(
      'select coalesce(sum(amount), 0)::integer as n from invoice_refunds where invoice_id = $1',
      [id],
    );
    expect(sum!.n).toBe(5_000);
  });

  it('pays back the over-payment once and books it against the bank, clearing the debt', async () => {
    const first = await refund({ refundId: 'sie-refund-0001', amount: 10_000, refundedOn: today });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ amount: 10_000, balance: 0 });
    const again = await refund({ refundId: 'sie-refund-0001', amount: 10_000, refundedOn: today });
    expect(again.json()).toMatchObject({ amount: 10_000, balance: 0 });
    expectProblem(
      await refund({ refundId: 'sie-refund-0001', amount: 9_000, refundedOn: today }),
      409,
      'duplicate',
      'refundId',
    );
    const doc = readSie((await h.call('GET', `/api/accounting/sie?date=${today}`)).rawPayload);
    const f = doc.vouchers.find((v) => v.series === 'F')!;
    expect(f.transactions.reduce((s, t) => s + t.amount, 0)).toBe(0);
    // 100 kr here and 50 kr from the race above.
    expect(sumOf(f, '1930', 'Återbetalt överskott')).toBe(-15_000);
    // Over-paid and paid back the same day: nothing is owed to the customer at the day's end.
    expect(sumOf(f, '2420')).toBe(0);
    const invoice = (await h.call('GET', `/api/invoices/${invoiceId}`)).json();
    expect(invoice).toMatchObject({ balance: 0, state: 'paid' });
  });
});

describe('web payments by marketplace and voucher', () => {
  it('books a marketplace’s payment on its receivable and a voucher on the voucher liability', async () => {
    const q = h.t.ctx.db;
    const now = h.t.ctx.clock();
    // Rows as the prepaid (0034) and web voucher (0036) flows write them, on the Finnish order.
    for (const [id, method, ops] of [
      ['pay_sie_market', 'prepaid_external', [['capture', 1_000]]],
      [
        'pay_sie_voucher',
        'voucher',
        [
          ['capture', 500],
          ['refund', 200],
        ],
      ],
    ] as const) {
      await q.query(
        `insert into payments (id, order_id, method, provider, status, currency, amount, authorized, captured,
           refunded, return_url, description, created_at, updated_at)
         values ($1, $2, $3, 'none', 'captured', 'EUR', 1000, 1000, 1000, 0, '', 'test', $4, $4)`,
        [id, finnishOrderId, method, now],
      );
      for (const [i, [kind, amount]] of ops.entries()) {
        await q.query(
          `insert into payment_operations (id, payment_id, kind, amount, idempotency_key, outcome, request,
             started_at, finished_at)
           values ($1, $2, $3, $4, $1, 'succeeded', '{}'::jsonb, $5, $5)`,
          [`${id}_${i}`, id, kind, amount, now],
        );
      }
    }
    const response = await h.call('GET', `/api/accounting/sie?date=${today}`);
    expect(response.statusCode, response.body).toBe(200);
    const w = readSie(response.rawPayload).vouchers.find((v) => v.series === 'W' && v.text.includes('EUR'))!;
    expect(w.transactions.reduce((s, t) => s + t.amount, 0)).toBe(0);
    expect(sumOf(w, '1680', 'Marknadsplats')).toBe(11_235); // 10,00 € × 11,2345 = 112,345 kr
    expect(sumOf(w, '2429', 'Tillgodokvitto')).toBe(3_370); // 3,00 € → 33,7035 kr
  });
});

describe('OSS accounts per country', () => {
  const putAccounts = (accounts: unknown) => h.call('PUT', '/api/accounting/accounts', { accounts });

  it('books Finland on the company’s own OSS accounts once mapped, and refuses a country outside the EU', async () => {
    expectProblem(
      await putAccounts([{ key: 'oss_sales:NO', account: '3107' }]),
      400,
      'validation_failed',
      'accounts[0].key',
    );
    const saved = await putAccounts([
      { key: 'oss_sales:FI', account: '3107' },
      { key: 'oss_vat:FI', account: '2617' },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'oss_sales:FI', account: '3107', defaultAccount: '3106' }),
        expect.objectContaining({ key: 'oss_vat:FI', account: '2617', defaultAccount: '2619' }),
      ]),
    );
    const doc = readSie((await h.call('GET', `/api/accounting/sie?date=${today}`)).rawPayload);
    const w = doc.vouchers.find((v) => v.series === 'W' && v.text.includes('EUR'))!;
    expect(sumOf(w, '3107')).toBeLessThan(0);
    expect(sumOf(w, '2617', 'Utgående moms OSS FI 25,5 %')).toBeLessThan(0);
    expect(sumOf(w, '3106')).toBe(0);
    // Back to the shared OSS accounts: the rows leave the mapping.
    await putAccounts([
      { key: 'oss_sales:FI', account: null },
      { key: 'oss_vat:FI', account: null },
    ]);
    const after = (await h.call('GET', '/api/accounting/accounts')).json();
    expect(after.items.some((i: { key: string }) => i.key.includes(':'))).toBe(false);
  });
});
