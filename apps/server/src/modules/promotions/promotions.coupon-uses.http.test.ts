// The manager's list of register coupon uses that were not counted: a shared code taken at a till
// while the web shop used it up is booked with the paid receipt and listed here by code, with the
// receipt, register, store and sale time; a counted use and another rule's codes are not listed,
// and a manager of one store sees only that store's sales.
import type { NotCountedCouponUse, RegisterCatalogItem, RegisterSetup } from '@handla/api';
import type { SaleLineDraft } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import {
  DEMO_PINS,
  demoRegister,
  expectProblem,
  pairTestDevice,
  send,
  simulatorFor,
  type TestDevice,
} from '../register/register.testing';
import type { SimulatedRegister } from '../register/simulated-register.testing';

let t: TestApp;
let manager: { cookie: string };
let owner: { cookie: string };

/** A paired register of a store, continuing its journal. */
interface Till {
  device: TestDevice;
  setup: RegisterSetup;
  sim: SimulatedRegister;
  cashierId: string;
}
let sthlm: Till;
let gbg: Till;

async function tillOf(storeCode: 'STHLM' | 'GBG'): Promise<Till> {
  const register = await demoRegister(t, storeCode);
  const device = await pairTestDevice(t, register.id, owner.cookie);
  const setup: RegisterSetup = (
    await send(t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`)
  ).json();
  const cashier = storeCode === 'STHLM' ? DEMO_PINS.cashierSthlm : DEMO_PINS.cashierGbg;
  const cashierId = setup.cashiers.find((c) => c.staffNumber === cashier.staffNumber)!.staffId;
  return { device, setup, sim: await simulatorFor(device, setup), cashierId };
}

const line = (item: RegisterCatalogItem): SaleLineDraft => ({
  skuId: item.skuId,
  skuCode: item.sku,
  name: item.name.sv,
  quantity: 1,
  unitPriceInclVat: item.unitPriceInclVat,
  vatRateBp: item.vatRateBp,
});

/** A coupon rule with one shared code limited to `limit` uses; returns the rule id. */
async function ruleWithSharedCode(name: string, code: string, limit: number): Promise<string> {
  const created = await send(t, manager, 'POST', '/api/promotions', {
    name,
    effect: { type: 'amount_off', target: { kind: 'all', ids: [] }, amount: 1_000 },
    requiresCoupon: true,
  });
  expect(created.statusCode, created.body).toBe(201);
  const ruleId = created.json().id as string;
  const coupon = await send(t, manager, 'POST', `/api/promotions/${ruleId}/coupons`, {
    kind: 'shared',
    code,
    maxRedemptions: limit,
  });
  expect(coupon.statusCode, coupon.body).toBe(201);
  return ruleId;
}

/** A paid register sale with the code on it, as a till that took it offline sends it; its receipt id. */
async function sellWith(code: string, at: string, till = sthlm): Promise<string> {
  const item = till.setup.catalog.items.find((i) => i.unitPriceInclVat > 0)!;
  const command = await till.sim.receipt({
    cashierId: till.cashierId,
    lines: [line(item)],
    couponCodes: [code],
    at,
  });
  const url = `/api/registers/${till.device.registerId}/commands`;
  const synced = await send(t, till.device.headers, 'POST', url, { commands: [command] });
  expect(synced.statusCode, synced.body).toBe(200);
  return synced.json().results[0].receiptId as string;
}

const notCounted = (ruleId: string, as = manager) =>
  send(t, as, 'GET', `/api/promotions/${ruleId}/coupons/not-counted`);

beforeAll(async () => {
  t = await createTestApp();
  manager = { cookie: await signIn(t.app, 'manager') }; // Stockholm's
  owner = { cookie: await signIn(t.app, 'owner') };
  sthlm = await tillOf('STHLM');
  gbg = await tillOf('GBG');
});

afterAll(() => t?.close());

describe('register coupon uses not counted', () => {
  it('lists the over-limit uses of a rule’s codes by code with receipt, register, store and time', async () => {
    const ruleId = await ruleWithSharedCode('Butikskupong 10 kr', 'BUTIK10', 1);
    const other = await ruleWithSharedCode('Annan kupong', 'ANNAN10', 1);
    const counted = await sellWith('BUTIK10', '2026-12-01T09:00:00.000Z');
    const late = await sellWith('BUTIK10', '2026-12-01T10:00:00.000Z');
    const later = await sellWith('BUTIK10', '2026-12-01T11:00:00.000Z');
    await sellWith('ANNAN10', '2026-12-01T09:30:00.000Z');
    await sellWith('ANNAN10', '2026-12-01T09:45:00.000Z');

    const listed = await notCounted(ruleId);
    expect(listed.statusCode, listed.body).toBe(200);
    const items = listed.json().items as NotCountedCouponUse[];
    // The first sale counted the code's one use; the two after it are listed, newest first.
    expect(items.map((i) => i.receiptId)).toEqual([later, late]);
    expect(items.map((i) => i.receiptId)).not.toContain(counted);
    expect(items[0]).toMatchObject({
      code: 'BUTIK10',
      reason: 'coupon_limit_reached',
      registerId: sthlm.device.registerId,
      registerName: sthlm.setup.register.name,
      storeId: sthlm.setup.register.storeId,
      occurredAt: '2026-12-01T11:00:00.000Z',
    });
    expect(items[0]!.receiptNumber).toBe(items[1]!.receiptNumber + 1);
    expect(items[0]!.storeName).toBe(sthlm.setup.store.name);
    expect((await notCounted(other)).json().items).toHaveLength(1);
  });

  it('shows a manager their own store’s uses and the owner every store’s', async () => {
    const ruleId = await ruleWithSharedCode('Kedjekupong', 'KEDJA10', 1);
    await sellWith('KEDJA10', '2026-12-02T09:00:00.000Z');
    const inStockholm = await sellWith('KEDJA10', '2026-12-02T10:00:00.000Z');
    const inGothenburg = await sellWith('KEDJA10', '2026-12-02T11:00:00.000Z', gbg);
    const ids = async (as: { cookie: string }) =>
      ((await notCounted(ruleId, as)).json().items as NotCountedCouponUse[]).map((i) => i.receiptId);
    expect(await ids(manager)).toEqual([inStockholm]);
    expect(await ids(owner)).toEqual([inGothenburg, inStockholm]);
  });

  it('answers 404 naming id for an unknown rule, and refuses a cashier', async () => {
    expectProblem(await notCounted('prm_nope'), 404, 'not_found', 'id');
    const cashier = { cookie: await signIn(t.app, 'cashier') };
    const refused = await send(t, cashier, 'GET', '/api/promotions/prm_nope/coupons/not-counted');
    expect(refused.statusCode).toBe(403);
  });
});
