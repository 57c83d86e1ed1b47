// The daily SIE export end to end: register receipts (cash with rounding, card, a return, a training
// receipt) and a web card payment captured and partly refunded, read back through our SIE reader and
// checked against the register's X report; the account mapping and the chart-of-accounts import.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegisterCatalogItem, RegisterCommandDto, RegisterSetup } from '@handla/api';
import { giftCardLineDraft, type SaleLineDraft } from '@handla/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrdersHttp } from '../orders/orders.http-harness';
import { demoRegister, pairTestDevice, send, type TestDevice } from '../register/register.testing';
import { SimulatedRegister } from '../register/simulated-register.testing';
import { readSie, type SieDocument, type SieVoucher } from './sie/read';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../..');
const sample = (name: string) => readFileSync(resolve(repoRoot, '../shared/standards/sie4', name));

const { h, pickupBody, checkout } = useOrdersHttp();
const DAY = '2026-12-01';
let device: TestDevice;
let x: {
  giftCardsSold: { amount: number };
  vatByRate: { vatRateBp: number; grossAmount: number; vatAmount: number }[];
  payments: { method: string; amount: number }[];
  rounding: number;
};
let webNet: number;

const line = (item: RegisterCatalogItem, quantity: number, extra: Partial<SaleLineDraft> = {}) => ({
  skuId: item.skuId,
  skuCode: item.sku,
  name: item.name.sv,
  quantity,
  unitPriceInclVat: item.unitPriceInclVat,
  vatRateBp: item.vatRateBp,
  ...extra,
});

