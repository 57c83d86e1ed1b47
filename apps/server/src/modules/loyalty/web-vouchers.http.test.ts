// Loyalty vouchers at the web checkout: a member pays part of an order with their vouchers and the
// card the rest; refusals name `payment.vouchers[i]` and change nothing; two checkouts racing for
// one voucher: one wins; a cancelled order gives the voucher back; captures take the card first.
import type { CheckoutResult, Order, ShopperLoyalty } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { useHandover } from '../orders/handover.testing';
import { CARD } from '../orders/orders.http-harness';
import { expireUnpaidOrders, UNPAID_ORDER_MINUTES } from '../orders/orders.service';
import { refundPayment } from '../payments/payments.service';
import { send } from '../register/register.testing';
import { giveBackWebVouchers } from './web-vouchers';
import { createVoucherMember } from './web-vouchers.testing';

const { h, s, asRegister, pickupBody, checkout, snapshot, operations, firstSlot } = useHandover();

/** A signed-in member with one voucher per amount; returns their cookie and the codes. */
const member = (amounts: number[], validDays = 30) => createVoucherMember(h, amounts, validDays);

const vouchersOf = async (cookie: string) =>
  (
    (
      await h.t.app.inject({ method: 'GET', url: '/api/loyalty/me', headers: { cookie } })
    ).json() as ShopperLoyalty
  ).vouchers;

const paymentsOf = (orderId: string) =>
  h.t.ctx.db.query<{ id: string; method: string; status: string; amount: number; captured: number }>(
    `select id, method, status, amount::integer, captured::integer from payments
      where order_id = $1 order by method`,
    [orderId],
  );

