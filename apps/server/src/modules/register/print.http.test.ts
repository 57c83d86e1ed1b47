import type { RegisterCatalogItem, RegisterSetup } from '@handla/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import {
  DEMO_PINS,
  demoRegister,
  expectProblem,
  pairTestDevice,
  send,
  type TestDevice,
} from './register.testing';
import { startTestPrinter } from './register-extras.testing';
import { SimulatedRegister } from './simulated-register.testing';

let t: TestApp;
let device: TestDevice;
let setup: RegisterSetup;
let printer: Awaited<ReturnType<typeof startTestPrinter>>;

beforeAll(async () => {
  printer = await startTestPrinter();
  t = await createTestApp();
  const register = await demoRegister(t, 'GBG');
  device = await pairTestDevice(t, register.id);
  const port = printer.port;
  const settings = {
    printerHost: '127.0.0.1',
    printerPort: port,
    controlUnitSerial: null,
    isTrainingAllowed: true,
    idleLockMinutes: 5,
  };
  const owner = { cookie: await signIn(t.app, 'owner') };
  expect((await send(t, owner, 'PUT', `/api/registers/${register.id}/settings`, settings)).statusCode).toBe(
    200,
  );
  setup = (await send(t, device.headers, 'GET', `/api/registers/${register.id}/setup`)).json();
});
afterAll(async () => {
  printer.close();
  await t.close();
});

const printed = (jobs: number) => printer.printed(jobs);

describe('POST /api/receipts/:id/print', () => {
  it('prints the original once, then only journaled copies marked KOPIA at double size', async () => {
    const item = setup.catalog.items.find((i) => i.ean && i.unitPriceInclVat > 0) as RegisterCatalogItem;
    const sim = await SimulatedRegister.create({
      registerId: device.registerId,
      registerCode: setup.register.code,
      privateKey: device.keys.privateKey,
    });
    const cashierId = setup.cashiers.find((c) => c.staffNumber === DEMO_PINS.cashierGbg.staffNumber)!.staffId;
    const sale = await sim.receipt({
      cashierId,
      lines: [
        {
          skuId: item.skuId,
          skuCode: item.sku,
          name: item.name.sv,
          quantity: 1,
          unitPriceInclVat: item.unitPriceInclVat,
          vatRateBp: item.vatRateBp,
        },
      ],
    });
    const applied = await send(t, device.headers, 'POST', `/api/registers/${device.registerId}/commands`, {
      commands: [sale],
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const receiptId = applied.json().results[0].receiptId;

    const original = await send(t, device.headers, 'POST', `/api/receipts/${receiptId}/print`, {});
    expect(original.statusCode, original.body).toBe(200);
    const paper = await printed(1);
    const text = paper.lines.map((l) => l.text).join('\n');
    expect(text).toContain('Demo Butik AB');
    expect(text).toContain(item.name.sv);
    expect(text).not.toContain('KOPIA');
    expect(paper.qrCodes).toContain(receiptId);

    expectProblem(
      await send(t, device.headers, 'POST', `/api/receipts/${receiptId}/print`, {}),
      409,
      'invalid_state',
      'copyId',
    );

    const copy = await sim.copy(cashierId, { id: receiptId, number: 1, totalToPay: item.unitPriceInclVat });
    const journaled = await send(t, device.headers, 'POST', `/api/registers/${device.registerId}/commands`, {
      commands: [copy],
    });
    expect(journaled.statusCode, journaled.body).toBe(200);
    const copyId = copy.kind === 'receipt.copy' ? copy.copyId : '';
    const reprint = await send(t, device.headers, 'POST', `/api/receipts/${receiptId}/print`, { copyId });
    expect(reprint.statusCode, reprint.body).toBe(200);
    const copyPaper = await printed(2);
    const marks = copyPaper.lines.filter((l) => l.text.includes('KOPIA'));
    expect(marks.length).toBeGreaterThanOrEqual(2);
    expect(marks.every((l) => l.width >= 2 && l.height >= 2)).toBe(true);
    const detail = await send(t, device.headers, 'GET', `/api/receipts/${receiptId}`);
    expect(detail.json().copies).toBe(1);
  });
});
