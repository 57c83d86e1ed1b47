// The real flows end to end for an invoice-paid pickup order: a line removed before hand-over
// (the rest is captured, the removed part released) and returns received in the back office
// (refunded once per return) credit the invoice — once, however often the job runs or the
// receipt of the parcel is repeated — until all of it is credited.
import type { CheckoutResult, Order, ReturnRequest } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { useHandover } from '../orders/handover.testing';
import { send } from '../register/register.testing';

const { h, s, asRegister, pickupBody, checkout } = useHandover();

let counter = 0;
async function invoiceOrderReady(remove: number[] = []): Promise<Order> {
  counter += 1;
  const email = `retur${counter}@foretag.example`;
  const signUp = await h.t.app.inject({
    method: 'POST',
    url: '/api/account/sign-up',
    payload: { email, password: 'hemligt-losen-1', name: `Retur ${counter}` },
  });
  expect(signUp.statusCode, signUp.body).toBe(201);
  await h.t.ctx.db.query(
    `update customers set kind = 'company', credit_limit = 100000000
      where id = (select customer_id from customer_accounts where email = $1)`,
    [email],
  );
  const cookie = `handla_customer=${signUp.cookies.find((c) => c.name === 'handla_customer')!.value}`;
  const placed = await checkout(await pickupBody({ payment: { method: 'invoice' } }), cookie);
  expect(placed.statusCode, placed.body).toBe(201);
  const order = (placed.json() as CheckoutResult).order;
  for (const i of remove) {
    const removed = await asRegister(
      'POST',
      `/pickup-orders/${order.id}/lines/${order.lines[i]!.id}/remove`,
      {
        cashierId: s.cashier,
        note: 'Slut i lager',
      },
    );
    expect(removed.statusCode, removed.body).toBe(200);
  }
  const ready = await send(h.t, { cookie: h.cashier }, 'POST', `/api/orders/${order.id}/ready`);
  expect(ready.statusCode, ready.body).toBe(200);
  const handed = await asRegister('POST', `/pickup-orders/${order.id}/hand-over`, {
    cashierId: s.cashier,
    idempotencyKey: `key-inv-${order.id}`,
  });
  expect(handed.statusCode, handed.body).toBe(200);
  return order;
}

async function invoiceOf(orderId: string) {
  const [row] = await h.t.ctx.db.query<{ id: string; total: number; credited: number; state: string }>(
    `select id, total_incl_vat::integer as total, credited_amount::integer as credited, state
       from invoices where source_kind = 'order' and source_id = $1`,
    [orderId],
  );
  return row!;
}

const runJob = async () => (await h.t.app.jobs.runOnce('invoices.credit-orders'))['invoices.credit-orders'];

async function returnReceived(order: Order, lines: { orderLineId: string; quantity: number }[]) {
  const asked = await send(h.t, { cookie: h.manager }, 'POST', '/api/returns', {
    orderId: order.id,
    lines,
    reason: 'Fel storlek',
  });
  expect(asked.statusCode, asked.body).toBe(201);
  const rma = asked.json() as ReturnRequest;
  const body = {
    locationId: h.loc['STHLM-BUTIK'],
    lines: lines.map((l) => ({ orderLineId: l.orderLineId, restocked: l.quantity, writtenOff: 0 })),
  };
  const receive = () => send(h.t, { cookie: h.manager }, 'POST', `/api/returns/${rma.id}/receive`, body);
  const received = await receive();
  expect(received.statusCode, received.body).toBe(200);
  return { rma: received.json() as ReturnRequest, receive };
}

describe('an invoice-paid web order made smaller', () => {
  it('credits a line removed before hand-over, once', async () => {
    const order = await invoiceOrderReady([1]);
    const removed = order.lines[1]!.lineTotal.amount;
    expect(await runJob()).toBe(1);
    expect(await runJob()).toBe(0);
    const invoice = await invoiceOf(order.id);
    expect(invoice).toMatchObject({ credited: removed, state: 'partially_paid' });
  });

  it('credits a partial return, a repeated receipt nothing more, and the rest in full', async () => {
    const order = await invoiceOrderReady();
    const [two, one] = order.lines;
    const first = await returnReceived(order, [{ orderLineId: two!.id, quantity: 1 }]);
    expect(first.rma.refund?.amount).toBe(two!.unitPrice.amount);
    expect(await runJob()).toBe(1);
    expect((await first.receive()).statusCode).toBe(200);
    expect(await runJob()).toBe(0);
    expect(await invoiceOf(order.id)).toMatchObject({
      credited: two!.unitPrice.amount,
      state: 'partially_paid',
    });

    await returnReceived(order, [
      { orderLineId: two!.id, quantity: 1 },
      { orderLineId: one!.id, quantity: 1 },
    ]);
    expect(await runJob()).toBe(1);
    const invoice = await invoiceOf(order.id);
    expect(invoice).toMatchObject({ credited: invoice.total, state: 'credited' });
  });
});
