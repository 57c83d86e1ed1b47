import type { RegisterCommandDto } from '@handla/api';
import {
  appendEntry,
  controlUnitRequestFor,
  type PrintJournalPayload,
  priceSaleDraft,
  type SaleDraft,
  type SaleLineDraft,
  signerFromPrivateKey,
} from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printedText } from './printing/escpos-decoder.testing';
import { DEMO_PINS, expectProblem, send } from './register.testing';
import { type ExtrasHarness, startExtrasHarness, startTestPrinter } from './register-extras.testing';
import { SimulatedRegister } from './simulated-register.testing';

let h: ExtrasHarness;
let printer: Awaited<ReturnType<typeof startTestPrinter>>;
let item: SaleLineDraft;
let cashierId: string;
const printed = (n: number) => printer.printed(n);

beforeAll(async () => {
  printer = await startTestPrinter();
  h = await startExtrasHarness(10_000);
  ({ item, cashierId } = h);
  const settings = {
    printerHost: '127.0.0.1',
    printerPort: printer.port,
    controlUnitSerial: null,
    isTrainingAllowed: true,
    idleLockMinutes: 5,
  };
  const put = await send(h.t, h.manager, 'PUT', `/api/registers/${h.device.registerId}/settings`, settings);
  expect(put.statusCode).toBe(200);
});
afterAll(async () => {
  printer.close();
  await h.t.close();
});

describe('drawer kick', () => {
  it('opens the drawer with the original of a cash receipt, not with its copy or a card receipt', async () => {
    const cash = await h.sim.receipt({
      cashierId,
      lines: [item],
      payments: [
        { method: 'cash', amount: item.unitPriceInclVat + 10_000, tendered: item.unitPriceInclVat + 10_000 },
      ],
    });
    const card = await h.sim.receipt({ cashierId, lines: [item] });
    const applied = await h.commands([cash, card]);
    expect(applied.statusCode, applied.body).toBe(200);
    const [cashId, cardId] = applied.json().results.map((r: { receiptId: string }) => r.receiptId);

    expect((await send(h.t, h.device.headers, 'POST', `/api/receipts/${cashId}/print`, {})).statusCode).toBe(
      200,
    );
    const original = await printed(1);
    expect(original.pulses).toEqual([{ pin: 2, onMs: 100, offMs: 500 }]);
    expect(printedText(original).some((l) => l.startsWith('Kontant'))).toBe(true);

    const detail = (await send(h.t, h.device.headers, 'GET', `/api/receipts/${cashId}`)).json();
    const copy = await h.sim.copy(cashierId, {
      id: cashId,
      number: detail.number,
      totalToPay: detail.total.amount,
    });
    expect((await h.commands([copy])).statusCode).toBe(200);
    const jobs = printer.jobs();
    expect(
      (
        await send(h.t, h.device.headers, 'POST', `/api/receipts/${cashId}/print`, {
          copyId: (copy as { copyId: string }).copyId,
        })
      ).statusCode,
    ).toBe(200);
    expect((await printed(jobs + 1)).pulses).toEqual([]);

    expect((await send(h.t, h.device.headers, 'POST', `/api/receipts/${cardId}/print`, {})).statusCode).toBe(
      200,
    );
    expect((await printed(jobs + 2)).pulses).toEqual([]);
  });

  it('kicks the drawer alone after a journaled opening without a sale; refuses an unknown command', async () => {
    const opening = await h.sim.drawerOpen(cashierId, 'Växla pengar', DEMO_PINS.manager);
    expect((await h.commands([opening])).statusCode).toBe(200);
    const jobs = printer.jobs();
    const kicked = await send(
      h.t,
      h.device.headers,
      'POST',
      `/api/registers/${h.device.registerId}/drawer/kick`,
      {
        commandId: opening.commandId,
      },
    );
    expect(kicked.statusCode, kicked.body).toBe(200);
    const job = await printed(jobs + 1);
    expect(job.pulses).toEqual([{ pin: 2, onMs: 100, offMs: 500 }]);
    expect(printedText(job)).toEqual([]);
    expect(job.cuts).toBe(0);
    const sale = (await h.commands([await h.sim.receipt({ cashierId, lines: [item] })])).json().results[0];
    expectProblem(
      await send(h.t, h.device.headers, 'POST', `/api/registers/${h.device.registerId}/drawer/kick`, {
        commandId: sale.commandId,
      }),
      404,
      'not_found',
      'commandId',
    );
    expect(printer.jobs()).toBe(jobs + 1);
  });
});

