// Money over several payments of one order (the checkout's and a "pay the difference" one): a
// shipment refused half-way keeps what it captured and a retry captures only the rest; a return
// refunds newest capture first, per payment, a refusal half-way retried the same way; a drop-ship
// confirmation captures over both payments, once even when confirmed three times at once; a quantity
// edit on a discounted line scales its discount so totals, VAT and the amount to pay stay right.
import type {
  AdminOrder,
  Order,
  PayDifferenceResult,
  ReleaseResult,
  ReturnRequest,
  Shipment,
  SupplierOrder,
} from '@handla/api';
import { describe, expect, it } from 'vitest';
import type { OperationResult, ProviderCall } from '../payments/payments.port';
import { paymentProviders } from '../payments/payments.providers';
import { expectProblem, send } from '../register/register.testing';
import { sendSupplierOrders } from '../returns/drop-ship.service';
import { ADDRESS, useShipping } from '../shipping/shipping.testing';
import { CARD } from './orders.http-harness';

const { h, checkoutId, checkout, ship, payment } = useShipping();

const tokenOf = (order: Order) => order.statusUrl.split('#/order/')[1]!;
const asManager = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: object) =>
  send(h.t, { cookie: h.manager }, method, url, body);

async function place(lines: { sku: number; quantity: number }[], couponCode?: string): Promise<Order> {
  const res = await checkout({
    checkoutId: checkoutId(),
    locale: 'sv',
    customer: { name: 'Bo Berg', email: 'bo@example.se', phone: '070-765 43 21' },
    lines: lines.map((l) => ({
      skuId: h.skus[l.sku]!.id,
      quantity: l.quantity,
      unitPrice: h.skus[l.sku]!.price,
    })),
    fulfilment: { kind: 'delivery', shippingMethodId: 'shm_postnord_home', address: ADDRESS },
    payment: { method: 'card', cardToken: CARD.approve },
    ...(couponCode ? { couponCode } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().order as Order;
}

async function editLine(orderId: string, lineId: string, quantity: number): Promise<Order> {
  const res = await asManager('PATCH', `/api/admin/orders/${orderId}/lines/${lineId}`, { quantity });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as AdminOrder).order;
}

/** Raises line `lineId` to `quantity` and has the shopper pay the difference: the second payment's id. */
async function raiseAndPay(order: Order, lineId: string, quantity: number): Promise<string> {
  const edited = await editLine(order.id, lineId, quantity);
  expect(edited.amountToPay!.amount).toBeGreaterThan(0);
  const paid = await h.t.app.inject({
    method: 'POST',
    url: `/api/orders/status/${tokenOf(order)}/payments`,
    payload: { paymentId: `diff-${checkoutId()}`, method: 'card', cardToken: CARD.approve },
  });
  expect(paid.statusCode, paid.body).toBe(201);
  return (paid.json() as PayDifferenceResult).payment.id;
}

async function release() {
  const res = await asManager('POST', `/api/fulfilment/locations/${h.loc.CENTRAL}/release`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ReleaseResult;
}

const operations = (paymentId: string, kind: 'capture' | 'refund') =>
  h.t.ctx.db.query<{ amount: number; key: string; outcome: string }>(
    `select amount, idempotency_key as key, outcome from payment_operations
      where payment_id = $1 and kind = $2 order by started_at, id`,
    [paymentId, kind],
  );
const moved = async (paymentId: string, kind: 'capture' | 'refund') =>
  (await operations(paymentId, kind)).filter((o) => o.outcome === 'succeeded');
const sum = (rows: readonly { amount: number }[]) => rows.reduce((n, r) => n + r.amount, 0);

/** Makes the test card provider refuse `kind` calls for one payment until the returned undo runs. */
function refuseFor(kind: 'capture' | 'refund', paymentId: string): () => void {
  const card = paymentProviders(h.t.ctx).card!;
  const real = card[kind];
  let calls = 0;
  card[kind] = async (call: ProviderCall, amount: number): Promise<OperationResult> => {
    if (call.paymentId !== paymentId) return real(call, amount);
    calls++;
    return { outcome: 'refused', reason: `Authorization expired (test, call ${calls})` };
  };
  return () => {
    card[kind] = real;
  };
}

describe('a shipment over two payments, refused half-way', () => {
  it('keeps the first part, shows what is outstanding, and a retry captures only the rest; a return then refunds newest capture first', async () => {
    const order = await place([
      { sku: 0, quantity: 1 },
      { sku: 1, quantity: 1 },
    ]);
    const [a, b] = order.lines as [Order['lines'][0], Order['lines'][0]];
    const first = order.payment.id;
    const second = await raiseAndPay(order, a.id, 3);
    const difference = 2 * a.unitPrice.amount;
    expect((await release()).releasedOrders).toBeGreaterThanOrEqual(1);

    // One shipment of everything needs both payments; the second one refuses its capture.
    const lines = [
      { orderLineId: a.id, quantity: 3 },
      { orderLineId: b.id, quantity: 1 },
    ];
    const undo = refuseFor('capture', second);
    let refused: Awaited<ReturnType<typeof ship>>;
    try {
      refused = await ship(order.id, 'split-refused-1', lines);
    } finally {
      undo();
    }
    expectProblem(refused, 402, 'payment_declined', 'idempotencyKey');
    expect(refused.json().detail).toContain(`${difference} öre outstanding`);
    const [row] = await h.t.ctx.db.query<{ id: string; status: string; error: string; amount: number }>(
      'select id, status, error, amount from shipments where order_id = $1',
      [order.id],
    );
    // Captured-partly: still under way, the outstanding amount in its error, nothing booked.
    expect(row).toMatchObject({ status: 'started' });
    expect(row!.error).toContain(`${row!.amount - difference} öre moved, ${difference} öre outstanding`);
    expect(await payment(first)).toMatchObject({ captured: row!.amount - difference, status: 'captured' });
    expect(await payment(second)).toMatchObject({ captured: 0, status: 'authorized' });
    // Its units stay under way: no other shipment may take them meanwhile.
    expectProblem(
      await ship(order.id, 'split-other-1', [lines[1]!]),
      409,
      'invalid_state',
      'lines[0].quantity',
    );

    // The retry with the same key captures only the rest, under its own attempt key, and ships.
    const retried = await ship(order.id, 'split-refused-1', lines);
    expect(retried.statusCode, retried.body).toBe(200);
    expect((retried.json() as Shipment).status).toBe('done');
    const key = `shipment:${row!.id}`;
    expect(await moved(first, 'capture')).toEqual([
      { amount: row!.amount - difference, key, outcome: 'succeeded' },
    ]);
    expect(await operations(second, 'capture')).toEqual([
      { amount: difference, key, outcome: 'refused' },
      { amount: difference, key: `${key}:retry-1`, outcome: 'succeeded' },
    ]);
    // A repeat moves nothing more.
    expect((await ship(order.id, 'split-refused-1', lines)).statusCode).toBe(200);
    expect(sum(await moved(first, 'capture')) + sum(await moved(second, 'capture'))).toBe(row!.amount);

    // A return of the three units of a: the newest capture (the difference) goes back first. The
    // older payment refuses at first: what went back stays, the return waits, a repeat refunds the rest.
    const asked = await asManager('POST', '/api/returns', {
      orderId: order.id,
      lines: [{ orderLineId: a.id, quantity: 3 }],
      reason: 'Fel storlek',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const rma = asked.json() as ReturnRequest;
    const receive = () =>
      asManager('POST', `/api/returns/${rma.id}/receive`, {
        locationId: h.loc.CENTRAL,
        lines: [{ orderLineId: a.id, restocked: 3, writtenOff: 0 }],
      });
    const undoRefund = refuseFor('refund', first);
    let half: Awaited<ReturnType<typeof receive>>;
    try {
      half = await receive();
    } finally {
      undoRefund();
    }
    expectProblem(half, 402, 'payment_declined', 'id');
    const waiting = (await asManager('GET', `/api/returns/${rma.id}`)).json() as ReturnRequest;
    expect(waiting.status).toBe('refunding');
    const refund = waiting.refund!.amount;
    expect(refund).toBeGreaterThan(difference);
    expect(await moved(second, 'refund')).toEqual([
      { amount: difference, key: `rma:${rma.id}`, outcome: 'succeeded' },
    ]);
    expect(await moved(first, 'refund')).toEqual([]);

    const done = await receive();
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as ReturnRequest).status).toBe('completed');
    expect(await moved(first, 'refund')).toEqual([
      { amount: refund - difference, key: `rma:${rma.id}:retry-1`, outcome: 'succeeded' },
    ]);
    expect((await receive()).statusCode).toBe(200);
    expect(sum(await moved(first, 'refund')) + sum(await moved(second, 'refund'))).toBe(refund);
  });

  it('refused before anything was captured, ends the shipment as before (a new key starts again)', async () => {
    const order = await place([{ sku: 1, quantity: 1 }]);
    await release();
    const undo = refuseFor('capture', order.payment.id);
    let refused: Awaited<ReturnType<typeof ship>>;
    try {
      refused = await ship(order.id, 'refused-whole-1', [{ orderLineId: order.lines[0]!.id, quantity: 1 }]);
    } finally {
      undo();
    }
    expectProblem(refused, 402, 'payment_declined', 'amount');
    const again = await ship(order.id, 'refused-whole-1', [{ orderLineId: order.lines[0]!.id, quantity: 1 }]);
    expectProblem(again, 409, 'invalid_state', 'idempotencyKey');
    expect(await payment(order.payment.id)).toMatchObject({ captured: 0 });
  });
});

describe('a quantity edit on a discounted line', () => {
  it('scales the discount down with the units, keeps it on a raise, and totals, VAT and amount to pay follow', async () => {
    const code = `MULTI${Date.now().toString(36).toUpperCase()}`;
    const rule = await asManager('POST', '/api/promotions', {
      name: `Kupong ${code}`,
      effect: { type: 'amount_off', target: { kind: 'all', ids: [] }, amount: 1000 },
      requiresCoupon: true,
      isStackable: true,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const coupon = await asManager('POST', `/api/promotions/${rule.json().id}/coupons`, {
      kind: 'shared',
      code,
      maxRedemptions: 5,
    });
    expect(coupon.statusCode, coupon.body).toBe(201);
    const order = await place(
      [
        { sku: 0, quantity: 3 },
        { sku: 1, quantity: 1 },
      ],
      code,
    );
    const a = order.lines[0]!;
    const discountOf = (o: Order, lineId: string) =>
      (o.lines.find((l) => l.id === lineId)!.discounts ?? []).reduce((n, d) => n + d.amount.amount, 0);
    const before = discountOf(order, a.id);
    expect(before).toBeGreaterThanOrEqual(3 * 1000);

    // Down to 2: the line keeps what two of its units cost, its discount shrinks to their share.
    const lowered = await editLine(order.id, a.id, 2);
    const la = lowered.lines.find((l) => l.id === a.id)!;
    expect(discountOf(lowered, a.id)).toBe(Math.round((before * 2) / 3));
    expect(la.lineTotal.amount).toBe(2 * a.unitPrice.amount - discountOf(lowered, a.id));
    const linesSum = lowered.lines.reduce((n, l) => n + l.lineTotal.amount, 0);
    expect(lowered.totals.total.amount).toBe(linesSum + lowered.totals.shipping.amount);
    expect(lowered.amountDue.amount).toBe(lowered.totals.total.amount);
    expect(lowered.totals.discount?.amount).toBe(
      lowered.lines.reduce((n, l) => n + discountOf(lowered, l.id), 0),
    );
    // VAT per rate on the sum of that rate, after the discounts: the rates add up to the total.
    expect(lowered.totals.vat.reduce((n, v) => n + v.totalInclVat.amount, 0)).toBe(
      lowered.totals.total.amount,
    );
    for (const v of lowered.totals.vat) {
      expect(v.vat.amount).toBe(Math.round((v.totalInclVat.amount * v.rateBp) / (10_000 + v.rateBp)));
    }
    expect(lowered.amountToPay!.amount).toBe(0);
    const [stored] = await h.t.ctx.db.query<{ discountTotal: number; total: number }>(
      'select discount_total as "discountTotal", total_incl_vat as total from orders where id = $1',
      [order.id],
    );
    expect(stored).toEqual({
      discountTotal: lowered.totals.discount?.amount,
      total: lowered.totals.total.amount,
    });

    // Up to 4: the discount stays, the two added units cost the unit price; the rest is to pay.
    const raised = await editLine(order.id, a.id, 4);
    expect(discountOf(raised, a.id)).toBe(discountOf(lowered, a.id));
    const ra = raised.lines.find((l) => l.id === a.id)!;
    expect(ra.lineTotal.amount).toBe(la.lineTotal.amount + 2 * a.unitPrice.amount);
    expect(raised.totals.total.amount).toBe(lowered.totals.total.amount + 2 * a.unitPrice.amount);
    expect(raised.amountDue.amount).toBe(raised.totals.total.amount);
    expect(raised.amountToPay!.amount).toBe(raised.totals.total.amount - order.totals.total.amount);
  });
});

describe('a drop-ship confirmation over two payments', () => {
  it('captures oldest authorization first across both, once, even confirmed three times at once', async () => {
    // The pricier of two SKUs is drop-shipped, so the part of the first payment left after a
    // shipment of the other does not cover it.
    const [d, o] = h.skus[2]!.price > h.skus[1]!.price ? [2, 1] : [1, 2];
    const supplier = (
      await h.t.ctx.db.query<{ id: string }>(`select id from suppliers where code = 'NORDTEXTIL'`)
    )[0]!;
    const [product] = await h.t.ctx.db.query<{ id: string }>(
      'select product_id as id from skus where id = $1',
      [h.skus[d]!.id],
    );
    const mark = (supplierId: string | null) =>
      asManager('PUT', `/api/dropship/products/${product!.id}/supplier`, { supplierId });
    // The job's cursor moves past the orders of the tests above first: they are not drop-shipped.
    await sendSupplierOrders(h.t.ctx, 'http://shop.test');
    expect((await mark(supplier.id)).statusCode).toBe(204);
    try {
      const order = await place([
        { sku: d, quantity: 1 },
        { sku: o, quantity: 1 },
      ]);
      const dropLine = order.lines.find((l) => l.skuId === h.skus[d]!.id)!;
      const ownLine = order.lines.find((l) => l.skuId === h.skus[o]!.id)!;
      const first = order.payment.id;
      const second = await raiseAndPay(order, ownLine.id, 3);
      await sendSupplierOrders(h.t.ctx, 'http://shop.test');
      const listed = (await asManager('GET', `/api/dropship/supplier-orders?orderId=${order.id}`)).json() as {
        items: SupplierOrder[];
      };
      const so = listed.items[0]!;
      expect(so.amount.amount).toBe(dropLine.lineTotal.amount);

      // Two of our own units ship first: the first payment keeps less than the drop-ship line.
      await release();
      const shipped = await ship(order.id, 'drop-own-1', [{ orderLineId: ownLine.id, quantity: 2 }]);
      expect(shipped.statusCode, shipped.body).toBe(201);
      const left = (await payment(first)).authorized - (await payment(first)).captured;
      expect(left).toBeLessThan(so.amount.amount);
      expect(left).toBeGreaterThan(0);

      const confirm = () =>
        asManager('POST', `/api/dropship/supplier-orders/${so.id}/confirm`, {
          trackingNumber: 'SE123456789',
        });
      const [one, ...twins] = await Promise.all([confirm(), confirm(), confirm()]);
      expect(one.statusCode, one.body).toBe(200);
      for (const twin of twins) expect(twin.statusCode, twin.body).toBe(200);
      expect((one.json() as SupplierOrder).captureStatus).toBe('captured');
      const key = `dropship:${so.id}`;
      expect((await moved(first, 'capture')).filter((c) => c.key === key)).toEqual([
        { amount: left, key, outcome: 'succeeded' },
      ]);
      expect((await moved(second, 'capture')).filter((c) => c.key === key)).toEqual([
        { amount: so.amount.amount - left, key, outcome: 'succeeded' },
      ]);
      expect((await confirm()).statusCode).toBe(200);
      const captured = sum(await moved(first, 'capture')) + sum(await moved(second, 'capture'));
      expect((await payment(first)).captured).toBe((await payment(first)).authorized);

      // The last own unit takes what is left of the second payment: all of the order, to the öre.
      const last = await ship(order.id, 'drop-own-2', [{ orderLineId: ownLine.id, quantity: 1 }]);
      expect(last.statusCode, last.body).toBe(201);
      const total = sum(await moved(first, 'capture')) + sum(await moved(second, 'capture'));
      expect(total).toBe(captured + ownLine.unitPrice.amount);
      const [stored] = await h.t.ctx.db.query<{ total: number }>(
        'select total_incl_vat as total from orders where id = $1',
        [order.id],
      );
      expect(total).toBe(stored!.total);
    } finally {
      await mark(null);
    }
  });
});
