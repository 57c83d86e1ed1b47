// Loyalty on the web: a shopper joins and sees their card (barcode SVG), a web order earns points
// once when handed over (not when placed), and a return takes its share back.
import type { CheckoutResult, Order, ShopperLoyalty } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { receiveStock } from '../inventory/inventory.service';
import { useHandover } from '../orders/handover.testing';
import { ORDER_ACTOR } from '../orders/orders.lifecycle';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import { send } from '../register/register.testing';
import { runLoyaltyEarn } from './loyalty.earn';

const { h, s, asRegister, pickupBody, checkout } = useHandover();

async function signUp(email: string): Promise<string> {
  const response = await h.t.app.inject({
    method: 'POST',
    url: '/api/account/sign-up',
    payload: { email, password: 'hemligt-losen-1', name: 'Maja Medlem' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return `handla_customer=${response.cookies.find((c) => c.name === 'handla_customer')!.value}`;
}

const me = (cookie: string, path = '') =>
  h.t.app.inject({ method: 'GET', url: `/api/loyalty/me${path}`, headers: { cookie } });

describe('the member card on the web', () => {
  it('lets a signed-in shopper join once, shows the card with a Code 128 barcode', async () => {
    expect((await h.t.app.inject({ method: 'GET', url: '/api/loyalty/me' })).statusCode).toBe(401);
    const cookie = await signUp('kort@example.se');
    expect((await me(cookie)).json()).toEqual({ member: null, vouchers: [] });
    expect((await me(cookie, '/card.svg')).statusCode).toBe(404);
    const join = () => h.t.app.inject({ method: 'POST', url: '/api/loyalty/me/join', headers: { cookie } });
    const joined = await join();
    expect(joined.statusCode).toBe(201);
    const { member } = joined.json() as ShopperLoyalty;
    expect(member).toMatchObject({
      cardNumber: expect.stringMatching(/^\d{12}$/),
      balance: 0,
      level: 'member',
    });
    const again = await join();
    expect(again.statusCode).toBe(200);
    expect((again.json() as ShopperLoyalty).member!.cardNumber).toBe(member!.cardNumber);
    const card = await me(cookie, '/card.svg');
    expect(card.statusCode).toBe(200);
    expect(card.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(card.body).toMatch(/^<svg[^>]+viewBox/);
    // The register finds the customer by scanning exactly this number.
    const found = await asRegister('GET', `/customers?q=${member!.cardNumber}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(JSON.stringify(found.json())).toContain(member!.cardNumber);
  });
});

describe('points for web orders', () => {
  it('earns when the order is handed over, exactly once, and a return takes its share back', async () => {
    const cookie = await signUp('poang@example.se');
    await h.t.app.inject({ method: 'POST', url: '/api/loyalty/me/join', headers: { cookie } });
    const placed = await checkout(await pickupBody(), cookie);
    expect(placed.statusCode, placed.body).toBe(201);
    const order = (placed.json() as CheckoutResult).order;
    expect(order.customerId).toMatch(/^cus_/);

    // Placed is not paid for good: nothing yet.
    await runLoyaltyEarn(h.t.ctx, h.now);
    expect((await me(cookie)).json().member.balance).toBe(0);

    const ready = await send(h.t, { cookie: h.cashier }, 'POST', `/api/orders/${order.id}/ready`);
    expect(ready.statusCode, ready.body).toBe(200);
    const handedOver = await asRegister('POST', `/pickup-orders/${order.id}/hand-over`, {
      cashierId: s.cashier,
      idempotencyKey: `loyalty-${order.id}`,
    });
    expect(handedOver.statusCode, handedOver.body).toBe(200);
    const collected = handedOver.json() as Order;
    const goods = collected.lines.reduce((sum, l) => sum + l.lineTotal.amount, 0);
    // Default web rate: 1 point per 10 kr, on the goods (after discounts).
    const earned = Math.floor(goods / 1000);
    expect(earned).toBeGreaterThan(0);

    await Promise.all([runLoyaltyEarn(h.t.ctx, h.now), runLoyaltyEarn(h.t.ctx, h.now)]);
    await runLoyaltyEarn(h.t.ctx, h.now);
    const afterEarn = (await me(cookie)).json() as ShopperLoyalty;
    expect(afterEarn.member!.balance).toBe(earned);
    expect(afterEarn.member!.ledger).toEqual([expect.objectContaining({ points: earned, reason: 'earned' })]);

    const line = collected.lines[0]!;
    const returned = await asRegister('POST', `/pickup-orders/${order.id}/returns`, {
      cashierId: s.cashier,
      returnId: `return-${order.id}`,
      lines: [{ orderLineId: line.id, quantity: 1 }],
      reason: 'Ångrat köp',
    });
    expect(returned.statusCode, returned.body).toBe(201);
    await runLoyaltyEarn(h.t.ctx, h.now);
    await runLoyaltyEarn(h.t.ctx, h.now);
    const afterReturn = (await me(cookie)).json() as ShopperLoyalty;
    const back = Math.floor(Math.round(line.lineTotal.amount / line.quantity) / 1000);
    expect(afterReturn.member!.balance).toBe(earned - back);
    expect(afterReturn.member!.ledger.map((e) => e.reason)).toEqual(['returned', 'earned']);
  });
});

describe('returning a discounted web order line', () => {
  it('refunds what the units were paid after "3 för 2", never the list price, to the öre', async () => {
    const [tee] = await h.t.ctx.db.query<{ id: string }>(
      `select s.id from skus s join products p on p.id = s.product_id
        where p.category_id = (select id from categories where slug = 't-shirts') and s.status = 'active'
        order by s.sku limit 1`,
    );
    await receiveStock(h.t.ctx, ORDER_ACTOR, {
      skuId: tee!.id,
      locationId: h.loc['STHLM-BUTIK']!,
      quantity: 10,
    });
    const price = (await resolvePrices(h.t.ctx, { skuIds: [tee!.id], at: h.now }))[0]!.unitPriceInclVat
      .amount;
    const placed = await checkout(
      await pickupBody({ lines: [{ skuId: tee!.id, quantity: 3, unitPrice: price }] }),
    );
    expect(placed.statusCode, placed.body).toBe(201);
    const order = (placed.json() as CheckoutResult).order;
    expect(order.totals.total.amount).toBe(2 * price);
    await send(h.t, { cookie: h.cashier }, 'POST', `/api/orders/${order.id}/ready`);
    const over = await asRegister('POST', `/pickup-orders/${order.id}/hand-over`, {
      cashierId: s.cashier,
      idempotencyKey: `tee-${order.id}`,
    });
    expect(over.statusCode, over.body).toBe(200);
    const lineId = order.lines[0]!.id;
    const giveBack = (returnId: string, quantity: number) =>
      asRegister('POST', `/pickup-orders/${order.id}/returns`, {
        cashierId: s.cashier,
        returnId,
        lines: [{ orderLineId: lineId, quantity }],
        reason: 'Ångrat köp',
      });
    const first = await giveBack(`tee-1-${order.id}`, 1);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().refunded.amount).toBe(Math.round((2 * price) / 3));
    const rest = await giveBack(`tee-2-${order.id}`, 2);
    expect(rest.statusCode, rest.body).toBe(201);
    // Every unit back: exactly what was paid, not 3 × the list price.
    expect((rest.json().order as Order).payment.refunded.amount).toBe(2 * price);
  });
});
