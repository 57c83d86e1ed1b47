// Checkout under concurrency: 32 shoppers at once never oversell the last units of a SKU and
// never over-book a nearly full pickup slot (PGlite; PostgreSQL when DATABASE_URL is set).
import type { CheckoutBody, PickupSlotDay } from '@handla/api';
import { DomainError } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeWebOrder } from '../../flows/place-web-order';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { reserveStock } from '../inventory/reservations.service';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import { CARD } from './orders.http-harness';
import { ORDER_ACTOR } from './orders.lifecycle';

const SHOPPERS = 32;
let t: TestApp;
let storeId: string;
let locationId: string;
let skus: { id: string; price: number; available: number }[];

beforeAll(async () => {
  t = await createTestApp();
  const now = new Date('2026-12-01T07:00:00Z');
  t.ctx.clock = () => now;
  const q = t.ctx.db;
  [{ id: storeId }] = (await q.query<{ id: string }>(`select id from stores where code = 'STHLM'`)) as [
    { id: string },
  ];
  [{ id: locationId }] = (await q.query<{ id: string }>(
    `select id from locations where code = 'STHLM-BUTIK'`,
  )) as [{ id: string }];
  const rows = await q.query<{ id: string; available: number }>(
    `select l.sku_id as id, l.on_hand - l.reserved as available from stock_levels l
       join skus s on s.id = l.sku_id join products p on p.id = s.product_id
      where l.location_id = $1 and s.status = 'active' and p.status = 'active' and not p.is_bundle
      order by l.on_hand - l.reserved desc, s.sku limit 2`,
    [locationId],
  );
  const prices = await resolvePrices(t.ctx, { skuIds: rows.map((r) => r.id), at: now });
  skus = rows.map((r, i) => ({ ...r, price: prices[i]!.unitPriceInclVat.amount }));
});
afterAll(() => t.close());

async function slots(): Promise<PickupSlotDay> {
  return (await t.app.inject({ url: `/api/stores/${storeId}/pickup-slots` })).json() as PickupSlotDay;
}

function body(i: number, skuId: string, unitPrice: number, slot: string): CheckoutBody {
  return {
    checkoutId: `race_${skuId.slice(-6)}_${slot.slice(11, 16).replace(':', '')}_${i}`,
    locale: 'sv',
    customer: { name: `Kund ${i}`, email: `kund${i}@example.se` },
    lines: [{ skuId, quantity: 1, unitPrice }],
    fulfilment: { kind: 'pickup', storeId, slot },
    payment: { method: 'card', cardToken: CARD.approve },
  };
}

async function race(bodies: CheckoutBody[]) {
  const results = await Promise.allSettled(
    bodies.map((b) => placeWebOrder(t.ctx, { publicUrl: 'http://shop.test', customerId: null }, b)),
  );
  const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  // Every loser is a clean refusal, never a deadlock or another database error.
  for (const reason of refusals) expect(reason, String(reason)).toBeInstanceOf(DomainError);
  return {
    placed: results.filter((r) => r.status === 'fulfilled').length,
    codes: [...new Set(refusals.map((r) => (r as DomainError).code))],
  };
}

const level = async (skuId: string) =>
  (
    await t.ctx.db.query<{ onHand: number; reserved: number }>(
      'select on_hand as "onHand", reserved from stock_levels where sku_id = $1 and location_id = $2',
      [skuId, locationId],
    )
  )[0]!;

describe('checkout under concurrency', () => {
  it(`sells the last 3 units to exactly 3 of ${SHOPPERS} shoppers`, async () => {
    const hot = skus[0]!;
    // Hold all but 3 units, so the shoppers race for the last three.
    await reserveStock(t.ctx, ORDER_ACTOR, {
      reservationId: 'race-hold',
      skuId: hot.id,
      locationId,
      quantity: hot.available - 3,
    });
    await t.ctx.db.query(
      'update pickup_settings set capacity_orders = null, capacity_items = null where store_id = $1',
      [storeId],
    );
    const slot = (await slots()).slots.at(-1)!.startsAt;
    const outcome = await race(Array.from({ length: SHOPPERS }, (_, i) => body(i, hot.id, hot.price, slot)));
    expect(outcome).toEqual({ placed: 3, codes: ['insufficient_stock'] });
    const after = await level(hot.id);
    expect(after.reserved).toBe(after.onHand);
  });

  it(`books a slot with 2 places left for exactly 2 of ${SHOPPERS} shoppers`, async () => {
    const item = skus[1]!;
    await t.ctx.db.query('update pickup_settings set capacity_orders = 2 where store_id = $1', [storeId]);
    const slot = (await slots()).slots.at(-2)!.startsAt;
    const reservedBefore = (await level(item.id)).reserved;
    const outcome = await race(
      Array.from({ length: SHOPPERS }, (_, i) => body(i, item.id, item.price, slot)),
    );
    expect(outcome.placed).toBe(2);
    expect(
      outcome.codes.every((c) => c === 'slot_full' || c === 'slot_unavailable' || c === 'insufficient_stock'),
    ).toBe(true);
    const [load] = await t.ctx.db.query<{ orders: number }>(
      'select orders from pickup_slot_load where store_id = $1 and starts_at = $2',
      [storeId, new Date(slot)],
    );
    expect(load!.orders).toBe(2);
    // The losers' holds were rolled back with them.
    expect((await level(item.id)).reserved).toBe(reservedBefore + 2);
    const [orders] = await t.ctx.db.query<{ n: number }>(
      `select count(*)::integer as n from orders where slot_starts_at = $1 and status <> 'cancelled'`,
      [new Date(slot)],
    );
    expect(orders!.n).toBe(2);
  });
});