describe('paying a web order with loyalty vouchers', () => {
  it('lets the vouchers pay part and the card the rest; the card captures first at hand-over', async () => {
    const { cookie, codes } = await member([5000]);
    const body = await pickupBody({ payment: { method: 'card', cardToken: CARD.approve, vouchers: codes } });
    const placed = await checkout(body, cookie);
    expect(placed.statusCode, placed.body).toBe(201);
    const order = (placed.json() as CheckoutResult).order;
    expect(order.status).toBe('placed');
    const payments = await paymentsOf(order.id);
    expect(payments).toEqual([
      expect.objectContaining({
        method: 'card',
        status: 'authorized',
        amount: order.totals.total.amount - 5000,
      }),
      expect.objectContaining({ method: 'voucher', status: 'authorized', amount: 5000 }),
    ]);
    expect((await vouchersOf(cookie))[0]).toMatchObject({ code: codes[0], isUsed: true });

    // A repeat of the checkout is the same order and redeems nothing again.
    const again = await checkout(body, cookie);
    expect(again.statusCode).toBe(200);
    expect(await paymentsOf(order.id)).toHaveLength(2);

    const ready = await send(h.t, { cookie: h.cashier }, 'POST', `/api/orders/${order.id}/ready`);
    expect(ready.statusCode, ready.body).toBe(200);
    const handedOver = await asRegister('POST', `/pickup-orders/${order.id}/hand-over`, {
      cashierId: s.cashier,
      idempotencyKey: `voucher-${order.id}`,
    });
    expect(handedOver.statusCode, handedOver.body).toBe(200);
    const card = payments.find((p) => p.method === 'card')!;
    const voucher = payments.find((p) => p.method === 'voucher')!;
    const captured = async (id: string) =>
      (await operations(id, 'capture')).reduce((n, o) => n + o.amount, 0);
    expect(await captured(card.id)).toBe(order.totals.total.amount - 5000);
    expect(await captured(voucher.id)).toBe(5000);

    // A return refunds the card first; what comes back of the voucher part is a new voucher, once.
    await refundPayment(h.t.ctx, {
      paymentId: voucher.id,
      amount: 2000,
      idempotencyKey: `return-${order.id}`,
    });
    expect(await giveBackWebVouchers(h.t.ctx, h.now)).toBe(1);
    expect(await giveBackWebVouchers(h.t.ctx, h.now)).toBe(0);
    const after = await vouchersOf(cookie);
    expect(after).toHaveLength(2);
    expect(after.find((v) => v.code !== codes[0])).toMatchObject({ amount: 2000, isUsed: false });
  });

  it('pays the whole order with a voucher worth more; the excess is forfeited', async () => {
    const { cookie, codes } = await member([10_000_000]);
    const placed = await checkout(await pickupBody({ payment: { method: 'card', vouchers: codes } }), cookie);
    expect(placed.statusCode, placed.body).toBe(201);
    const order = (placed.json() as CheckoutResult).order;
    expect(order.status).toBe('placed');
    expect(await paymentsOf(order.id)).toEqual([
      expect.objectContaining({ method: 'voucher', status: 'authorized', amount: order.totals.total.amount }),
    ]);
    const [redeemed] = await h.t.ctx.db.query<{ amount: number }>(
      'select amount from voucher_redemptions where order_id = $1',
      [order.id],
    );
    expect(redeemed!.amount).toBe(order.totals.total.amount);
  });

  it('refuses vouchers that are not the shopper’s, expired, used, twice or not needed, changing nothing', async () => {
    const mine = await member([1000, 1000]);
    const other = await member([1000]);
    const expired = await member([1000], -1);
    const before = await snapshot();
    const refused = async (cookie: string | undefined, vouchers: string[], method = 'card') => {
      const payment =
        method === 'card' ? { method, cardToken: CARD.approve, vouchers } : { method, vouchers };
      const response = await checkout(await pickupBody({ payment } as never), cookie);
      return {
        status: response.statusCode,
        fields: (response.json().errors ?? []).map((e: { field: string }) => e.field),
      };
    };
    expect(await refused(mine.cookie, other.codes)).toEqual({ status: 400, fields: ['payment.vouchers[0]'] });
    expect(await refused(undefined, mine.codes)).toEqual({ status: 400, fields: ['payment.vouchers[0]'] });
    expect(await refused(mine.cookie, ['0000000000'])).toEqual({
      status: 400,
      fields: ['payment.vouchers[0]'],
    });
    expect(await refused(expired.cookie, expired.codes)).toEqual({
      status: 409,
      fields: ['payment.vouchers[0]'],
    });
    expect(await refused(mine.cookie, [mine.codes[0]!, mine.codes[0]!])).toEqual({
      status: 400,
      fields: ['payment.vouchers[1]'],
    });
    expect(await refused(mine.cookie, mine.codes, 'in_store')).toEqual({
      status: 400,
      fields: ['payment.vouchers'],
    });
    // Without a card token the vouchers must pay everything; without vouchers it is always needed.
    const noToken = async (vouchers?: string[]) => {
      const payment = vouchers ? { method: 'card', vouchers } : { method: 'card' };
      const response = await checkout(await pickupBody({ payment } as never), mine.cookie);
      return [response.statusCode, response.json().errors[0].field];
    };
    expect(await noToken([mine.codes[0]!])).toEqual([400, 'payment.cardToken']);
    expect(await noToken()).toEqual([400, 'payment.cardToken']);
    expect(await snapshot()).toEqual(before);
    // Used: after one order took it, a second is 409.
    const first = await checkout(
      await pickupBody({ payment: { method: 'card', cardToken: CARD.approve, vouchers: [mine.codes[0]!] } }),
      mine.cookie,
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(await refused(mine.cookie, [mine.codes[0]!])).toEqual({
      status: 409,
      fields: ['payment.vouchers[0]'],
    });
  });

  it('gives the vouchers back when the card is declined, and when staff cancel the order', async () => {
    const { cookie, codes } = await member([2000]);
    const declined = await checkout(
      await pickupBody({ payment: { method: 'card', cardToken: CARD.decline, vouchers: codes } }),
      cookie,
    );
    expect(declined.statusCode, declined.body).toBe(402);
    expect((await vouchersOf(cookie))[0]).toMatchObject({ code: codes[0], isUsed: false });

    const placed = await checkout(
      await pickupBody({ payment: { method: 'card', cardToken: CARD.approve, vouchers: codes } }),
      cookie,
    );
    expect(placed.statusCode, placed.body).toBe(201);
    const order = (placed.json() as CheckoutResult).order;
    const cancelled = await send(h.t, { cookie: h.manager }, 'POST', `/api/orders/${order.id}/cancel`, {
      reason: 'Kunden ångrade sig',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((cancelled.json() as Order).status).toBe('cancelled');
    expect((await vouchersOf(cookie))[0]!.isUsed).toBe(true);
    // The job releases the voucher payment and makes the voucher unused; a second run gives nothing.
    expect(await giveBackWebVouchers(h.t.ctx, h.now)).toBe(1);
    expect(await giveBackWebVouchers(h.t.ctx, h.now)).toBe(0);
    const vouchers = await vouchersOf(cookie);
    expect(vouchers).toHaveLength(1);
    expect(vouchers[0]).toMatchObject({ code: codes[0], isUsed: false });
    expect((await paymentsOf(order.id)).find((p) => p.method === 'voucher')!.status).toBe('voided');
  });

  it('gives the vouchers back when an order left unpaid (3-D Secure never finished) expires', async () => {
    const { cookie, codes } = await member([1500]);
    const placed = await checkout(
      await pickupBody({ payment: { method: 'card', cardToken: CARD.challenge, vouchers: codes } }),
      cookie,
    );
    expect(placed.statusCode, placed.body).toBe(201);
    const order = (placed.json() as CheckoutResult).order;
    expect(order.status).toBe('awaiting_payment');
    expect((await vouchersOf(cookie))[0]!.isUsed).toBe(true);
    const later = new Date(+h.now + (UNPAID_ORDER_MINUTES + 1) * 60_000);
    expect(await expireUnpaidOrders(h.t.ctx, later)).toBeGreaterThanOrEqual(1);
    expect(await giveBackWebVouchers(h.t.ctx, later)).toBe(1);
    expect((await vouchersOf(cookie))[0]).toMatchObject({ code: codes[0], isUsed: false });
  });

  it('lets one of two racing checkouts have the voucher; the other is 409 and holds nothing', async () => {
    const { cookie, codes } = await member([3000]);
    // Different SKUs and slots, so the two do not take turns at the stock rows or the slot before
    // they reach the voucher.
    const bodies = await Promise.all(
      [0, 1].map(async (i) =>
        pickupBody({
          lines: [{ skuId: h.skus[i]!.id, quantity: 1, unitPrice: h.skus[i]!.price }],
          fulfilment: { kind: 'pickup', storeId: h.store.STHLM!, slot: await firstSlot('STHLM', i === 1) },
          payment: { method: 'card', cardToken: CARD.approve, vouchers: codes },
        }),
      ),
    );
    const results = await Promise.all(bodies.map((b) => checkout(b, cookie)));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses, results.map((r) => r.body).join('\n')).toEqual([201, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().errors[0].field).toBe('payment.vouchers[0]');
    const [{ n }] = (await h.t.ctx.db.query<{ n: number }>(
      'select count(*)::integer as n from voucher_redemptions r join vouchers v on v.id = r.voucher_id where v.code = $1',
      [codes[0]],
    )) as [{ n: number }];
    expect(n).toBe(1);
    const [{ orders }] = (await h.t.ctx.db.query<{ orders: number }>(
      'select count(*)::integer as orders from orders where checkout_id = any($1::text[])',
      [bodies.map((b) => b.checkoutId)],
    )) as [{ orders: number }];
    expect(orders).toBe(1);
  });
});
