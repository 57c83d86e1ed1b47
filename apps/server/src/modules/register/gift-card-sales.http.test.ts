import type { RegisterCommandDto } from '@handla/api';
import { giftCardLineDraft } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, send } from './register.testing';
import { type ExtrasHarness, startExtrasHarness } from './register-extras.testing';

let h: ExtrasHarness;
const CARD = '4000123412345678';
const balanceOf = async (code: string) =>
  (await send(h.t, h.device.headers, 'GET', `/api/gift-cards/${code}`)).json().balance.amount as number;
const count = async (sql: string, params: unknown[]) =>
  (await h.t.ctx.db.query<{ n: number }>(sql, params))[0]!.n;

beforeAll(async () => {
  h = await startExtrasHarness(30_000);
});
afterAll(() => h.t.close());

describe('gift cards sold at the register', () => {
  it('sells a card for 500 kr in cash: balance 500, no stock moved, counted apart in the X report', async () => {
    const sale = await h.sim.receipt({
      cashierId: h.cashierId,
      lines: [giftCardLineDraft({ code: CARD, action: 'issue' }, 50_000)],
      payments: [{ method: 'cash', amount: 50_000, tendered: 50_000 }],
    });
    const applied = await h.commands([sale]);
    expect(applied.statusCode, applied.body).toBe(200);
    const receiptId = applied.json().results[0].receiptId;
    expect(await balanceOf(CARD)).toBe(50_000);
    expect(
      await count('select count(*)::integer as n from stock_movements where reference = $1', [receiptId]),
    ).toBe(0);
    expect(
      await count(
        `select count(*)::integer as n from outbox_events where type = 'gift_card.issued' and data->>'receiptId' = $1`,
        [receiptId],
      ),
    ).toBe(1);
    const detail = (await send(h.t, h.device.headers, 'GET', `/api/receipts/${receiptId}`)).json();
    expect(JSON.stringify(detail.document)).toContain('Presentkort 4000...5678');

    const x = (await send(h.t, h.manager, 'GET', `/api/registers/${h.device.registerId}/reports/x`)).json();
    expect(x.giftCardsSold).toEqual({ count: 1, amount: 50_000 });
    expect(x.sales).toEqual({ count: 0, amount: 0 });
    expect(x.vatByRate).toEqual([]);
    expect(x.payments).toEqual([{ method: 'cash', count: 1, amount: 50_000 }]);
  });

  it('redeems the card later on goods and tops it up on another receipt', async () => {
    const redeem = await h.sim.receipt({
      cashierId: h.cashierId,
      lines: [h.item],
      payments: [
        { method: 'gift_card', amount: 20_000, reference: CARD },
        { method: 'card_standalone', amount: h.item.unitPriceInclVat - 20_000 },
      ],
    });
    const topUp = await h.sim.receipt({
      cashierId: h.cashierId,
      lines: [giftCardLineDraft({ code: CARD, action: 'top_up' }, 10_000)],
      payments: [{ method: 'card_standalone', amount: 10_000 }],
    });
    const applied = await h.commands([redeem, topUp]);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(await balanceOf(CARD)).toBe(40_000);
    expect(
      await count(`select count(*)::integer as n from outbox_events where type = 'gift_card.topped_up'`, []),
    ).toBe(1);
  });

  it('refuses issuing a card twice, topping up an unknown one and paying a card with a card; nothing changes', async () => {
    const twice = await (await h.fork()).receipt({
      cashierId: h.cashierId,
      lines: [giftCardLineDraft({ code: CARD, action: 'issue' }, 10_000)],
      payments: [{ method: 'card_standalone', amount: 10_000 }],
    });
    expectProblem(await h.commands([twice]), 409, 'duplicate', 'commands.0.draft.lines[0].giftCard.code');
    const unknown = await (await h.fork()).receipt({
      cashierId: h.cashierId,
      lines: [giftCardLineDraft({ code: 'NOSUCHCARD01', action: 'top_up' }, 10_000)],
      payments: [{ method: 'card_standalone', amount: 10_000 }],
    });
    expectProblem(
      await h.commands([unknown]),
      400,
      'validation_failed',
      'commands.0.draft.lines[0].giftCard.code',
    );
    // The core refuses it on the device too; a tampered register is refused by the server's recompute.
    const valid = await (await h.fork()).receipt({
      cashierId: h.cashierId,
      lines: [giftCardLineDraft({ code: 'NEWCARD00001', action: 'issue' }, 10_000)],
      payments: [{ method: 'card_standalone', amount: 10_000 }],
    });
    const tampered = {
      ...valid,
      draft: {
        ...(valid as { draft: object }).draft,
        payments: [{ method: 'gift_card', amount: 10_000, reference: CARD }],
      },
    } as RegisterCommandDto;
    expectProblem(
      await h.commands([tampered]),
      400,
      'validation_failed',
      'commands.0.draft.payments[0].method',
    );
    expect(await balanceOf(CARD)).toBe(40_000);
    expectProblem(await send(h.t, h.device.headers, 'GET', '/api/gift-cards/NEWCARD00001'), 404, 'not_found');
  });
});
