import type { SaleLineDraft } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, send } from '../register/register.testing';
import { type ExtrasHarness, startExtrasHarness } from '../register/register-extras.testing';
import { runLoyaltyEarn } from './loyalty.earn';
import { pointsFor } from './loyalty.points';
import { pointsBalance, saveLoyaltySettings } from './loyalty.store';

let h: ExtrasHarness;
let item: SaleLineDraft;
let cashierId: string;
let customerId: string;
let companyId: string;

const ledger = (id: string) =>
  h.t.ctx.db.query<{ points: number; reason: string; voucherId: string | null }>(
    `select points, reason, voucher_id as "voucherId" from loyalty_ledger where customer_id = $1 order by occurred_at, id`,
    [id],
  );

beforeAll(async () => {
  h = await startExtrasHarness(30_000);
  ({ item, cashierId } = h);
  const [customer] = await h.t.ctx.db.query<{ id: string; companyId: string }>(
    `update customers set card_number = 'LOY-0001'
      where id = (select id from customers order by id limit 1) returning id, company_id as "companyId"`,
  );
  ({ id: customerId, companyId } = customer!);
});
afterAll(() => h.t.close());

describe('loyalty earning', () => {
  it('earns on a sale with a member exactly once, takes back on a return, issues a voucher at the threshold', async () => {
    const perItem = pointsFor(item.unitPriceInclVat, 100);
    expect(perItem).toBeGreaterThan(0);
    // Threshold above one sale's points: no voucher yet.
    await saveLoyaltySettings(h.t.ctx.db, companyId, {
      storeRateMilli: 100,
      webRateMilli: 100,
      voucherEveryPoints: perItem * 2,
      voucherAmount: 5_000,
    });
    const sold = await h.commands([await h.sim.receipt({ cashierId, customerId, lines: [item] })]);
    expect(sold.statusCode, sold.body).toBe(200);
    const original = sold.json().results[0].receiptId;
    // Two runs at once and one after: the event is booked once.
    await Promise.all([runLoyaltyEarn(h.t.ctx, new Date()), runLoyaltyEarn(h.t.ctx, new Date())]);
    await runLoyaltyEarn(h.t.ctx, new Date());
    expect(await ledger(customerId)).toEqual([{ points: perItem, reason: 'earned', voucherId: null }]);

    const returned = await h.commands([
      await h.sim.receipt(
        {
          cashierId,
          customerId,
          lines: [{ ...item, quantity: -1, originalReceiptId: original, originalLineNo: 1 }],
          payments: [{ method: 'card_standalone', amount: -item.unitPriceInclVat }],
        },
        original,
      ),
    ]);
    expect(returned.statusCode, returned.body).toBe(200);
    await runLoyaltyEarn(h.t.ctx, new Date());
    expect(await pointsBalance(h.t.ctx.db, customerId)).toBe(0);
    expect((await ledger(customerId)).at(-1)).toMatchObject({ points: -perItem, reason: 'returned' });

    // Two sales reach the threshold: one voucher, its points spent in the ledger.
    const two = await h.commands([
      await h.sim.receipt({ cashierId, customerId, lines: [item] }),
      await h.sim.receipt({ cashierId, customerId, lines: [item] }),
    ]);
    expect(two.statusCode, two.body).toBe(200);
    await runLoyaltyEarn(h.t.ctx, new Date());
    const rows = await ledger(customerId);
    const spend = rows.filter((r) => r.reason === 'voucher');
    expect(spend).toHaveLength(1);
    expect(spend[0]!.points).toBe(-perItem * 2);
    expect(await pointsBalance(h.t.ctx.db, customerId)).toBe(0);
    const [voucher] = await h.t.ctx.db.query<{ amount: number; reason: string }>(
      'select amount, reason from vouchers where id = $1',
      [spend[0]!.voucherId],
    );
    expect(voucher).toEqual({ amount: 5_000, reason: 'loyalty' });
  });

  it('books nothing for a sale without a member', async () => {
    const before = await h.t.ctx.db.query('select id from loyalty_ledger');
    const sold = await h.commands([await h.sim.receipt({ cashierId, lines: [item] })]);
    expect(sold.statusCode, sold.body).toBe(200);
    expect(await runLoyaltyEarn(h.t.ctx, new Date())).toBe(0);
    expect(await h.t.ctx.db.query('select id from loyalty_ledger')).toHaveLength(before.length);
  });
});

describe('loyalty routes', () => {
  it('shows a member and changes settings for managers, 400 naming the field on bad input', async () => {
    const member = await send(h.t, h.manager, 'GET', `/api/loyalty/members/${customerId}`);
    expect(member.statusCode, member.body).toBe(200);
    expect(member.json()).toMatchObject({ cardNumber: 'LOY-0001', balance: 0, level: 'member' });
    expect(member.json().ledger.length).toBeGreaterThan(0);
    const good = { storeRateMilli: 200, webRateMilli: 100, voucherEveryPoints: 500, voucherAmount: 5_000 };
    const put = await send(h.t, h.manager, 'PUT', '/api/loyalty/settings', good);
    expect(put.statusCode, put.body).toBe(200);
    expectProblem(
      await send(h.t, h.manager, 'PUT', '/api/loyalty/settings', { ...good, voucherEveryPoints: 0 }),
      400,
      'validation_failed',
      'voucherEveryPoints',
    );
    expect((await send(h.t, h.manager, 'GET', '/api/loyalty/settings')).json()).toEqual(good);
    expect((await send(h.t, h.manager, 'GET', '/api/loyalty/members/nobody')).statusCode).toBe(404);
    const [other] = await h.t.ctx.db.query<{ id: string }>(
      'select id from customers where card_number is null order by id limit 1',
    );
    const enrol = await send(h.t, h.manager, 'POST', '/api/loyalty/members', { customerId: other!.id });
    expect(enrol.statusCode, enrol.body).toBe(201);
    const enrolled = await send(h.t, h.manager, 'GET', `/api/loyalty/members/${other!.id}`);
    expect(enrolled.json().cardNumber).toMatch(/^[0-9]{12}$/);
    expectProblem(
      await send(h.t, h.manager, 'POST', '/api/loyalty/members', {}),
      400,
      'validation_failed',
      'customerId',
    );
  });
});
