// API orders paid elsewhere: a marketplace's payment (`prepaid_external`) recorded for our total,
// idempotent per (channel, reference) even when requests race, and followed through release,
// shipment, cancellation of the rest and a return without any call to a payment provider — the
// marketplace refunds what we record. Also API orders on a company customer's invoice.
import type { AdminOrder, Order, ReturnRequest } from '@handla/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { paymentProviders } from '../payments/payments.providers';
import { expectProblem, send } from '../register/register.testing';
import { ADDRESS, useShipping } from '../shipping/shipping.testing';

const { h, pickupBody, snapshot, ship, asManager, placeDelivery } = useShipping();

let secret = '';
let referenceCounter = 0;
const nextReference = () => `CDON-P${String(++referenceCounter).padStart(4, '0')}-${Date.now() % 100_000}`;
/** Calls to any payment provider while the tests run: there must be none. */
const providerCalls: string[] = [];
let shippingPrice = 0;

beforeAll(async () => {
  const key = await send(h.t, { cookie: h.owner }, 'POST', '/api/api-keys', {
    name: 'Marketplace',
    scopes: ['orders:write', 'orders:read'],
  });
  expect(key.statusCode, key.body).toBe(201);
  secret = (key.json() as { secret: string }).secret;
  const methods = (await h.t.app.inject({ url: '/api/shipping-methods' })).json() as {
    items: { id: string; price: { amount: number } }[];
  };
  shippingPrice = methods.items.find((m) => m.id === 'shm_postnord_home')!.price.amount;
  // Every provider method records its call: a prepaid payment must reach none of them.
  for (const [method, provider] of Object.entries(paymentProviders(h.t.ctx))) {
    for (const op of ['authorize', 'completeAction', 'capture', 'refund', 'release'] as const) {
      const original = provider![op].bind(provider);
      (provider as unknown as Record<string, unknown>)[op] = (...args: unknown[]) => {
        providerCalls.push(`${method}.${op}`);
        return (original as (...a: unknown[]) => unknown)(...args);
      };
    }
  }
});

/** A delivery order of `quantities[i]` units of SKU i, as the marketplace sends it. */
async function marketplaceBody(quantities: number[], payment: object, reference = nextReference()) {
  const {
    checkoutId: _,
    payment: __,
    ...body
  } = await pickupBody({
    lines: quantities.map((quantity, i) => ({ skuId: h.skus[i]!.id, quantity, unitPrice: h.skus[i]!.price })),
    fulfilment: { kind: 'delivery', shippingMethodId: 'shm_postnord_home', address: ADDRESS },
  });
  return { ...body, channel: 'cdon', externalReference: reference, payment };
}
const totalOf = (quantities: number[]) =>
  quantities.reduce((sum, q, i) => sum + q * h.skus[i]!.price, 0) + shippingPrice;
const apiOrder = (body: object) =>
  send(h.t, { authorization: `Bearer ${secret}` }, 'POST', '/api/orders', body);
const paymentRow = async (id: string) =>
  (
    await h.t.ctx.db.query<{
      method: string;
      status: string;
      providerReference: string | null;
      amount: number;
      authorized: number;
      captured: number;
      refunded: number;
    }>(
      `select method, status, provider_reference as "providerReference", amount::integer, authorized::integer,
              captured::integer, refunded::integer from payments where id = $1`,
      [id],
    )
  )[0]!;
const operationsOf = (paymentId: string) =>
  h.t.ctx.db.query<{ kind: string; amount: number; outcome: string; call: string }>(
    `select kind, amount::integer, outcome, request->>'call' as call from payment_operations
      where payment_id = $1 order by started_at, id`,
    [paymentId],
  );
const paymentEvents = (paymentId: string) =>
  h.t.ctx.db.query<{ type: string; data: Record<string, unknown> }>(
    'select type, data from outbox_events where aggregate_id = $1 order by id',
    [paymentId],
  );

