// Two registers of one store take the same single-use voucher at the same moment: one sale
// is paid with it, the other is refused, and the voucher is redeemed once. On PostgreSQL the two
// commands really run at once (the suite runs this file there too).
import type { RegisterSetup } from '@handla/api';
import type { SaleLineDraft } from '@handla/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoRegister, pairTestDevice, send } from './register.testing';
import { type ExtrasHarness, startExtrasHarness } from './register-extras.testing';
import { SimulatedRegister } from './simulated-register.testing';

let h: ExtrasHarness;
beforeAll(async () => {
  h = await startExtrasHarness(30_000);
});
afterAll(() => h.t.close());

it('a single-use voucher pays one of two sales racing for it', async () => {
  const issued = await send(h.t, h.manager, 'POST', '/api/vouchers', {
    code: 'RACE2026AAA',
    amount: 10_000,
    reason: 'Kampanj',
  });
  expect(issued.statusCode, issued.body).toBe(201);

  const second = await pairTestDevice(
    h.t,
    (await demoRegister(h.t, 'STHLM', 'KASSA-2')).id,
    h.manager.cookie,
  );
  const setup2: RegisterSetup = (
    await send(h.t, second.headers, 'GET', `/api/registers/${second.registerId}/setup`)
  ).json();
  const sim2 = await SimulatedRegister.create({
    registerId: second.registerId,
    registerCode: setup2.register.code,
    privateKey: second.keys.privateKey,
  });
  // Different items, so the two sales do not already wait for each other on a stock row.
  const other = setup2.catalog.items.find((i) => i.skuId !== h.item.skuId && i.unitPriceInclVat > 10_000)!;
  const sale = (register: SimulatedRegister, item: SaleLineDraft) =>
    register.receipt({
      cashierId: h.cashierId,
      lines: [item],
      payments: [
        { method: 'voucher', amount: 10_000, reference: 'RACE2026AAA' },
        { method: 'card_standalone', amount: item.unitPriceInclVat - 10_000 },
      ],
    });
  const otherLine: SaleLineDraft = {
    skuId: other.skuId,
    skuCode: other.sku,
    name: other.name.sv,
    quantity: 1,
    unitPriceInclVat: other.unitPriceInclVat,
    vatRateBp: other.vatRateBp,
  };
  const [a, b] = await Promise.all([
    h.commands([await sale(h.sim, h.item)]),
    sale(sim2, otherLine).then((cmd) =>
      send(h.t, second.headers, 'POST', `/api/registers/${second.registerId}/commands`, { commands: [cmd] }),
    ),
  ]);
  const codes = [a.statusCode, b.statusCode].sort();
  expect(codes, `${a.body}\n${b.body}`).toEqual([200, 409]);
  const [used] = await h.t.ctx.db.query<{ n: number }>(
    `select count(*)::integer as n from voucher_redemptions r join vouchers v on v.id = r.voucher_id
      where v.code = 'RACE2026AAA'`,
  );
  expect(used!.n).toBe(1);
});
