import type { RegisterCatalogItem, RegisterCommandDto, RegisterSetup } from '@handla/api';
import {
  appendEntry,
  formatAmount,
  type JournalEntryInput,
  money,
  roundForCash,
  type SaleLineDraft,
  signerFromPrivateKey,
} from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import {
  demoRegister,
  demoStaffIds,
  expectProblem,
  pairTestDevice,
  send,
  simulatorFor,
  type TestDevice,
} from './register.testing';
import { startTestPrinter } from './register-extras.testing';
import { SimulatedRegister } from './simulated-register.testing';

let t: TestApp;
let device: TestDevice;
let gbgDevice: TestDevice;
let setup: RegisterSetup;
let sim: SimulatedRegister;
let cashierId: string;
let managerId: string;
let item: RegisterCatalogItem;
let printer: Awaited<ReturnType<typeof startTestPrinter>>;
const cookies: Record<'owner' | 'manager' | 'cashier', Record<string, string>> = {
  owner: {},
  manager: {},
  cashier: {},
};

const reportsUrl = (d = device) => `/api/registers/${d.registerId}/reports`;
const sendBatch = (commands: RegisterCommandDto[]) =>
  send(t, device.headers, 'POST', `/api/registers/${device.registerId}/commands`, { commands });
const plainAmount = (ore: number) =>
  formatAmount(money(ore, 'SEK'))
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2212/g, '-');

async function apply(command: RegisterCommandDto) {
  const response = await sendBatch([command]);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().results[0] as { receiptId: string | null; sequence: number };
}

/**
 * A journal-only command (drawer, cash movement, report) made like the register does: the entry is
 * appended to the simulated register's chain and the simulator continues from the new head.
 */
let extraCounter = 0;
async function journalOnly(
  kind: JournalEntryInput['kind'],
  payload: Record<string, unknown>,
  body: Record<string, unknown>,
  by = cashierId,
): Promise<RegisterCommandDto> {
  const at = new Date().toISOString();
  const head = sim.head;
  const journalEntry = await appendEntry(
    head.sequence === 0 ? null : { registerId: device.registerId, sequence: head.sequence, hash: head.hash },
    { registerId: device.registerId, kind, at, payload: { cashierId: by, ...payload } },
    signerFromPrivateKey(device.keys.privateKey),
  );
  sim = await simulatorFor(device, setup, {
    sequence: journalEntry.sequence,
    hash: journalEntry.hash,
    receiptNumber: head.receiptNumber,
  });
  extraCounter += 1;
  return {
    commandId: `cmd_report_test_${extraCounter}_${Date.now()}`,
    registerId: device.registerId,
    deviceSequence: 1000 + extraCounter,
    cashierId: by,
    at,
    journalEntry,
    ...body,
  } as RegisterCommandDto;
}

/** An X or Z report as the register makes it: its own figures (here the server's X) and the count. */
async function report(
  kind: 'x' | 'z',
  reportId: string,
  cashCount?: { currency: string; counted: number }[],
) {
  const x = await send(t, device.headers, 'GET', `${reportsUrl()}/x`);
  expect(x.statusCode, x.body).toBe(200);
  const extra = cashCount ? { cashCount } : {};
  const command = await journalOnly(
    kind === 'z' ? 'report_z' : 'report_x',
    { ...x.json(), kind, reportId, ...extra },
    { kind: kind === 'z' ? 'report.z' : 'report.x', reportId, ...extra },
  );
  await apply(command);
  return command;
}

const line = (quantity: number, extra: Partial<SaleLineDraft> = {}): SaleLineDraft => ({
  skuId: item.skuId,
  skuCode: item.sku,
  name: item.name.sv,
  quantity,
  unitPriceInclVat: item.unitPriceInclVat,
  vatRateBp: item.vatRateBp,
  ...extra,
});

const printed = (jobs: number) => printer.printed(jobs);

beforeAll(async () => {
  printer = await startTestPrinter();
  t = await createTestApp();
  for (const role of ['owner', 'manager', 'cashier'] as const) {
    cookies[role] = { cookie: await signIn(t.app, role) };
  }
  const register = await demoRegister(t, 'STHLM');
  device = await pairTestDevice(t, register.id, cookies.manager.cookie);
  gbgDevice = await pairTestDevice(t, (await demoRegister(t, 'GBG')).id);
  const settings = {
    printerHost: '127.0.0.1',
    printerPort: printer.port,
    controlUnitSerial: null,
    isTrainingAllowed: true,
    idleLockMinutes: 5,
  };
  const saved = await send(t, cookies.owner, 'PUT', `/api/registers/${register.id}/settings`, settings);
  expect(saved.statusCode, saved.body).toBe(200);
  setup = (await send(t, device.headers, 'GET', `/api/registers/${register.id}/setup`)).json();
  item = setup.catalog.items.find((i) => i.ean && !i.isBundle && i.unitPriceInclVat > 0)!;
  ({ cashierId, managerId } = demoStaffIds(setup));
  sim = await simulatorFor(device, setup);
});
afterAll(async () => {
  printer.close();
  await t.close();
});

