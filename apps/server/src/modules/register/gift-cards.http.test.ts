import type { RegisterSetup } from '@handla/api';
import type { SaleLineDraft } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import { demoRegister, expectProblem, pairTestDevice, send, type TestDevice } from './register.testing';
import { SimulatedRegister } from './simulated-register.testing';

let t: TestApp;
let device: TestDevice;
let setup: RegisterSetup;
let manager: Record<string, string>;
/** One register for the file: its journal runs on from test to test. */
let sim: SimulatedRegister;

beforeAll(async () => {
  t = await createTestApp();
  manager = { cookie: await signIn(t.app, 'manager') };
  device = await pairTestDevice(t, (await demoRegister(t, 'STHLM')).id, manager.cookie);
  setup = (await send(t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`)).json();
  sim = await SimulatedRegister.create({
    registerId: device.registerId,
    registerCode: setup.register.code,
    privateKey: device.keys.privateKey,
  });
});
afterAll(() => t.close());

describe('gift cards', () => {
  it('issues a card, redeems part of it in a split payment, and refuses more than its balance', async () => {
    const issued = await send(t, manager, 'POST', '/api/gift-cards', { code: 'PRESENT2026', amount: 50_000 });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json().balance).toEqual({ amount: 50_000, currency: 'SEK' });
    expectProblem(
      await send(t, manager, 'POST', '/api/gift-cards', { code: 'PRESENT2026', amount: 100 }),
      409,
      'duplicate',
    );

    const item = setup.catalog.items.find((i) => i.ean && i.unitPriceInclVat > 30_000)!;
    const line: SaleLineDraft = {
      skuId: item.skuId,
      skuCode: item.sku,
      name: item.name.sv,
      quantity: 1,
      unitPriceInclVat: item.unitPriceInclVat,
      vatRateBp: item.vatRateBp,
    };
    const cashierId = setup.cashiers.find((c) => c.role === 'cashier')!.staffId;
    const sale = await sim.receipt({
      cashierId,
      lines: [line],
      payments: [
        { method: 'gift_card', amount: 20_000, reference: 'PRESENT2026' },
        { method: 'card_standalone', amount: item.unitPriceInclVat - 20_000 },
      ],
    });
    const applied = await send(t, device.headers, 'POST', `/api/registers/${device.registerId}/commands`, {
      commands: [sale],
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const balance = await send(t, device.headers, 'GET', '/api/gift-cards/PRESENT2026');
    expect(balance.json().balance.amount).toBe(30_000);

    const tooMuch = await sim.receipt({
      cashierId,
      lines: [line],
      payments: [
        { method: 'gift_card', amount: 30_001, reference: 'PRESENT2026' },
        { method: 'card_standalone', amount: item.unitPriceInclVat - 30_001 },
      ],
    });
    expectProblem(
      await send(t, device.headers, 'POST', `/api/registers/${device.registerId}/commands`, {
        commands: [tooMuch],
      }),
      409,
      'invalid_state',
      'commands.0.draft.payments[0].reference',
    );
    expectProblem(await send(t, {}, 'GET', '/api/gift-cards/PRESENT2026'), 401, 'unauthenticated');
  });

  it('leaves a real card untouched when a practice receipt is paid with it', async () => {
    await send(t, manager, 'POST', '/api/gift-cards', { code: 'OVNING2026', amount: 10_000 });
    // A register of its own: the refused receipt above left this file's simulator a step ahead.
    const owner = await signIn(t.app, 'owner');
    const gbg = await pairTestDevice(t, (await demoRegister(t, 'GBG')).id, owner);
    const gbgSetup: RegisterSetup = (
      await send(t, gbg.headers, 'GET', `/api/registers/${gbg.registerId}/setup`)
    ).json();
    const gbgSim = await SimulatedRegister.create({
      registerId: gbg.registerId,
      registerCode: gbgSetup.register.code,
      privateKey: gbg.keys.privateKey,
    });
    const item = gbgSetup.catalog.items.find((i) => i.unitPriceInclVat > 5_000)!;
    const practice = await gbgSim.receipt({
      cashierId: gbgSetup.cashiers.find((c) => c.role === 'cashier')!.staffId,
      isTraining: true,
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
      payments: [
        { method: 'gift_card', amount: 5_000, reference: 'OVNING2026' },
        { method: 'cash', amount: item.unitPriceInclVat - 5_000 },
      ],
    });
    const applied = await send(t, gbg.headers, 'POST', `/api/registers/${gbg.registerId}/commands`, {
      commands: [practice],
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const balance = await send(t, device.headers, 'GET', '/api/gift-cards/OVNING2026');
    expect(balance.json().balance.amount).toBe(10_000);
  });
});