describe('pro-forma print', () => {
  it('journals the cart as a pro-forma and prints it marked EJ KVITTO twice at double size', async () => {
    const draft: SaleDraft = { currency: 'SEK', isTraining: false, lines: [item], payments: [] };
    const receipt = priceSaleDraft(draft, { role: 'cashier', discountLimits: h.setup.discountLimits });
    const at = new Date().toISOString();
    const head = h.sim.head;
    const controlUnit = await h.sim.controlUnit.requestControlCode(
      controlUnitRequestFor(receipt, {
        organisationNumber: '5599999991',
        registerId: h.setup.register.code,
        receiptNumber: head.receiptNumber + 1,
        at,
        receiptType: 'pro_forma',
      }),
    );
    const payload: PrintJournalPayload = {
      documentId: 'pfm_test_1',
      receiptNumber: head.receiptNumber + 1,
      cashierId,
      totalToPay: receipt.totalToPay,
      currency: 'SEK',
      controlUnit,
      receipt,
    };
    const entry = await appendEntry(
      { registerId: h.device.registerId, sequence: head.sequence, hash: head.hash },
      { registerId: h.device.registerId, kind: 'pro_forma', at, payload },
      signerFromPrivateKey(h.device.keys.privateKey),
    );
    const command: RegisterCommandDto = {
      commandId: 'cmd_pfm_test_1',
      registerId: h.device.registerId,
      deviceSequence: 1000,
      cashierId,
      at,
      journalEntry: entry,
      kind: 'receipt.pro_forma',
      proFormaId: 'pfm_test_1',
      draft: { ...draft, lines: [...draft.lines], payments: [] },
      controlUnit,
    };
    const applied = await h.commands([command]);
    expect(applied.statusCode, applied.body).toBe(200);
    h.sim = await SimulatedRegister.create({
      registerId: h.device.registerId,
      registerCode: h.setup.register.code,
      privateKey: h.device.keys.privateKey,
      head: { ...head, sequence: entry.sequence, hash: entry.hash },
    });

    const jobs = printer.jobs();
    const print = await send(
      h.t,
      h.device.headers,
      'POST',
      `/api/registers/${h.device.registerId}/pro-forma/pfm_test_1/print`,
    );
    expect(print.statusCode, print.body).toBe(200);
    const job = await printed(jobs + 1);
    const markers = job.lines.filter((l) => l.text.trim() === 'EJ KVITTO');
    expect(markers).toHaveLength(2);
    for (const marker of markers) expect(marker).toMatchObject({ width: 2, height: 2 });
    expect(printedText(job)).toContain(`Kontrollkod: ${controlUnit.controlCode}`);
    expect(job.pulses).toEqual([]);

    const x = (await send(h.t, h.manager, 'GET', `/api/registers/${h.device.registerId}/reports/x`)).json();
    expect(x.proForma).toEqual({ count: 1, amount: receipt.totalToPay });
    const verified = await send(
      h.t,
      h.manager,
      'GET',
      `/api/registers/${h.device.registerId}/journal/verify`,
    );
    expect(verified.json().ok).toBe(true);
    expectProblem(
      await send(h.t, h.device.headers, 'POST', `/api/registers/${h.device.registerId}/pro-forma/nope/print`),
      404,
      'not_found',
      'proFormaId',
    );
  });
});
