// The sales reports against a hand-computed set: register receipts around the spring DST change
// (a return included, a training receipt left out), a pay-in-store pickup order counted once via
// its receipt, a card web order; CSV format, access rules and bad input.
import type { CheckoutResult, Order, RegisterCatalogItem, RegisterSetup, SalesReport } from '@handla/api';
import type { SaleLineDraft } from '@handla/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHandover } from '../orders/handover.testing';
import { capturePayment } from '../payments/payments.service';
import { expectProblem, send } from '../register/register.testing';
import { SimulatedRegister } from '../register/simulated-register.testing';

const { h, s, asRegister, placeReady, checkout, pickupBody } = useHandover();

let setup: RegisterSetup;
let a: RegisterCatalogItem;
let b: RegisterCatalogItem;
const COST_A = 4_000; // öre excl. VAT per unit; B has no purchase price

const excl = (incl: number, bp: number) => Math.round((incl * 10000) / (10000 + bp));

async function register(): Promise<SimulatedRegister> {
  const head = ((await asRegister('GET', '/setup')).json() as RegisterSetup).journalHead;
  return SimulatedRegister.create({
    registerId: s.sthlm.registerId,
    registerCode: setup.register.code,
    privateKey: s.sthlm.keys.privateKey,
    head,
  });
}

const line = (item: RegisterCatalogItem, quantity: number, extra: Partial<SaleLineDraft> = {}) => ({
  skuId: item.skuId,
  skuCode: item.sku,
  name: item.name.sv,
  quantity,
  unitPriceInclVat: item.unitPriceInclVat,
  vatRateBp: item.vatRateBp,
  ...extra,
});

/** Rings up a receipt at Stockholm's register at `at`; its id. */
async function sell(
  at: string,
  lines: SaleLineDraft[],
  opts: { isTraining?: boolean; original?: string; webOrderId?: string; refund?: number } = {},
) {
  const sim = await register();
  const command = await sim.receipt(
    {
      cashierId: s.cashier,
      lines,
      at,
      isTraining: opts.isTraining ?? false,
      ...(opts.webOrderId ? { webOrderId: opts.webOrderId } : {}),
      ...(opts.refund ? { payments: [{ method: 'card_standalone', amount: -opts.refund }] } : {}),
    },
    opts.original,
  );
  const response = await asRegister('POST', '/commands', { commands: [command] });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().results[0].receiptId as string;
}

/** GET a report path (`sales?…`) as `cookie`, expecting 200. */
const fetchReport = async (path: string, cookie = h.owner) => {
  const response = await send(h.t, { cookie }, 'GET', `/api/reports/${path}`);
  expect(response.statusCode, response.body).toBe(200);
  return response;
};
const report = async (query: string, cookie = h.owner) =>
  (await fetchReport(`sales?${query}`, cookie)).json() as SalesReport;

beforeAll(async () => {
  setup = (await asRegister('GET', '/setup')).json() as RegisterSetup;
  const item = (id: string) => setup.catalog.items.find((i) => i.skuId === id)!;
  a = item(h.skus[0]!.id);
  b = item(h.skus[1]!.id);
  // Our own costs over the demo's: A has one, B none.
  await h.t.ctx.db.query(
    `insert into sku_purchase_prices (sku_id, unit_cost_excl_vat, updated_at) values ($1, $2, now())
     on conflict (sku_id) do update set unit_cost_excl_vat = excluded.unit_cost_excl_vat`,
    [a.skuId, COST_A],
  );
  await h.t.ctx.db.query('delete from sku_purchase_prices where sku_id = $1', [b.skuId]);
});

