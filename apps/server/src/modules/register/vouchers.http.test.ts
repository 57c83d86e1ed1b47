import type { SaleLineDraft } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../testing/test-app';
import { expectProblem, send } from './register.testing';
import { type ExtrasHarness, startExtrasHarness } from './register-extras.testing';
import type { SimulatedRegister } from './simulated-register.testing';

let h: ExtrasHarness;
let item: SaleLineDraft;
let cashierId: string;
const voucher = async (code: string) =>
  (await send(h.t, h.device.headers, 'GET', `/api/vouchers/${code}`)).json();
const issue = (body: object) => send(h.t, h.manager, 'POST', '/api/vouchers', body);
// A sale of `item` paying `amount` with the voucher `code` and the rest by card.
const payWith = (register: SimulatedRegister, code: string, amount: number) =>
  register.receipt({
    cashierId,
    lines: [item],
    payments: [
      { method: 'voucher', amount, reference: code },
      ...(amount < item.unitPriceInclVat
        ? [{ method: 'card_standalone' as const, amount: item.unitPriceInclVat - amount }]
        : []),
    ],
  });

beforeAll(async () => {
  h = await startExtrasHarness(30_000);
  ({ item, cashierId } = h);
});
afterAll(() => h.t.close());

describe('vouchers', () => {
  it('is issued by managers only, with a valid body, once per code', async () => {
    const issued = await issue({ code: 'KUPONG2026A', amount: 10_000, reason: 'Kampanj' });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toMatchObject({
      amount: { amount: 10_000, currency: 'SEK' },
      status: 'valid',
      isSingleUse: true,
    });
    expectProblem(await issue({ code: 'KUPONG2026A', amount: 100, reason: 'x' }), 409, 'duplicate', 'code');
    expectProblem(await issue({ amount: 5, reason: 'x' }), 400, 'validation_failed', 'amount');
    expectProblem(
      await issue({ amount: 500, reason: 'x', validUntil: '2020-01-01T00:00:00Z' }),
      400,
      'validation_failed',
      'validUntil',
    );
    const cashier = { cookie: await signIn(h.t.app, 'cashier') };
    expectProblem(
      await send(h.t, cashier, 'POST', '/api/vouchers', { amount: 500, reason: 'x' }),
      403,
      'forbidden',
    );
    expectProblem(await send(h.t, {}, 'GET', '/api/vouchers/KUPONG2026A'), 401, 'unauthenticated');
    expectProblem(
      await send(h.t, h.device.headers, 'GET', '/api/vouchers/NOSUCH0000'),
      404,
      'not_found',
      'code',
    );
  });

  it('pays once; the unused rest is forfeited; a second use, an unknown and an expired one are refused', async () => {
    const paid = await h.commands([await payWith(h.sim, 'KUPONG2026A', 10_000)]);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(await voucher('KUPONG2026A')).toMatchObject({ status: 'used', timesUsed: 1 });

    expectProblem(
      await h.commands([await payWith(await h.fork(), 'KUPONG2026A', 10_000)]),
      409,
      'invalid_state',
      'commands.0.draft.payments[0].reference',
    );
    expectProblem(
      await h.commands([await payWith(await h.fork(), 'NOSUCHVOUCHER', 10_000)]),
      400,
      'validation_failed',
      'commands.0.draft.payments[0].reference',
    );
    await issue({ code: 'GAMMAL2025X', amount: 10_000, reason: 'Kampanj' });
    await h.t.ctx.db.query(
      `update vouchers set valid_until = now() - interval '1 day' where code = 'GAMMAL2025X'`,
    );
    expectProblem(
      await h.commands([await payWith(await h.fork(), 'GAMMAL2025X', 10_000)]),
      409,
      'invalid_state',
      'commands.0.draft.payments[0].reference',
    );
    await issue({ code: 'LITEN2026XX', amount: 5_000, reason: 'Kampanj' });
    expectProblem(
      await h.commands([await payWith(await h.fork(), 'LITEN2026XX', 5_001)]),
      409,
      'invalid_state',
      'commands.0.draft.payments[0].reference',
    );
    expect(await voucher('GAMMAL2025X')).toMatchObject({ status: 'expired', timesUsed: 0 });
    expect(await voucher('LITEN2026XX')).toMatchObject({ status: 'valid', timesUsed: 0 });

    // Worth more than what it pays: accepted, the rest forfeited (and said so in the event).
    const partly = await h.commands([await payWith(h.sim, 'LITEN2026XX', 3_000)]);
    expect(partly.statusCode, partly.body).toBe(200);
    const [event] = await h.t.ctx.db.query<{ data: { forfeited: number } }>(
      `select data from outbox_events where type = 'voucher.redeemed' order by id desc limit 1`,
    );
    expect(event!.data.forfeited).toBe(2_000);
  });

  it('refunds a return as a credit note the customer can pay with later', async () => {
    const sold = await h.commands([await h.sim.receipt({ cashierId, lines: [item] })]);
    expect(sold.statusCode, sold.body).toBe(200);
    const original = sold.json().results[0].receiptId;
    const credit = await h.sim.receipt(
      {
        cashierId,
        lines: [{ ...item, quantity: -1, originalReceiptId: original, originalLineNo: 1 }],
        payments: [{ method: 'voucher', amount: -item.unitPriceInclVat, reference: 'TILLGODO000001' }],
      },
      original,
    );
    const returned = await h.commands([credit]);
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await voucher('TILLGODO000001')).toMatchObject({
      amount: { amount: item.unitPriceInclVat, currency: 'SEK' },
      status: 'valid',
      issuedReceiptId: returned.json().results[0].receiptId,
    });
    const spent = await h.commands([await payWith(h.sim, 'TILLGODO000001', item.unitPriceInclVat)]);
    expect(spent.statusCode, spent.body).toBe(200);
    expect((await voucher('TILLGODO000001')).status).toBe('used');
  });
});