describe('an API order paid on the marketplace', () => {
  it('is placed with its payment authorized for our total, the reference kept, no provider called', async () => {
    const total = totalOf([2, 1]);
    const response = await apiOrder(
      await marketplaceBody([2, 1], { method: 'prepaid_external', reference: 'PAY-CDON-1', amount: total }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const placed = response.json() as AdminOrder;
    expect(placed.order.status).toBe('placed');
    expect(placed.order.totals.total.amount).toBe(total);
    expect(placed.order.payment).toMatchObject({ method: 'prepaid_external', status: 'authorized' });
    expect(placed.order.payment.authorized.amount).toBe(total);
    expect(placed.order.amountToPay?.amount ?? 0).toBe(0);
    expect(placed.payments).toEqual([
      expect.objectContaining({ method: 'prepaid_external', reference: 'PAY-CDON-1', status: 'authorized' }),
    ]);
    expect(await paymentRow(placed.order.payment.id)).toMatchObject({
      providerReference: 'PAY-CDON-1',
      amount: total,
      authorized: total,
      captured: 0,
    });
    expect(await operationsOf(placed.order.payment.id)).toEqual([
      { kind: 'authorize', amount: total, outcome: 'succeeded', call: 'none' },
    ]);
    // Without an amount, the marketplace takes our total.
    const withoutAmount = await apiOrder(
      await marketplaceBody([1], { method: 'prepaid_external', reference: 'PAY-CDON-2' }),
    );
    expect(withoutAmount.statusCode, withoutAmount.body).toBe(201);
    expect((withoutAmount.json() as AdminOrder).order.payment.authorized.amount).toBe(totalOf([1]));
  });

  it('refuses an amount that is not our total (422 naming payment.amount) and bad payments, changing nothing', async () => {
    const before = await snapshot();
    const payments = async () =>
      (await h.t.ctx.db.query<{ n: number }>('select count(*)::integer as n from payments'))[0]!.n;
    const paymentsBefore = await payments();
    const total = totalOf([2, 1]);
    expectProblem(
      await apiOrder(
        await marketplaceBody([2, 1], { method: 'prepaid_external', reference: 'PAY-X', amount: total - 1 }),
      ),
      422,
      'amount_mismatch',
      'payment.amount',
    );
    for (const [payment, field] of [
      [{ method: 'prepaid_external', amount: total }, 'payment.reference'],
      [{ method: 'prepaid_external', reference: '', amount: total }, 'payment.reference'],
      [{ method: 'prepaid_external', reference: 'PAY-Y', amount: -5 }, 'payment.amount'],
      [{ method: 'prepaid_external', reference: 'PAY-Y', extra: 1 }, 'payment'],
      [{ method: 'invoice' }, 'payment.customerId'],
    ] as const) {
      const response = await apiOrder(await marketplaceBody([2, 1], payment));
      expect(response.statusCode, response.body).toBe(400);
      expect(response.body).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
    expect(await payments()).toBe(paymentsBefore);
  });

  it('is one order for one (channel, reference), even when the requests race', async () => {
    const body = await marketplaceBody([1, 1], {
      method: 'prepaid_external',
      reference: 'PAY-RACE',
      amount: totalOf([1, 1]),
    });
    const answers = await Promise.all([1, 2, 3, 4].map(() => apiOrder(body)));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses, answers.map((a) => a.body).join('\n')).toEqual([200, 200, 200, 201]);
    const ids = new Set(answers.map((a) => (a.json() as AdminOrder).order.id));
    expect(ids.size).toBe(1);
    const [orderId] = [...ids];
    const rows = await h.t.ctx.db.query<{ id: string }>('select id from payments where order_id = $1', [
      orderId,
    ]);
    expect(rows).toHaveLength(1);
    expect(await operationsOf(rows[0]!.id)).toHaveLength(1);
    // A repeat later is the same order; the same reference with other content is 409.
    const again = await apiOrder(body);
    expect(again.statusCode).toBe(200);
    expect((again.json() as AdminOrder).order.id).toBe(orderId);
    expectProblem(
      await apiOrder({ ...body, payment: { ...body.payment, reference: 'PAY-OTHER' } }),
      409,
      'duplicate',
      'externalReference',
    );
  });

  it('ships, cancels the rest and takes a return back: captures and refunds recorded, the marketplace told, öre-exact', async () => {
    const total = totalOf([2, 1]);
    const placed = await apiOrder(
      await marketplaceBody([2, 1], { method: 'prepaid_external', reference: 'PAY-FLOW', amount: total }),
    );
    expect(placed.statusCode, placed.body).toBe(201);
    const order = (placed.json() as AdminOrder).order;
    const [a] = order.lines as [Order['lines'][0]];
    const paymentId = order.payment.id;

    const released = await send(
      h.t,
      { cookie: h.manager },
      'POST',
      `/api/fulfilment/locations/${h.loc.CENTRAL}/release`,
    );
    expect(released.statusCode, released.body).toBe(200);
    expect((await paymentRow(paymentId)).status).toBe('authorized');

    // Ship one unit of line a (with the shipping fee, on the first parcel): a bookkeeping capture.
    const shipped = await ship(order.id, 'pp-ship-0001', [{ orderLineId: a.id, quantity: 1 }]);
    expect(shipped.statusCode, shipped.body).toBe(201);
    const firstParcel = a.unitPrice.amount + shippingPrice;
    expect(await paymentRow(paymentId)).toMatchObject({
      status: 'partially_captured',
      authorized: total,
      captured: firstParcel,
    });

    // The rest is cancelled: what the marketplace took for it goes back, by the marketplace.
    const cancelled = await asManager('POST', `/orders/${order.id}/cancel-rest`, { reason: 'Slut i lager' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const rest = total - firstParcel;
    expect(await paymentRow(paymentId)).toMatchObject({ authorized: firstParcel, captured: firstParcel });

    // The shipped unit comes back.
    const token = order.statusUrl.split('/').at(-1)!;
    const asked = await send(h.t, {}, 'POST', `/api/orders/status/${token}/returns`, {
      lines: [{ orderLineId: a.id, quantity: 1 }],
      reason: 'Ångrat köp',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const rma = asked.json() as ReturnRequest;
    const received = await send(h.t, { cookie: h.manager }, 'POST', `/api/returns/${rma.id}/receive`, {
      locationId: h.loc.CENTRAL,
      lines: [{ orderLineId: a.id, restocked: 1, writtenOff: 0 }],
    });
    expect(received.statusCode, received.body).toBe(200);
    const refund = (received.json() as ReturnRequest).refund!.amount;
    expect(refund).toBeGreaterThanOrEqual(a.unitPrice.amount);

    const final = await paymentRow(paymentId);
    expect(final).toMatchObject({ amount: total, captured: firstParcel, refunded: refund });
    const ops = await operationsOf(paymentId);
    expect(ops.map((o) => [o.kind, o.call, o.outcome])).toEqual([
      ['authorize', 'none', 'succeeded'],
      ['capture', 'none', 'succeeded'],
      ['void', 'marketplace_refund', 'succeeded'],
      ['refund', 'marketplace_refund', 'succeeded'],
    ]);
    // What the marketplace must give back is announced as payment.refunded, with its reference.
    const events = await paymentEvents(paymentId);
    const refunds = events
      .filter((e) => e.type === 'payment.refunded')
      .map((e) => e.data.refundByMarketplace as { amount: number; reference: string; released: boolean });
    expect(refunds).toEqual([
      { amount: rest, reference: 'PAY-FLOW', released: true },
      { amount: refund, reference: 'PAY-FLOW', released: false },
    ]);
    expect(events.map((e) => e.type)).not.toContain('payment.voided');
    // To the öre: the shopper keeps what was shipped and not returned; the marketplace refunds the rest.
    const givenBack = refunds.reduce((sum, r) => sum + r.amount, 0);
    expect(total - givenBack).toBe(final.captured - final.refunded);
    expect(providerCalls).toEqual([]);
  });

  it('(control) the provider spy does see a card order’s calls', async () => {
    expect(providerCalls).toEqual([]);
    await placeDelivery([1]);
    expect(providerCalls).toContain('card.authorize');
    providerCalls.length = 0;
  });
});

describe('an API order on a company customer’s invoice', () => {
  async function companyCustomer(kind: 'company' | 'consumer'): Promise<string> {
    const email = `api-${kind}-${++referenceCounter}@foretag.example`;
    const signUp = await h.t.app.inject({
      method: 'POST',
      url: '/api/account/sign-up',
      payload: { email, password: 'hemligt-losen-1', name: 'Inköp' },
    });
    expect(signUp.statusCode, signUp.body).toBe(201);
    const [account] = await h.t.ctx.db.query<{ customerId: string }>(
      'select customer_id as "customerId" from customer_accounts where email = $1',
      [email],
    );
    await h.t.ctx.db.query(
      `update customers set kind = $2, name = 'Företaget AB', credit_limit = 10000000, payment_terms_days = 30
        where id = $1`,
      [account!.customerId, kind],
    );
    return account!.customerId;
  }

  it('places the order and issues the invoice; a consumer or an unknown customer is refused', async () => {
    const customerId = await companyCustomer('company');
    const response = await apiOrder(await marketplaceBody([1], { method: 'invoice', customerId }));
    expect(response.statusCode, response.body).toBe(201);
    const placed = response.json() as AdminOrder;
    expect(placed.order.payment).toMatchObject({ method: 'invoice', status: 'authorized' });
    expect(placed.order.customerId).toBe(customerId);
    const invoices = await h.t.ctx.db.query<{ total: number }>(
      `select total_incl_vat::integer as total from invoices where source_kind = 'order' and source_id = $1`,
      [placed.order.id],
    );
    expect(invoices).toEqual([{ total: placed.order.totals.total.amount }]);

    const before = await snapshot();
    const consumer = await companyCustomer('consumer');
    for (const id of [consumer, 'cus_unknown']) {
      expectProblem(
        await apiOrder(await marketplaceBody([1], { method: 'invoice', customerId: id })),
        400,
        'validation_failed',
        'payment.customerId',
      );
    }
    expect(await snapshot()).toEqual(before);
  });
});