describe('X and Z reports of a register', () => {
  const price = () => item.unitPriceInclVat;
  let cashPaid: number;
  let cashRefunded: number;
  const z1Id = 'z-1';
  const expectedCash = () => 100_000 - 5_000 + cashPaid - cashRefunded;

  it('adds up a day from the journal: training kept out, drawer and cash movements counted', async () => {
    cashPaid = roundForCash(money(2 * price(), 'SEK')).roundedTotal.amount;
    cashRefunded = roundForCash(money(price(), 'SEK')).roundedTotal.amount;
    const cashSale = await apply(
      await sim.receipt({
        cashierId,
        lines: [line(2)],
        payments: [{ method: 'cash', amount: cashPaid, tendered: cashPaid + 10_000 }],
      }),
    );
    await apply(await sim.receipt({ cashierId, lines: [line(1)] }));
    await apply(
      await sim.receipt(
        {
          cashierId,
          lines: [line(-1, { originalReceiptId: cashSale.receiptId!, originalLineNo: 1 })],
          payments: [{ method: 'cash', amount: -cashRefunded }],
        },
        cashSale.receiptId,
      ),
    );
    await apply(await sim.receipt({ cashierId, lines: [line(3)], isTraining: true }));
    await apply(
      await journalOnly(
        'drawer_open',
        { reason: 'Växla' },
        { kind: 'drawer.open', reason: 'Växla' },
        managerId,
      ),
    );
    const movement = (movement: string, amount: number, currency: string, note?: string) =>
      journalOnly(
        'cash_movement',
        { movement, amount, currency, ...(note ? { note } : {}) },
        { kind: 'cash.movement', movement, amount, currency, ...(note ? { note } : {}) },
      ).then(apply);
    await movement('float', 100_000, 'SEK');
    await movement('expense', 5_000, 'SEK', 'Kaffe');
    await movement('float', 5_000, 'EUR');
    await movement('deposit', 2_000, 'EUR');
    await report('x', 'x-1');

    const list = await send(t, device.headers, 'GET', reportsUrl());
    expect(list.statusCode, list.body).toBe(200);
    const [x] = list.json().items;
    expect(x).toMatchObject({ reportId: 'x-1', kind: 'x', number: null, cashierId });
    expect(x.report).toMatchObject({
      sales: { count: 2, amount: 3 * price() },
      returns: { count: 1, amount: -price() },
      net: 2 * price(),
      receiptCount: 3,
      training: { count: 1, amount: 3 * price() },
      drawerOpenings: { withSale: 2, withoutSale: 1 },
      expectedCash: expectedCash(),
      grandTotals: { sales: 3 * price(), returns: -price(), net: 2 * price() },
    });
    expect(x.report.cashMovements).toContainEqual({
      movement: 'deposit',
      currency: 'EUR',
      count: 1,
      amount: 2_000,
    });
  });

  it('closes the day with a Z report and a cash count; the next day starts at zero, grand totals go on', async () => {
    const expected = expectedCash();
    const z1Command = await report('z', 'z-1', [
      { currency: 'SEK', counted: expected - 100 },
      { currency: 'EUR', counted: 3_000 },
      { currency: 'NOK', counted: 500 },
    ]);
    // Sent again (a retry after a lost answer): applied once, the day is not closed twice.
    const again = await sendBatch([z1Command]);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().results[0]).toMatchObject({ isRepeat: true });
    // A negative count is refused naming the field, and nothing is journaled.
    const negative = await journalOnly(
      'report_z',
      { reportId: 'z-bad' },
      { kind: 'report.z', reportId: 'z-bad', cashCount: [{ currency: 'SEK', counted: -1 }] },
    );
    const refused = await sendBatch([negative]);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().code).toBe('validation_failed');
    expect(JSON.stringify(refused.json().errors)).toContain('counted');
    sim = await SimulatedRegister.create({
      registerId: device.registerId,
      registerCode: setup.register.code,
      privateKey: device.keys.privateKey,
      head: (await send(t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`)).json()
        .journalHead,
    });
    await apply(await sim.receipt({ cashierId, lines: [line(1)] }));
    await report('z', 'z-2');

    const zs = await send(t, cookies.manager, 'GET', `${reportsUrl()}?kind=z`);
    expect(zs.statusCode, zs.body).toBe(200);
    const [z2, z1] = zs.json().items;
    expect(zs.json().items).toHaveLength(2);
    expect(z1).toMatchObject({ reportId: 'z-1', number: 1 });
    expect(z1.report).toMatchObject({ sales: { count: 2 }, net: 2 * price() });
    expect(z1.cashCount).toEqual([
      { currency: 'SEK', counted: expected - 100, expected, difference: -100 },
      { currency: 'EUR', counted: 3_000, expected: 3_000, difference: 0 },
      { currency: 'NOK', counted: 500, expected: null, difference: null },
    ]);
    expect(z2).toMatchObject({ reportId: 'z-2', number: 2, cashCount: [] });
    expect(z2.report).toMatchObject({
      sales: { count: 1, amount: price() },
      returns: { count: 0, amount: 0 },
      training: { count: 0 },
      drawerOpenings: { withSale: 0, withoutSale: 0 },
      cashMovements: [],
      grandTotals: { sales: 4 * price(), returns: -price(), net: 3 * price() },
    });

    const one = await send(t, device.headers, 'GET', `${reportsUrl()}/z-1`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual(z1);
    expectProblem(await send(t, device.headers, 'GET', `${reportsUrl()}/nope`), 404, 'not_found', 'reportId');
  });

  it('prints a Z report on the register’s printer with its figures', async () => {
    const result = await send(t, device.headers, 'POST', `${reportsUrl()}/${z1Id}/print`);
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json().bytes).toBeGreaterThan(0);
    const paper = await printed(1);
    const text = paper.lines.map((l) => l.text).join('\n');
    expect(text).toContain('Z-RAPPORT');
    expect(paper.lines.find((l) => l.text.includes('Z-RAPPORT'))!.height).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/Rapport nr\s+1/);
    expect(text).toMatch(new RegExp(`Försäljning \\(2 st\\)\\s+${plainAmount(3 * price())}`));
    expect(text).toMatch(/Övningskvitton \(1 st\)/);
    expect(text).toMatch(/Lådöppningar utan köp\s+1/);
    expect(text).toMatch(new RegExp(`Förväntat i kassan\\s+${plainAmount(expectedCash())}`));
  });

  it('is for the register’s device and managers of its store only', async () => {
    expectProblem(await send(t, cookies.cashier, 'GET', reportsUrl()), 403, 'forbidden');
    expectProblem(await send(t, {}, 'GET', reportsUrl()), 401, 'unauthenticated');
    expectProblem(await send(t, gbgDevice.headers, 'GET', reportsUrl()), 403, 'forbidden', 'id');
    expectProblem(
      await send(t, gbgDevice.headers, 'POST', `${reportsUrl()}/${z1Id}/print`),
      403,
      'forbidden',
    );
    expectProblem(await send(t, device.headers, 'GET', `${reportsUrl()}?kind=y`), 400, 'validation_failed');
  });
});

describe('GET /api/reports/registers', () => {
  const day = () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  };

  it('sums sales, returns, net and receipts per register and in total (training kept out)', async () => {
    const price = item.unitPriceInclVat;
    const owner = await send(t, cookies.owner, 'GET', `/api/reports/registers?${day()}`);
    expect(owner.statusCode, owner.body).toBe(200);
    const { registers, total } = owner.json();
    expect(registers.find((r: { registerId: string }) => r.registerId === device.registerId)).toMatchObject({
      sales: 4 * price,
      returns: -price,
      net: 3 * price,
      receipts: 4,
    });
    expect(registers.some((r: { registerId: string }) => r.registerId === gbgDevice.registerId)).toBe(true);
    expect(total).toEqual({ sales: 4 * price, returns: -price, net: 3 * price, receipts: 4 });

    const manager = await send(t, cookies.manager, 'GET', `/api/reports/registers?${day()}`);
    expect(manager.statusCode, manager.body).toBe(200);
    expect(manager.json().registers.every((r: { storeId: string }) => r.storeId === setup.store.id)).toBe(
      true,
    );

    const earlier = new Date(Date.now() - 7_200_000).toISOString();
    const before = await send(
      t,
      cookies.owner,
      'GET',
      `/api/reports/registers?from=${encodeURIComponent(earlier)}&to=${encodeURIComponent(earlier.replace(/Z$/, '+00:00'))}`,
    );
    expectProblem(before, 400, 'validation_failed', 'to');
  });

  it('refuses cashiers and a missing period', async () => {
    expectProblem(await send(t, cookies.cashier, 'GET', `/api/reports/registers?${day()}`), 403, 'forbidden');
    expectProblem(await send(t, cookies.owner, 'GET', '/api/reports/registers'), 400, 'validation_failed');
  });
});
