// A pickup order paid in store, rung up at the register as an ordinary receipt whose lines name the
// order lines: the order is collected on the receipt, its held stock leaves once, add-ons sell as
// usual, and a receipt made while the order was cancelled is still booked (the conflict announced).
import type { Order, RegisterCatalogItem, RegisterSetup } from '@handla/api';
import type { SaleLineDraft } from '@handla/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, send } from '../register/register.testing';
import { SimulatedRegister } from '../register/simulated-register.testing';
import { useHandover } from './handover.testing';

const { h, s, asRegister, placeReady, level, operations } = useHandover();

let setup: RegisterSetup;
let addOn: RegisterCatalogItem;

beforeAll(async () => {
  setup = (await asRegister('GET', '/setup')).json() as RegisterSetup;
  const skus = new Set(h.skus.map((sku) => sku.id));
  addOn = setup.catalog.items.find((i) => !i.isBundle && i.unitPriceInclVat > 0 && !skus.has(i.skuId))!;
});

/** A register continuing from the server's journal head. */
async function register(): Promise<SimulatedRegister> {
  const head = ((await asRegister('GET', '/setup')).json() as RegisterSetup).journalHead;
  return SimulatedRegister.create({
    registerId: s.sthlm.registerId,
    registerCode: setup.register.code,
    privateKey: s.sthlm.keys.privateKey,
    head,
  });
}

const orderLines = (order: Order): SaleLineDraft[] =>
  order.lines.map((l) => ({
    skuId: l.skuId,
    skuCode: l.sku,
    name: l.productName,
    quantity: l.quantity,
    unitPriceInclVat: l.unitPrice.amount,
    vatRateBp: l.vatRateBp,
    orderLineId: l.id,
  }));

const addOnLine: () => SaleLineDraft = () => ({
  skuId: addOn.skuId,
  skuCode: addOn.sku,
  name: addOn.name.sv,
  quantity: 1,
  unitPriceInclVat: addOn.unitPriceInclVat,
  vatRateBp: addOn.vatRateBp,
});

async function sell(lines: SaleLineDraft[], webOrderId?: string, isTraining = false) {
  const sim = await register();
  const command = await sim.receipt({
    cashierId: s.cashier,
    lines,
    isTraining,
    ...(webOrderId ? { webOrderId } : {}),
  });
  return { command, response: await asRegister('POST', '/commands', { commands: [command] }) };
}

const orderOf = async (id: string) =>
  (await send(h.t, { cookie: h.manager }, 'GET', `/api/orders/${id}`)).json() as Order;

const eventsOf = (orderId: string) =>
  h.t.ctx.db.query<{ type: string; data: { reason?: string; handoverConflict?: { receiptId: string } } }>(
    'select type, data from outbox_events where aggregate_id = $1 order by id',
    [orderId],
  );

