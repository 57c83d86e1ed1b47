// A marketplace-paid pickup order at the counter: a line removed at the register, the hand-over
// captures what is due as bookkeeping, and the rest the marketplace took is announced for it to
// refund — no payment provider is asked anything.
import type { AdminOrder, Order } from '@handla/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { send } from '../register/register.testing';
import { useHandover } from './handover.testing';

const { h, s, asRegister, pickupBody } = useHandover();
let secret = '';

beforeAll(async () => {
  const key = await send(h.t, { cookie: h.owner }, 'POST', '/api/api-keys', {
    name: 'Marketplace',
    scopes: ['orders:write'],
  });
  expect(key.statusCode, key.body).toBe(201);
  secret = (key.json() as { secret: string }).secret;
});

describe('a marketplace-paid pickup order at the counter', () => {
  it('hands over the rest after a removed line: bookkeeping capture, the removed part refunded by the marketplace', async () => {
    const { checkoutId: _, payment: __, ...body } = await pickupBody();
    const total = body.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
    const placed = await send(h.t, { authorization: `Bearer ${secret}` }, 'POST', '/api/orders', {
      ...body,
      channel: 'cdon',
      externalReference: 'CDON-PICKUP-1',
      payment: { method: 'prepaid_external', reference: 'PAY-PICKUP-1', amount: total },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const order = (placed.json() as AdminOrder).order;
    const [kept, removed] = order.lines as [Order['lines'][0], Order['lines'][0]];

    const removing = await asRegister('POST', `/pickup-orders/${order.id}/lines/${removed.id}/remove`, {
      cashierId: s.cashier,
      note: 'Slut i lager',
    });
    expect(removing.statusCode, removing.body).toBe(200);
    const ready = await send(h.t, { cookie: h.cashier }, 'POST', `/api/orders/${order.id}/ready`);
    expect(ready.statusCode, ready.body).toBe(200);
    const handed = await asRegister('POST', `/pickup-orders/${order.id}/hand-over`, {
      cashierId: s.cashier,
      idempotencyKey: 'key-prepaid-handover-1',
    });
    expect(handed.statusCode, handed.body).toBe(200);

    const [payment] = await h.t.ctx.db.query<{ authorized: number; captured: number; refunded: number }>(
      'select authorized::integer, captured::integer, refunded::integer from payments where id = $1',
      [order.payment.id],
    );
    expect(payment).toEqual({
      authorized: kept.lineTotal.amount,
      captured: kept.lineTotal.amount,
      refunded: 0,
    });
    const ops = await h.t.ctx.db.query<{ kind: string; call: string; amount: number }>(
      `select kind, request->>'call' as call, amount::integer from payment_operations
        where payment_id = $1 and outcome = 'succeeded' order by started_at, id`,
      [order.payment.id],
    );
    expect(ops).toEqual([
      { kind: 'authorize', call: 'none', amount: total },
      { kind: 'capture', call: 'none', amount: kept.lineTotal.amount },
      { kind: 'void', call: 'marketplace_refund', amount: removed.lineTotal.amount },
    ]);
    const refunds = await h.t.ctx.db.query<{ data: { refundByMarketplace: unknown } }>(
      `select data from outbox_events where aggregate_id = $1 and type = 'payment.refunded' order by id`,
      [order.payment.id],
    );
    expect(refunds.map((r) => r.data.refundByMarketplace)).toEqual([
      { amount: removed.lineTotal.amount, reference: 'PAY-PICKUP-1', released: true },
    ]);
  });
});
