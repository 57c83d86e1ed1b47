// Shared set-up of the hand-over tests: the orders harness, a paired Stockholm register and one in
// Göteborg, the demo cashiers' staff ids, ready orders, and readers of stock and payments.
import type { CheckoutBody, CheckoutResult, Order } from '@handla/api';
import { beforeAll, expect } from 'vitest';
import { receiveStock } from '../inventory/inventory.service';
import { demoRegister, pairTestDevice, send, type TestDevice } from '../register/register.testing';
import { useOrdersHttp } from './orders.http-harness';
import { ORDER_ACTOR } from './orders.lifecycle';

export function useHandover() {
  const harness = useOrdersHttp();
  const { h, pickupBody, checkout } = harness;
  const s = {} as { sthlm: TestDevice; gbg: TestDevice; cashier: string; gbgCashier: string };

  beforeAll(async () => {
    s.sthlm = await pairTestDevice(h.t, (await demoRegister(h.t, 'STHLM')).id, h.owner);
    s.gbg = await pairTestDevice(h.t, (await demoRegister(h.t, 'GBG')).id, h.owner);
    const staffOf = async (number: string) =>
      (
        await h.t.ctx.db.query<{ id: string }>(
          'select staff_user_id as id from register_cashiers where staff_number = $1',
          [number],
        )
      )[0]!.id;
    s.cashier = await staffOf('101');
    s.gbgCashier = await staffOf('102');
    // Enough on Stockholm's shelf for every order the tests place.
    for (const sku of h.skus) {
      await receiveStock(h.t.ctx, ORDER_ACTOR, {
        skuId: sku.id,
        locationId: h.loc['STHLM-BUTIK']!,
        quantity: 100,
      });
    }
  });

  /** A request from a paired register (Stockholm's unless `device` says otherwise). */
  const asRegister = (method: 'GET' | 'POST', path: string, payload?: unknown, device = s.sthlm) =>
    send(h.t, device.headers, method, `/api/registers/${device.registerId}${path}`, payload);

  /** A pickup order placed at Stockholm; `remove` lines (by index) before it is marked ready. */
  const placeReady = async (patch: Partial<CheckoutBody> = {}, remove: number[] = []): Promise<Order> => {
    const placed = await checkout(await pickupBody(patch));
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
    return ready.json() as Order;
  };

  /** On hand and reserved of a SKU at a location (by code). */
  const level = async (skuId: string, locationCode = 'STHLM-BUTIK') => {
    const [row] = await h.t.ctx.db.query<{ onHand: number; reserved: number }>(
      `select coalesce(sum(on_hand), 0)::integer as "onHand", coalesce(sum(reserved), 0)::integer as reserved
         from stock_levels where sku_id = $1 and location_id = $2`,
      [skuId, h.loc[locationCode]],
    );
    return row!;
  };

  /** The payment's operations of one kind that went through. */
  const operations = (paymentId: string, kind: string) =>
    h.t.ctx.db.query<{ amount: number; idempotencyKey: string }>(
      `select amount::integer, idempotency_key as "idempotencyKey" from payment_operations
        where payment_id = $1 and kind = $2 and outcome = 'succeeded' order by started_at, id`,
      [paymentId, kind],
    );

  return { ...harness, s, asRegister, placeReady, level, operations };
}
