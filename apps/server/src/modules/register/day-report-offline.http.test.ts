// The register's offline X and Z reports against the server's: the same journal, fed once through
// the register's own day store (apps/pos/src/offline/day-journal.ts, the code the device runs) and
// once through the API, must give the same figures — and a report id names one report only.
import type { RegisterCatalogItem, RegisterCommandDto, RegisterSetup } from '@handla/api';
import { type DayReport, money, roundForCash, type SaleLineDraft } from '@handla/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildJournalCommand, type CommandBody } from '../../../../pos/src/cash/journal-command';
import {
  appendToDay,
  baseFromServer,
  FIRST_DAY,
  journalEntryOf,
  type LocalDay,
  localDayReport,
  nextZNumber,
} from '../../../../pos/src/offline/day-journal';
import { createTestApp, type TestApp } from '../../testing/test-app';
import {
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
let sim: SimulatedRegister;
let cashierId: string;
let managerId: string;
let item: RegisterCatalogItem;
/** The register's own copy of the day, kept exactly as `recordCompletion` keeps it. */
let day: LocalDay = { base: FIRST_DAY, entries: [] };
let deviceSequence = 500;

const reportsUrl = () => `/api/registers/${device.registerId}/reports`;

const postCommand = (command: RegisterCommandDto) =>
  send(t, device.headers, 'POST', `/api/registers/${device.registerId}/commands`, { commands: [command] });

async function apply(command: RegisterCommandDto, { keep } = { keep: true }) {
  const response = await postCommand(command);
  expect(response.statusCode, response.body).toBe(200);
  const entry = journalEntryOf(command)!;
  if (keep) day = appendToDay(day, entry.sequence - 1, entry);
  return response.json().results[0] as { receiptId: string | null };
}

/** A journal-only command made by the register's own code from the simulator's head. */
async function journalOnly(
  entryKind: Parameters<typeof buildJournalCommand>[1],
  payload: Record<string, unknown>,
  body: CommandBody,
  by = cashierId,
) {
  const head = { ...sim.head, deviceSequence: deviceSequence++ };
  const command = await buildJournalCommand(
    {
      head,
      registerId: device.registerId,
      privateKey: device.keys.privateKey,
      cashierId: by,
      at: new Date().toISOString(),
      commandId: `cmd_offline_${deviceSequence}_${Date.now()}`,
    },
    entryKind,
    { cashierId: by, ...payload },
    body,
  );
  await restartFrom({
    ...sim.head,
    sequence: command.journalEntry.sequence,
    hash: command.journalEntry.hash,
  });
  return command;
}

/** The simulator continuing from `head` again, after a command the server refused. */
async function restartFrom(head: SimulatedRegister['head']) {
  sim = await simulatorFor(device, setup, head);
}

/** The device's figures now (null when it does not hold the whole day). */
const localX = (kind: 'x' | 'z' = 'x') =>
  localDayReport(day, sim.head.sequence, {
    kind,
    registerId: device.registerId,
    currency: setup.company.currency,
    createdAt: new Date().toISOString(),
  });

const withoutTime = ({ createdAt: _createdAt, ...figures }: DayReport) => figures;

async function serverX(): Promise<DayReport> {
  const x = await send(t, device.headers, 'GET', `${reportsUrl()}/x`);
  expect(x.statusCode, x.body).toBe(200);
  return x.json();
}

async function serverLastZ() {
  const zs = await send(t, device.headers, 'GET', `${reportsUrl()}?kind=z`);
  expect(zs.statusCode, zs.body).toBe(200);
  return zs.json().items[0] ?? null;
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

beforeAll(async () => {
  t = await createTestApp();
  const register = await demoRegister(t, 'STHLM', 'KASSA-2');
  device = await pairTestDevice(t, register.id);
  setup = (await send(t, device.headers, 'GET', `/api/registers/${register.id}/setup`)).json();
  expect(setup.lastZ).toBeNull();
  item = setup.catalog.items.find((i) => i.ean && !i.isBundle && i.unitPriceInclVat > 0)!;
  ({ cashierId, managerId } = demoStaffIds(setup));
  sim = await simulatorFor(device, setup);
});

describe('X and Z reports made on the register, offline', () => {
  it('computes the same day as the server from the same journal, and the same Z', async () => {
    // A sale the server has but the device does not keep (sent before its day store existed, or
    // by another device of the register): the device refuses its figures rather than miss it,
    // still after a Z it closes that day with, until the server names that Z.
    await apply(await sim.receipt({ cashierId, lines: [line(1)] }), { keep: false });
    expect(localX()).toBeNull();
    const x0 = await serverX();
    await apply(
      await journalOnly(
        'report_z',
        { ...x0, kind: 'z', reportId: 'zo-0' },
        { kind: 'report.z', reportId: 'zo-0' },
      ),
    );
    expect(day.base.carried).toBeNull();
    expect(localX()).toBeNull();
    const serverZ0 = await serverLastZ();
    expect(serverZ0).toMatchObject({ reportId: 'zo-0', number: 1 });
    day = { base: baseFromServer(day.base, serverZ0) ?? day.base, entries: day.entries };
    expect(localX()).not.toBeNull();

    const price = item.unitPriceInclVat;
    const cash = roundForCash(money(2 * price, 'SEK')).roundedTotal.amount;
    const sale = await apply(
      await sim.receipt({
        cashierId,
        lines: [line(2)],
        payments: [{ method: 'cash', amount: cash, tendered: cash + 5_000 }],
      }),
    );
    const saleNumber = sim.head.receiptNumber;
    const discount = { kind: 'percent', value: 1_000, reason: 'Skadad' } as const;
    await apply(await sim.receipt({ cashierId, lines: [line(1, { discount })] }));
    await apply(
      await sim.receipt(
        {
          cashierId,
          lines: [line(-1, { originalReceiptId: sale.receiptId!, originalLineNo: 1 })],
          payments: [{ method: 'cash', amount: -roundForCash(money(price, 'SEK')).roundedTotal.amount }],
        },
        sale.receiptId,
      ),
    );
    await apply(await sim.receipt({ cashierId, lines: [line(4)], isTraining: true }));
    await apply(await sim.copy(cashierId, { id: sale.receiptId!, number: saleNumber, totalToPay: cash }));
    await apply(
      await journalOnly(
        'drawer_open',
        { reason: 'Växla' },
        { kind: 'drawer.open', reason: 'Växla' },
        managerId,
      ),
    );
    for (const [movement, amount, currency] of [
      ['float', 100_000, 'SEK'],
      ['expense', 4_500, 'SEK'],
      ['float', 5_000, 'EUR'],
    ] as const) {
      await apply(
        await journalOnly(
          'cash_movement',
          { movement, amount, currency },
          { kind: 'cash.movement', movement, amount, currency },
        ),
      );
    }

    const x1 = localX()!;
    expect(x1.sales.count).toBe(2);
    expect(x1.training.count).toBe(1);
    expect(x1.copies.count).toBe(1);
    expect(x1.discounts.count).toBe(1);
    expect(withoutTime(x1)).toEqual(withoutTime(await serverX()));
    await apply(
      await journalOnly('report_x', { ...x1, reportId: 'xo-1' }, { kind: 'report.x', reportId: 'xo-1' }),
    );
    expect(withoutTime(localX()!)).toEqual(withoutTime(await serverX()));

    // The Z the register makes offline: its own figures, counted cash; the server recomputes it.
    const zNumber = nextZNumber(day.base);
    const z = localX('z')!;
    const cashCount = [{ currency: 'SEK', counted: z.expectedCash }];
    await apply(
      await journalOnly(
        'report_z',
        { ...z, reportId: 'zo-1', cashCount },
        { kind: 'report.z', reportId: 'zo-1', cashCount },
      ),
    );
    const stored = await send(t, device.headers, 'GET', `${reportsUrl()}/zo-1`);
    expect(stored.statusCode, stored.body).toBe(200);
    expect(withoutTime(stored.json().report)).toEqual(withoutTime(z));
    expect(stored.json()).toMatchObject({ number: zNumber, cashCount: [{ currency: 'SEK', difference: 0 }] });
    // The device starts a new day with the same carried totals and Z number the server has.
    expect(day.entries).toEqual([]);
    expect(day.base).toEqual({
      zSequence: stored.json().sequence,
      carried: { zNumber, grandTotals: stored.json().report.grandTotals },
    });
    expect(baseFromServer(day.base, stored.json())).toBeNull();
    // The register's setup names the same last Z, so a device that never opened the cash screen
    // online starts its day where the server's does.
    const lastZ = (await send(t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`)).json()
      .lastZ;
    expect(lastZ).toEqual({ sequence: stored.json().sequence, number: zNumber, grandTotals: z.grandTotals });
    expect(withoutTime(localX()!)).toEqual(withoutTime(await serverX()));

    await apply(await sim.receipt({ cashierId, lines: [line(1)] }));
    const x2 = localX()!;
    expect(x2).toMatchObject({
      sales: { count: 1, amount: price },
      training: { count: 0 },
      cashMovements: [],
    });
    expect(x2.grandTotals.sales).toBe(z.grandTotals.sales + price);
    expect(withoutTime(x2)).toEqual(withoutTime(await serverX()));
  });

  it('refuses a report whose id another report of the register has, applying nothing', async () => {
    const before = (await send(t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`)).json()
      .journalHead;
    const reports = (await send(t, device.headers, 'GET', reportsUrl())).json().items.length;
    const headBefore = sim.head;
    // A Z or an X reusing a report's id, and an entry naming another report than its command.
    const refusals = [
      ['report_z', 'zo-1', 'zo-1', 409, 'duplicate', 'commands.0.reportId'],
      ['report_x', 'zo-1', 'zo-1', 409, 'duplicate', 'commands.0.reportId'],
      ['report_x', 'xo-other', 'xo-2', 400, 'validation_failed', 'commands.0.journalEntry.payload.reportId'],
    ] as const;
    for (const [kind, entryId, reportId, status, code, field] of refusals) {
      await restartFrom(headBefore);
      const command = await journalOnly(
        kind,
        { ...localX(kind === 'report_z' ? 'z' : 'x')!, reportId: entryId },
        { kind: kind === 'report_z' ? 'report.z' : 'report.x', reportId },
      );
      expectProblem(await postCommand(command), status, code, field);
    }

    const after = (await send(t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`)).json()
      .journalHead;
    expect(after).toEqual(before);
    expect((await send(t, device.headers, 'GET', reportsUrl())).json().items).toHaveLength(reports);

    // A new id on the same entry number goes through.
    await restartFrom(headBefore);
    await apply(
      await journalOnly(
        'report_x',
        { ...localX()!, reportId: 'xo-2' },
        { kind: 'report.x', reportId: 'xo-2' },
      ),
    );
    expect((await send(t, device.headers, 'GET', reportsUrl())).json().items).toHaveLength(reports + 1);
  });
});