describe('register sales around the DST change (Sunday 29 March 2026, 02:00 → 03:00)', () => {
  let saleOne: string;
  beforeAll(async () => {
    saleOne = await sell('2026-03-29T00:30:00Z', [line(a, 2)]); // 01:30 CET
    await sell('2026-03-29T01:30:00Z', [line(b, 1)]); // 03:30 CEST
    await sell('2026-03-29T01:45:00Z', [line(a, 5)], { isTraining: true });
    await sell('2026-03-29T10:00:00Z', [line(a, -1, { originalReceiptId: saleOne, originalLineNo: 1 })], {
      original: saleOne,
      refund: a.unitPriceInclVat,
    }); // 12:00 CEST
  });

  it('adds up net sales, VAT, receipts, units and margin: the return off, training left out', async () => {
    const incl = a.unitPriceInclVat + b.unitPriceInclVat; // 2 A − 1 A + 1 B
    const exclA = excl(2 * a.unitPriceInclVat, a.vatRateBp) + excl(-a.unitPriceInclVat, a.vatRateBp);
    const exclB = excl(b.unitPriceInclVat, b.vatRateBp);
    const day = await report('from=2026-03-29&to=2026-03-29&groupBy=day');
    const expected = {
      salesInclVat: incl,
      salesExclVat: exclA + exclB,
      receipts: 2,
      returns: 1,
      units: 2,
      costedExclVat: exclA,
      margin: exclA - COST_A,
    };
    expect(day.rows).toEqual([{ key: '2026-03-29', label: '2026-03-29', ...expected }]);
    expect(day.total).toEqual(expected);
  });

  it('puts receipts in local hours across the change (01 CET, 03 CEST, 12 CEST)', async () => {
    const hours = await report('from=2026-03-29&to=2026-03-29&groupBy=hour');
    expect(hours.rows.map((r) => [r.key, r.salesInclVat])).toEqual([
      ['01', 2 * a.unitPriceInclVat],
      ['03', b.unitPriceInclVat],
      ['12', -a.unitPriceInclVat],
    ]);
  });

  it('names the salesperson and sums per product', async () => {
    const people = await report('from=2026-03-29&to=2026-03-29&groupBy=salesperson');
    expect(people.rows).toHaveLength(1);
    expect(people.rows[0]).toMatchObject({ key: s.cashier, receipts: 2, returns: 1 });
    expect(people.rows[0]!.label).not.toBe(s.cashier);
    const products = await report('from=2026-03-29&to=2026-03-29&groupBy=product');
    const units = Object.fromEntries(products.rows.map((r) => [r.salesInclVat, r.units]));
    expect(units).toEqual({ [a.unitPriceInclVat]: 1, [b.unitPriceInclVat]: 1 });
    expect(products.total.salesInclVat).toBe(a.unitPriceInclVat + b.unitPriceInclVat);
  });

  it('exports CSV for Excel: BOM, ";" separated, decimal comma, a total row', async () => {
    const response = await fetchReport('sales?from=2026-03-29&to=2026-03-29&groupBy=day&format=csv');
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('sales-day_2026-03-29_2026-03-29.csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Nyckel;Namn;Försäljning inkl. moms;Försäljning exkl. moms;Kvitton/ordrar;Returer;Antal;Exkl. moms med känt inköpspris;Marginal',
    );
    const incl = a.unitPriceInclVat + b.unitPriceInclVat;
    const kr = `${Math.floor(incl / 100)},${String(incl % 100).padStart(2, '0')}`;
    expect(lines[1]!.split(';').slice(0, 3)).toEqual(['2026-03-29', '2026-03-29', kr]);
    expect(lines[2]!.startsWith('total;Totalt;')).toBe(true);
  });
});

