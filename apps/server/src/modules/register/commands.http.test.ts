import type { RegisterCatalogItem, RegisterCommandDto, RegisterSetup } from '@handla/api';
import { appendEntry, type SaleLineDraft, signerFromPrivateKey } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import {
  DEMO_PINS,
  demoRegister,
  demoStaffIds,
  expectProblem,
  pairTestDevice,
  send,
  simulatorFor,
  type TestDevice,
} from './register.testing';
import type { SimulatedRegister } from './simulated-register.testing';

let t: TestApp;
let device: TestDevice;
let setup: RegisterSetup;
let items: RegisterCatalogItem[];
let cashierId: string;
let managerId: string;
let manager: Record<string, string>;

const commandsUrl = (d: TestDevice) => `/api/registers/${d.registerId}/commands`;
const sendBatch = (commands: RegisterCommandDto[], d = device) =>
  send(t, d.headers, 'POST', commandsUrl(d), { commands });

async function setupOf(d: TestDevice): Promise<RegisterSetup> {
  const response = await send(t, d.headers, 'GET', `/api/registers/${d.registerId}/setup`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** A register continuing from where the server's journal stands. */
async function simFor(d: TestDevice): Promise<SimulatedRegister> {
  const s = await setupOf(d);
  return simulatorFor(d, s);
}

const line = (
  item: RegisterCatalogItem,
  quantity = 1,
  extra: Partial<SaleLineDraft> = {},
): SaleLineDraft => ({
  skuId: item.skuId,
  skuCode: item.sku,
  name: item.name.sv,
  quantity,
  unitPriceInclVat: item.unitPriceInclVat,
  vatRateBp: item.vatRateBp,
  ...extra,
});

async function onHand(skuId: string, storeId: string): Promise<number> {
  const [row] = await t.ctx.db.query<{ onHand: number }>(
    `select coalesce(sum(l.on_hand), 0)::integer as "onHand" from stock_levels l
       join locations loc on loc.id = l.location_id where l.sku_id = $1 and loc.store_id = $2 and loc.kind = 'store'`,
    [skuId, storeId],
  );
  return row!.onHand;
}

async function verify(registerId: string) {
  const response = await send(t, manager, 'GET', `/api/registers/${registerId}/journal/verify`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp();
  manager = { cookie: await signIn(t.app, 'manager') };
  const register = await demoRegister(t, 'STHLM');
  device = await pairTestDevice(t, register.id, manager.cookie);
  setup = await setupOf(device);
  items = setup.catalog.items.filter((i) => i.ean && !i.isBundle && i.unitPriceInclVat > 0).slice(0, 6);
  ({ cashierId, managerId } = demoStaffIds(setup));
});
afterAll(() => t.close());

describe('a sale end to end', () => {
  it('numbers receipts 1, 2, 3, moves stock, emits sale.completed and keeps the journal verifying', async () => {
    const sim = await simFor(device);
    const before = await onHand(items[0]!.skuId, setup.store.id);
    const commands = [];
    for (let i = 0; i < 3; i++) {
      commands.push(await sim.receipt({ cashierId, lines: [line(items[0]!, 2), line(items[1]!)] }));
    }
    const response = await sendBatch(commands);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().results.map((r: { receiptNumber: number }) => r.receiptNumber)).toEqual([1, 2, 3]);
    expect(await onHand(items[0]!.skuId, setup.store.id)).toBe(before - 6);

    const receiptId = response.json().results[0].receiptId;
    const receipt = await send(t, device.headers, 'GET', `/api/receipts/${receiptId}`);
    expect(receipt.statusCode, receipt.body).toBe(200);
    expect(receipt.json()).toMatchObject({ number: 1, kind: 'sale', cashierName: 'Kalle Kassa' });
    expect(receipt.json().lines).toHaveLength(2);
    const html = await send(t, manager, 'GET', `/api/receipts/${receiptId}/receipt.html`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toMatch(/elektroniskt kassakvitto/i);
    expect(html.body).toContain('<svg');

    const events = await t.ctx.db.query<{ aggregateId: string }>(
      `select aggregate_id as "aggregateId" from outbox_events where type = 'sale.completed'`,
    );
    expect(events.map((e) => e.aggregateId)).toContain(receiptId);
    expect(await verify(device.registerId)).toEqual({ ok: true, entries: 3 });
    const x = await send(t, manager, 'GET', `/api/registers/${device.registerId}/reports/x`);
    expect(x.statusCode, x.body).toBe(200);
    expect(x.json()).toMatchObject({ kind: 'x', sales: { count: 3 }, receiptCount: 3 });

    const found = await send(
      t,
      device.headers,
      'GET',
      `/api/registers/${device.registerId}/receipts?number=2`,
    );
    expect(found.json().items.map((r: { number: number }) => r.number)).toEqual([2]);
  });

  it('applies a repeated batch once and returns the first results', async () => {
    const sim = await simFor(device);
    const batch = [
      await sim.receipt({ cashierId, lines: [line(items[2]!)] }),
      await sim.drawerOpen(managerId, 'Växel'),
    ];
    const before = await onHand(items[2]!.skuId, setup.store.id);
    const first = await sendBatch(batch);
    expect(first.statusCode, first.body).toBe(200);
    const again = await sendBatch(batch);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().results.map((r: { isRepeat: boolean }) => r.isRepeat)).toEqual([true, true]);
    expect(again.json().results[0].receiptId).toBe(first.json().results[0].receiptId);
    expect(await onHand(items[2]!.skuId, setup.store.id)).toBe(before - 1);
    const [count] = await t.ctx.db.query<{ n: number }>(
      'select count(*)::integer as n from receipts where command_id = $1',
      [batch[0]!.commandId],
    );
    expect(count!.n).toBe(1);
  });

  it('keeps a practice receipt out of stock and events, but in the journal and the series', async () => {
    const sim = await simFor(device);
    const before = await onHand(items[1]!.skuId, setup.store.id);
    const practice = await sim.receipt({ cashierId, lines: [line(items[1]!)], isTraining: true });
    const response = await sendBatch([practice]);
    expect(response.statusCode, response.body).toBe(200);
    const receiptId = response.json().results[0].receiptId;
    expect(await onHand(items[1]!.skuId, setup.store.id)).toBe(before);
    const receipt = await send(t, device.headers, 'GET', `/api/receipts/${receiptId}`);
    expect(receipt.json()).toMatchObject({ isTraining: true, kind: 'sale' });
    const [events] = await t.ctx.db.query<{ n: number }>(
      `select count(*)::integer as n from outbox_events where aggregate_id = $1`,
      [receiptId],
    );
    expect(events!.n).toBe(0);
  });

  it('refuses a gap in the journal naming the sequence, and applies nothing of it', async () => {
    const sim = await simFor(device);
    await sim.receipt({ cashierId, lines: [line(items[0]!)] }); // never sent
    const second = await sim.receipt({ cashierId, lines: [line(items[0]!)] });
    const response = await sendBatch([second]);
    expectProblem(response, 409, 'journal_gap', 'commands.0.journalEntry.sequence');
  });

  it('refuses tampered totals, even when correctly signed, naming the field', async () => {
    const sim = await simFor(device);
    const head = sim.head;
    const honest = (await sim.receipt({ cashierId, lines: [line(items[0]!, 3)] })) as Extract<
      RegisterCommandDto,
      { kind: 'sale.complete' }
    >;
    const payload = honest.journalEntry.payload as { receipt: { totalToPay: number } };
    const tamperedPayload = {
      ...payload,
      receipt: { ...payload.receipt, totalToPay: payload.receipt.totalToPay - 100 },
    };
    const entry = await appendEntry(
      head.sequence ? { registerId: device.registerId, sequence: head.sequence, hash: head.hash } : null,
      { registerId: device.registerId, kind: 'receipt', at: honest.at, payload: tamperedPayload },
      signerFromPrivateKey(device.keys.privateKey),
    );
    const response = await sendBatch([{ ...honest, journalEntry: entry }]);
    expectProblem(response, 400, 'validation_failed', 'commands.0.journalEntry.payload.receipt.totalToPay');
  });

  it('refuses a broken signature and an entry changed after signing', async () => {
    const sim = await simFor(device);
    const cmd = await sim.receipt({ cashierId, lines: [line(items[0]!)] });
    const sig = cmd.journalEntry.signature;
    const badSignature = { ...cmd.journalEntry, signature: `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}` };
    expectProblem(
      await sendBatch([{ ...cmd, journalEntry: badSignature }]),
      400,
      'validation_failed',
      'commands.0.journalEntry.signature',
    );
    const edited = { ...cmd.journalEntry, at: new Date(Date.now() - 60_000).toISOString() };
    expectProblem(
      await sendBatch([{ ...cmd, journalEntry: edited }]),
      400,
      'validation_failed',
      'commands.0.journalEntry.hash',
    );
  });

  it('refuses a device acting for another register', async () => {
    const sim = await simFor(device);
    const sale = await sim.receipt({ cashierId, lines: [line(items[0]!)] });
    const other = await demoRegister(t, 'STHLM', 'KASSA-2');
    const foreign = await send(t, device.headers, 'POST', `/api/registers/${other.id}/commands`, {
      commands: [sale],
    });
    expectProblem(foreign, 403, 'forbidden');
  });

  it('records a cashier’s own price as a deviation for review instead of refusing the printed receipt', async () => {
    const sim = await simFor(device);
    const cheap = await sim.receipt({ cashierId, lines: [line(items[0]!, 1, { unitPriceInclVat: 100 })] });
    const applied = await sendBatch([cheap]);
    expect(applied.statusCode, applied.body).toBe(200);
    const receiptId = (cheap as { receiptId: string }).receiptId;
    const detail = await send(t, manager, 'GET', `/api/receipts/${receiptId}`);
    expect(detail.json().priceDeviations).toEqual([
      { lineNo: 1, skuId: items[0]!.skuId, charged: 100, listed: items[0]!.unitPriceInclVat },
    ]);
    const [event] = await t.ctx.db.query<{ data: { lines: unknown[] } }>(
      `select data from outbox_events where type = 'sale.price_deviation' and aggregate_id = $1`,
      [receiptId],
    );
    expect(event?.data.lines).toHaveLength(1);
  });

  it('accepts the price the register had cached when a campaign started while it was offline', async () => {
    const item = items[1]!;
    const cachedAt = new Date(Date.now() - 60 * 60_000).toISOString();
    const campaign = await send(t, manager, 'POST', '/api/campaigns', {
      name: 'Startade offline',
      startsAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 24 * 60 * 60_000).toISOString(),
      prices: [
        { skuId: item.skuId, unitPriceInclVat: { amount: item.unitPriceInclVat - 1_000, currency: 'SEK' } },
      ],
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const sim = await simFor(device);
    // Sold at the regular price the register cached an hour ago, after the campaign had begun.
    const offline = await sim.receipt({ cashierId, lines: [line(item)], pricesAsOf: cachedAt });
    const applied = await sendBatch([offline]);
    expect(applied.statusCode, applied.body).toBe(200);
    const detail = await send(
      t,
      manager,
      'GET',
      `/api/receipts/${(offline as { receiptId: string }).receiptId}`,
    );
    expect(detail.json().priceDeviations).toEqual([]);
    // Without the cached instant the same price is a deviation to review.
    const online = await sim.receipt({ cashierId, lines: [line(item)] });
    expect((await sendBatch([online])).statusCode).toBe(200);
    const flagged = await send(
      t,
      manager,
      'GET',
      `/api/receipts/${(online as { receiptId: string }).receiptId}`,
    );
    expect(flagged.json().priceDeviations).toHaveLength(1);
  });

  it('applies the cashier’s discount limit on the server, whatever the register computed', async () => {
    const sim = await simFor(device);
    const discount = { kind: 'percent' as const, value: 5_000, reason: 'Skadad' };
    // Priced as a manager would be allowed to, but sent as the cashier's sale.
    const sale = await sim.receipt({ cashierId, role: 'manager', lines: [line(items[0]!, 1, { discount })] });
    const response = await sendBatch([sale]);
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json().errors[0].field).toMatch(/^commands\.0\.draft\.lines\[0\]\.discount/);
  });

  it('refuses a drawer opening without a sale by a cashier, unless a manager approves', async () => {
    const sim = await simFor(device);
    expectProblem(
      await sendBatch([await sim.drawerOpen(cashierId, 'Växel')]),
      403,
      'forbidden',
      'commands.0.approval',
    );
    const fresh = await simFor(device);
    const approved = await sendBatch([await fresh.drawerOpen(cashierId, 'Växel', DEMO_PINS.manager)]);
    expect(approved.statusCode, approved.body).toBe(200);
  });
});

describe('returns', () => {
  it('returns part of a receipt, and refuses more than was bought', async () => {
    const sim = await simFor(device);
    const sale = await sim.receipt({ cashierId, lines: [line(items[3]!, 2), line(items[4]!)] });
    const sold = await sendBatch([sale]);
    expect(sold.statusCode, sold.body).toBe(200);
    const original = sold.json().results[0].receiptId;
    const before = await onHand(items[3]!.skuId, setup.store.id);
    const unitPrice = items[3]!.unitPriceInclVat;
    const refundOne = await sim.receipt(
      {
        cashierId,
        lines: [line(items[3]!, -1, { originalReceiptId: original, originalLineNo: 1 })],
        payments: [{ method: 'card_standalone', amount: -unitPrice }],
      },
      original,
    );
    const returned = await sendBatch([refundOne]);
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await onHand(items[3]!.skuId, setup.store.id)).toBe(before + 1);
    const detail = await send(t, device.headers, 'GET', `/api/receipts/${original}`);
    expect(detail.json().lines[0].returnedQuantity).toBe(1);

    const tooMany = await sim.receipt(
      {
        cashierId,
        lines: [line(items[3]!, -2, { originalReceiptId: original, originalLineNo: 1 })],
        payments: [{ method: 'card_standalone', amount: -2 * unitPrice }],
      },
      original,
    );
    expectProblem(await sendBatch([tooMany]), 409, 'conflict', 'commands.0.draft.lines[0].quantity');
  });

  it('refuses a return without a receipt for a cashier, and takes it with a manager’s approval', async () => {
    const sim = await simFor(device);
    const refund = { method: 'cash' as const, amount: -items[5]!.unitPriceInclVat };
    const alone = await sim.receipt({ cashierId, lines: [line(items[5]!, -1)], payments: [refund] }, null);
    expectProblem(await sendBatch([alone]), 403, 'forbidden', 'commands.0.approval');
    const fresh = await simFor(device);
    const approved = await fresh.receipt(
      { cashierId, lines: [line(items[5]!, -1)], payments: [refund], approval: DEMO_PINS.manager },
      null,
    );
    const response = await sendBatch([approved]);
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe('concurrency and the journal check', () => {
  it('applies concurrent batches from two registers’ devices, each gapless', async () => {
    const kassa2 = await demoRegister(t, 'STHLM', 'KASSA-2');
    const device2 = await pairTestDevice(t, kassa2.id, manager.cookie);
    const [simA, simB] = [await simFor(device), await simFor(device2)];
    const before = await onHand(items[0]!.skuId, setup.store.id);
    const batch = async (sim: SimulatedRegister) => {
      const out = [];
      for (let i = 0; i < 5; i++) out.push(await sim.receipt({ cashierId, lines: [line(items[0]!)] }));
      return out;
    };
    const [a, b] = [await batch(simA), await batch(simB)];
    const responses = await Promise.all([
      sendBatch(a),
      sendBatch(b, device2),
      sendBatch(a),
      sendBatch(b, device2),
    ]);
    for (const r of responses) expect(r.statusCode, r.body).toBe(200);
    expect(await onHand(items[0]!.skuId, setup.store.id)).toBe(before - 10);
    expect(responses[1]!.json().results.map((r: { receiptNumber: number }) => r.receiptNumber)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect((await verify(device2.registerId)).ok).toBe(true);
  });

  it('names an entry edited in the database', async () => {
    const before = await verify(device.registerId);
    expect(before.ok).toBe(true);
    await t.ctx.db.query(
      `update register_journal set payload = jsonb_set(payload, '{receipt,totalToPay}', '1')
        where register_id = $1 and sequence = 2`,
      [device.registerId],
    );
    expect(await verify(device.registerId)).toMatchObject({ ok: false, firstBrokenSequence: 2 });
  });
});