describe('paying a pickup order in store', () => {
  it('collects the order on the receipt: held stock leaves once, the add-on sells, journaled like any sale', async () => {
    const order = await placeReady({ payment: { method: 'in_store' } });
    const lookup = await asRegister('GET', `/pickup-orders/lookup?code=${order.pickupCode}`);
    expect(lookup.json().items[0].handover).toBe('pay_in_store');
    const [a, b] = order.lines;
    const before = { a: await level(a!.skuId), b: await level(b!.skuId), addOn: await level(addOn.skuId) };

    const { command, response } = await sell([...orderLines(order), addOnLine()], order.id);
    expect(response.statusCode, response.body).toBe(200);
    const receiptId = 'receiptId' in command ? command.receiptId : '';

    const collected = await orderOf(order.id);
    expect(collected).toMatchObject({ status: 'collected', receiptId, payment: { status: 'pay_in_store' } });
    for (const [line, was] of [
      [a!, before.a],
      [b!, before.b],
    ] as const) {
      expect(await level(line.skuId)).toEqual({
        onHand: was.onHand - line.quantity,
        reserved: was.reserved - line.quantity,
      });
    }
    expect((await level(addOn.skuId)).onHand).toBe(before.addOn.onHand - 1);
    // Once: by the order's hold, not again by the receipt.
    const sold = await h.t.ctx.db.query<{ reference: string; quantity: number }>(
      `select m.reference, m.quantity from stock_movements m
        where m.sku_id = $1 and m.kind = 'sell'
          and (m.reference = $2 or m.reference = (select reservation_id from order_lines where id = $3))`,
      [a!.skuId, receiptId, a!.id],
    );
    expect(sold).toHaveLength(1);
    expect(sold[0]!.quantity).toBe(-a!.quantity);
    expect(sold[0]!.reference).not.toBe(receiptId);

    const paid = order.lines.reduce((sum, l) => sum + l.lineTotal.amount, 0);
    expect(await operations(order.payment.id, 'capture')).toEqual([
      { amount: paid, idempotencyKey: `receipt:${receiptId}` },
    ]);
    const receipt = await asRegister(
      'GET',
      `/receipts?number=${'receiptNumber' in command ? command.receiptNumber : 0}`,
    );
    expect(receipt.json().items.map((r: { id: string }) => r.id)).toContain(receiptId);
    const journal = await send(
      h.t,
      { cookie: h.manager },
      'GET',
      `/api/registers/${s.sthlm.registerId}/journal/verify`,
    );
    expect(journal.json()).toMatchObject({ ok: true });
    expect((await eventsOf(order.id)).map((e) => e.type)).toContain('order.collected');
  });

  it('gives back what the shopper left at the counter: fewer units, and a line not taken', async () => {
    const order = await placeReady({ payment: { method: 'in_store' } });
    const [a, b] = order.lines;
    expect(a!.quantity).toBe(2);
    const before = { a: await level(a!.skuId), b: await level(b!.skuId) };
    const { response } = await sell([{ ...orderLines(order)[0]!, quantity: 1 }], order.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(await level(a!.skuId)).toEqual({ onHand: before.a.onHand - 1, reserved: before.a.reserved - 2 });
    expect(await level(b!.skuId)).toEqual({ onHand: before.b.onHand, reserved: before.b.reserved - 1 });
    const collected = await orderOf(order.id);
    expect(collected.status).toBe('collected');
    expect(collected.lines.map((l) => l.state)).toEqual(['picked', 'removed']);
    expect((await operations(order.payment.id, 'capture')).map((o) => o.amount)).toEqual([
      a!.unitPrice.amount,
    ]);
  });

  it('books a receipt made while the order was cancelled as an ordinary sale and announces the conflict', async () => {
    const order = await placeReady({ payment: { method: 'in_store' } });
    const cancel = await send(h.t, { cookie: h.manager }, 'POST', `/api/orders/${order.id}/cancel`, {
      reason: 'Test',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const line = order.lines[0]!;
    const before = await level(line.skuId);

    const { command, response } = await sell(orderLines(order).slice(0, 1), order.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(await level(line.skuId)).toEqual({
      onHand: before.onHand - line.quantity,
      reserved: before.reserved,
    });
    expect(await orderOf(order.id)).toMatchObject({ status: 'cancelled', receiptId: null });
    const conflict = (await eventsOf(order.id)).at(-1)!;
    expect(conflict).toMatchObject({
      type: 'order.updated',
      data: {
        reason: 'handover_conflict',
        handoverConflict: { receiptId: 'receiptId' in command ? command.receiptId : '' },
      },
    });
  });

  it('refuses order lines that do not match the order, and a training receipt leaves the order alone', async () => {
    const order = await placeReady({ payment: { method: 'in_store' } });
    const [first] = orderLines(order);
    const cheaper = { ...first!, unitPriceInclVat: first!.unitPriceInclVat - 100 };
    const priced = await sell([cheaper], order.id);
    expectProblem(priced.response, 400, 'validation_failed', 'commands.0.draft.lines[0].unitPriceInclVat');
    const tooMany = await sell([{ ...first!, quantity: first!.quantity + 1 }], order.id);
    expectProblem(tooMany.response, 409, 'conflict', 'commands.0.draft.lines[0].quantity');
    const noOrder = await sell([first!]);
    expectProblem(noOrder.response, 400, 'validation_failed', 'commands.0.draft.lines[0].orderLineId');

    const settings = { ...setup.settings, isTrainingAllowed: true };
    const saved = await send(
      h.t,
      { cookie: h.owner },
      'PUT',
      `/api/registers/${s.sthlm.registerId}/settings`,
      settings,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const before = await level(first!.skuId);
    const training = await sell([first!], order.id, true);
    expect(training.response.statusCode, training.response.body).toBe(200);
    expect(await orderOf(order.id)).toMatchObject({ status: 'ready', receiptId: null });
    expect(await level(first!.skuId)).toEqual(before);
  });
});