describe('channels: web orders and pay-in-store orders', () => {
  let inStore: Order;
  let card: Order;
  beforeAll(async () => {
    inStore = await placeReady({ payment: { method: 'in_store' } });
    await sell(
      '2026-12-01T08:00:00Z',
      inStore.lines.map((l) => ({
        skuId: l.skuId,
        skuCode: l.sku,
        name: l.productName,
        quantity: l.quantity,
        unitPriceInclVat: l.unitPrice.amount,
        vatRateBp: l.vatRateBp,
        orderLineId: l.id,
      })),
      { webOrderId: inStore.id },
    );
    const placed = await checkout(await pickupBody());
    expect(placed.statusCode, placed.body).toBe(201);
    card = (placed.json() as CheckoutResult).order;
    await capturePayment(h.t.ctx, {
      paymentId: card.payment.id,
      amount: card.totals.total.amount,
      idempotencyKey: 'report-test',
    });
    // Ready 20 minutes after it was placed, then cancelled: never collected.
    const placedToo = await checkout(await pickupBody());
    expect(placedToo.statusCode, placedToo.body).toBe(201);
    const abandoned = (placedToo.json() as CheckoutResult).order;
    const placedAt = h.now;
    h.now = new Date(placedAt.getTime() + 20 * 60_000);
    const ready = await send(h.t, { cookie: h.manager }, 'POST', `/api/orders/${abandoned.id}/ready`);
    expect(ready.statusCode, ready.body).toBe(200);
    const cancelled = await send(h.t, { cookie: h.manager }, 'POST', `/api/orders/${abandoned.id}/cancel`, {
      reason: 'Inte hämtad',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    h.now = placedAt;
  });

  it('counts a pay-in-store order once (its receipt), a captured card order as web', async () => {
    const channels = await report('from=2026-12-01&to=2026-12-01&groupBy=channel');
    const inStoreTotal = inStore.lines.reduce((sum, l) => sum + l.lineTotal.amount, 0);
    const cardTotal = card.lines.reduce((sum, l) => sum + l.lineTotal.amount, 0);
    expect(channels.rows.find((r) => r.key === 'store')).toMatchObject({
      salesInclVat: inStoreTotal,
      receipts: 1,
    });
    expect(channels.rows.find((r) => r.key === 'web')).toMatchObject({
      salesInclVat: cardTotal,
      receipts: 1,
    });
    expect(channels.total).toMatchObject({ salesInclVat: inStoreTotal + cardTotal, receipts: 2 });
  });

  it('mixes payments per channel and method', async () => {
    const response = await fetchReport('payment-mix?from=2026-12-01&to=2026-12-01');
    const inStoreTotal = inStore.lines.reduce((sum, l) => sum + l.lineTotal.amount, 0);
    expect(response.json().rows).toContainEqual({
      channel: 'store',
      method: 'card_standalone',
      amount: inStoreTotal,
      count: 1,
    });
  });

  it('reports click & collect: orders per slot, time to ready, overdue now', async () => {
    const response = await fetchReport('click-collect?from=2026-12-01&to=2026-12-01', h.manager);
    const cc = response.json();
    expect(cc).toMatchObject({ orders: 3, ready: 2, collected: 1, notCollected: 1, overdueNow: 0 });
    expect(cc.slots.reduce((sum: number, slot: { orders: number }) => sum + slot.orders, 0)).toBe(3);
    // Placed → ready: 0 minutes (the pay-in-store order) and 20 (the abandoned one), nearest rank.
    expect(cc.timeToReadyP50Minutes).toBe(0);
    expect(cc.timeToReadyP90Minutes).toBe(20);
  });
});

describe('access and bad input', () => {
  it('keeps managers to their own store; owners see any', async () => {
    const own = await report('from=2026-03-29&to=2026-03-29', h.manager);
    expect(own.storeId).toBe(h.store.STHLM);
    const other = await send(
      h.t,
      { cookie: h.manager },
      'GET',
      `/api/reports/sales?from=2026-03-29&to=2026-03-29&storeId=${h.store.GBG}`,
    );
    expectProblem(other, 403, 'forbidden');
    const gbg = await report(`from=2026-03-29&to=2026-03-29&storeId=${h.store.GBG}`);
    expect(gbg.rows).toEqual([]);
    const cashier = await send(
      h.t,
      { cookie: h.cashier },
      'GET',
      '/api/reports/sales?from=2026-03-29&to=2026-03-29',
    );
    expectProblem(cashier, 403, 'forbidden');
    const nobody = await send(h.t, {}, 'GET', '/api/reports/sales?from=2026-03-29&to=2026-03-29');
    expect(nobody.statusCode).toBe(401);
  });

  it('lets an API key with reports:read in, and no other scope', async () => {
    const keyWith = async (scopes: string[]) => {
      const created = await send(h.t, { cookie: h.owner }, 'POST', '/api/api-keys', { name: 'BI', scopes });
      expect(created.statusCode, created.body).toBe(201);
      return { authorization: `Bearer ${created.json().secret}` };
    };
    const ok = await send(
      h.t,
      await keyWith(['reports:read']),
      'GET',
      '/api/reports/sales?from=2026-03-29&to=2026-03-29',
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().total.receipts).toBe(2);
    const no = await send(
      h.t,
      await keyWith(['orders:read']),
      'GET',
      '/api/reports/sales?from=2026-03-29&to=2026-03-29',
    );
    expectProblem(no, 403, 'forbidden');
  });

  it('refuses a period ending before it starts, an unknown groupBy or store, naming the field', async () => {
    const get = (q: string) => send(h.t, { cookie: h.owner }, 'GET', `/api/reports/sales?${q}`);
    expectProblem(await get('from=2026-03-29&to=2026-03-28'), 400, 'validation_failed', 'to');
    expectProblem(
      await get('from=2026-03-29&to=2026-03-29&groupBy=weekday'),
      400,
      'validation_failed',
      'groupBy',
    );
    expectProblem(await get('from=2026-13-01&to=2026-03-29'), 400, 'validation_failed', 'from');
    expectProblem(
      await get('from=2026-03-01&to=2026-03-29&storeId=sto_nope'),
      400,
      'validation_failed',
      'storeId',
    );
  });
});