const get = (url: string, cookie = h.manager) => h.t.app.inject({ url, headers: { cookie } });
const exportOf = async (query: string): Promise<SieDocument> => {
  const response = await get(`/api/accounting/sie?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return readSie(response.rawPayload);
};
const byAccount = (v: SieVoucher) => {
  const sums: Record<string, number> = {};
  for (const t of v.transactions) sums[t.account] = (sums[t.account] ?? 0) + t.amount;
  return sums;
};
const put = (accounts: unknown) =>
  h.t.app.inject({
    method: 'PUT',
    url: '/api/accounting/accounts',
    payload: { accounts },
    headers: { cookie: h.manager },
  });
const exportsLogged = async () =>
  (await h.t.ctx.db.query<{ n: number }>('select count(*)::integer as n from accounting_exports'))[0]!.n;

beforeAll(async () => {
  // Registers: a cash sale over two VAT rates (rounding), a card sale, a return, a training receipt.
  const register = await demoRegister(h.t, 'STHLM');
  device = await pairTestDevice(h.t, register.id, h.manager);
  const setup: RegisterSetup = (
    await send(h.t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`)
  ).json();
  const cashierId = setup.cashiers.find((c) => c.staffNumber === '101')!.staffId;
  const sellable = setup.catalog.items.filter((i) => !i.isBundle && i.unitPriceInclVat > 0);
  const a = sellable.find((i) => i.unitPriceInclVat % 100 !== 0) ?? sellable[0]!;
  const b = sellable.find((i) => i.vatRateBp !== a.vatRateBp)!;
  const sim = await SimulatedRegister.create({
    registerId: device.registerId,
    registerCode: setup.register.code,
    privateKey: device.keys.privateKey,
    head: setup.journalHead,
  });
  const at = (minutes: number) => new Date(h.now.getTime() - minutes * 60_000).toISOString();
  const apply = async (commands: RegisterCommandDto[]) => {
    const res = await send(h.t, device.headers, 'POST', `/api/registers/${device.registerId}/commands`, {
      commands,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results as { receiptId?: string }[];
  };
  const [, card] = await apply([
    await sim.receipt({
      cashierId,
      // 3.33 % off: a total in öre, rounded to whole kronor in cash.
      lines: [line(a, 3, { discount: { kind: 'percent', value: 333, reason: 'Test' } }), line(b, 1)],
      payments: [{ method: 'cash', amount: 10_000_000, tendered: 10_000_000 }],
      at: at(50),
    }),
    await sim.receipt({ cashierId, lines: [line(b, 2)], at: at(40) }),
  ]);
  await apply([
    await sim.receipt(
      {
        cashierId,
        lines: [line(b, -1, { originalReceiptId: card!.receiptId!, originalLineNo: 1 })],
        payments: [{ method: 'card_standalone', amount: -b.unitPriceInclVat }],
        at: at(30),
      },
      card!.receiptId!,
    ),
    await sim.receipt({ cashierId, lines: [line(a, 5)], isTraining: true, at: at(20) }),
    // A gift card sold for Swish: money held for the customer (2421), not a sale.
    await sim.receipt({
      cashierId,
      lines: [giftCardLineDraft({ code: 'SIEGIFTCARD00001', action: 'issue' }, 50_000)],
      payments: [{ method: 'swish', amount: 50_000 }],
      at: at(15),
    }),
  ]);
  x = (await get(`/api/registers/${device.registerId}/reports/x`)).json();

  // The web shop: a card order, 100 kr captured, 30 kr refunded.
  const placed = await checkout(await pickupBody());
  expect(placed.statusCode, placed.body).toBe(201);
  const paymentId = placed.json().order.payment.id as string;
  for (const [path, amount, key] of [
    ['captures', 10_000, 'sie-capture-1'],
    ['refunds', 3_000, 'sie-refund-1'],
  ] as const) {
    const res = await h.t.app.inject({
      method: 'POST',
      url: `/api/payments/${paymentId}/${path}`,
      payload: { amount },
      headers: { cookie: h.manager, 'idempotency-key': key },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  webNet = 7_000;
});

describe('GET /api/accounting/sie', () => {
  it('gives a PC8 file that our reader accepts, #KSUMMA and all, named for the company and day', async () => {
    const response = await get(`/api/accounting/sie?date=${DAY}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="SIE4_.*_2026-12-01\.se"/);
    const doc = readSie(response.rawPayload);
    expect(doc.format).toBe('PC8');
    expect(doc.checksum).toBeTypeOf('number');
    expect(doc.companyName).toBe('Demo Butik AB');
    expect(doc.vouchers.map((v) => `${v.series} ${v.number} ${v.date}`)).toEqual([
      `K 1 ${DAY}`,
      `W 1 ${DAY}`,
    ]);
    expect(await exportsLogged()).toBeGreaterThan(0);
  });

  it('books the register day as the X report adds it up, training receipt left out', async () => {
    const doc = await exportOf(`date=${DAY}`);
    const k = byAccount(doc.vouchers[0]!);
    const paid = (method: string) =>
      x.payments.filter((p) => p.method === method).reduce((s, p) => s + p.amount, 0);
    expect(k['1910']).toBe(paid('cash'));
    expect(k['1580']).toBe(paid('card_standalone') + paid('card_terminal'));
    expect(k['1930']).toBe(paid('swish'));
    expect(k['2421']).toBe(-x.giftCardsSold.amount);
    expect(x.giftCardsSold.amount).toBe(50_000);
    expect(x.rounding).not.toBe(0);
    expect(k['3740']).toBe(-x.rounding);
    const salesAccount: Record<number, [string, string]> = {
      2500: ['3001', '2611'],
      1200: ['3002', '2621'],
      600: ['3003', '2631'],
    };
    for (const rate of x.vatByRate) {
      const [sales, vat] = salesAccount[rate.vatRateBp]!;
      expect(k[sales]).toBe(-(rate.grossAmount - rate.vatAmount));
      expect(k[vat]).toBe(-rate.vatAmount);
    }
    expect(x.vatByRate.length).toBeGreaterThanOrEqual(2);
  });

  it('books web captures less refunds on the card receivable against sales and VAT', async () => {
    const doc = await exportOf(`date=${DAY}`);
    const w = byAccount(doc.vouchers[1]!);
    expect(w['1580']).toBe(webNet);
    const credit = Object.entries(w).filter(
      ([account]) => account.startsWith('3') || account.startsWith('26'),
    );
    expect(credit.reduce((s, [, amount]) => s + amount, 0)).toBe(-webNet);
  });

  it('takes a period, and a day without sales gives a file without vouchers', async () => {
    expect((await exportOf(`from=2026-11-30&to=${DAY}`)).vouchers).toHaveLength(2);
    expect((await exportOf('date=2026-11-30')).vouchers).toHaveLength(0);
  });

  it.each([
    ['date=2026-02-30', 'date'],
    ['from=2026-12-02&to=2026-12-01', 'to'],
    ['from=2025-12-31&to=2026-01-01', 'to'],
    ['from=2026-12-01', 'to'],
    ['', 'date'],
  ])('refuses ?%s naming %s', async (query, field) => {
    const before = await exportsLogged();
    const response = await get(`/api/accounting/sie?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await exportsLogged()).toBe(before);
  });

  it('is for managers and owners only', async () => {
    expect((await get(`/api/accounting/sie?date=${DAY}`, h.cashier)).statusCode).toBe(403);
    expect((await h.t.app.inject({ url: `/api/accounting/sie?date=${DAY}` })).statusCode).toBe(401);
    expect((await get(`/api/accounting/sie?date=${DAY}`, h.owner)).statusCode).toBe(200);
  });
});

describe('the account mapping', () => {
  it('shows every key with its BAS default', async () => {
    const response = await get('/api/accounting/accounts');
    expect(response.statusCode).toBe(200);
    const cash = response.json().items.find((i: { key: string }) => i.key === 'cash');
    expect(cash).toEqual({
      key: 'cash',
      account: '1910',
      defaultAccount: '1910',
      isDefault: true,
      name: 'Kassa',
    });
  });

  it('books on an overridden account, and goes back to BAS with null', async () => {
    const changed = await put([{ key: 'card', account: '1581' }]);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().items.find((i: { key: string }) => i.key === 'card')).toMatchObject({
      account: '1581',
      isDefault: false,
    });
    const k = byAccount((await exportOf(`date=${DAY}`)).vouchers[0]!);
    expect(k['1581']).toBeDefined();
    expect(k['1580']).toBeUndefined();
    expect(
      (await put([{ key: 'card', account: null }]))
        .json()
        .items.find((i: { key: string }) => i.key === 'card').account,
    ).toBe('1580');
  });

  it('refuses a bad account naming the field, and changes nothing', async () => {
    const bad = await put([
      { key: 'cash', account: '1911' },
      { key: 'swish', account: '99' },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('accounts.1.account');
    const twice = await put([
      { key: 'cash', account: '1911' },
      { key: 'cash', account: '1912' },
    ]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].field).toBe('accounts[1].key');
    const cash = (await get('/api/accounting/accounts'))
      .json()
      .items.find((i: { key: string }) => i.key === 'cash');
    expect(cash.account).toBe('1910');
  });
});

describe('POST /api/accounting/accounts/import', () => {
  const post = (body: Buffer, contentType = 'application/octet-stream') =>
    h.t.app.inject({
      method: 'POST',
      url: '/api/accounting/accounts/import',
      payload: body,
      headers: { cookie: h.manager, 'content-type': contentType },
    });

  it('stores the #KONTO names of a SIE file (PC8) as the chart of accounts', async () => {
    const response = await post(sample('Norstedts_Bokslut_SIE_4I.si'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ importedAccountNames: 351, companyName: 'Datakonsulterna AB' });
    const items = (await get('/api/accounting/accounts')).json().items as { key: string; name: string }[];
    expect(items.find((i) => i.key === 'gift_card')?.name).toBeDefined();
    const names = await h.t.ctx.db.query<{ name: string }>(
      "select name from accounting_account_names where account = '7010'",
    );
    expect(names[0]?.name).toBe('Löner kollektivanställda');
  });

  it('takes text/plain as bytes too', async () => {
    const response = await post(sample('Sie4.se'), 'text/plain');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().companyName).toBe('Demoföretaget AB');
  });

  it('refuses a bad file naming the line, and keeps the chart it had', async () => {
    const count = async () =>
      (
        await h.t.ctx.db.query<{ n: number }>('select count(*)::integer as n from accounting_account_names')
      )[0]!.n;
    const before = await count();
    const response = await post(sample('transaktioner_ovnbolag-bad-balance.se'));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'line 3905', message: expect.stringContaining('B 1') }]);
    const empty = await post(Buffer.from('#FLAGGA 0\r\n#SIETYP 4\r\n'));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('body');
    expect(await count()).toBe(before);
  });
});

describe('an unbalanced day', () => {
  it('is refused with 422 naming the voucher, and nothing is logged', async () => {
    // A payment row altered behind the server's back: the day no longer adds up.
    await h.t.ctx.db.query(
      `update receipt_payments set amount = amount + 1
        where receipt_id = (select id from receipts where register_id = $1 and not is_training order by number limit 1)`,
      [device.registerId],
    );
    const before = await exportsLogged();
    const response = await get(`/api/accounting/sie?date=${DAY}`);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'unbalanced_voucher',
      errors: [{ field: 'vouchers.K 1', message: expect.stringContaining('off by 1 öre') }],
    });
    expect(await exportsLogged()).toBe(before);
  });
});
