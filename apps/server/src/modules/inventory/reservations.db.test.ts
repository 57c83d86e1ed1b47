// Reserving is atomic and idempotent under concurrency, on PGlite and (with DATABASE_URL) PostgreSQL.
import { DomainError } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInventoryFixture,
  type InventoryFixture,
  levelOf,
  MANAGER,
  projectionMismatches,
} from './inventory.fixture';
import { recordSale } from './inventory.service';
import { consumeReservation, releaseReservation, reserveStock } from './reservations.service';

let f: InventoryFixture;
beforeAll(async () => {
  f = await createInventoryFixture();
});
afterAll(() => f.db.close());

const eventCount = async (type: string, aggregateId: string) => {
  const [row] = await f.db.query<{ n: number }>(
    'select count(*)::integer as n from outbox_events where type = $1 and aggregate_id = $2',
    [type, aggregateId],
  );
  return row!.n;
};

describe('reserveStock under concurrency', () => {
  it('lets exactly 10 of 50 concurrent one-unit reservations through against 10 in stock', async () => {
    const skuId = await f.newSku({ 'STHLM-BUTIK': 10 });
    const locationId = f.location('STHLM-BUTIK');
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        reserveStock(f.ctx, MANAGER, { reservationId: `web-${skuId}-${i}`, skuId, locationId, quantity: 1 }),
      ),
    );
    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(succeeded).toHaveLength(10);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
      expect(((r as PromiseRejectedResult).reason as DomainError).code).toBe('insufficient_stock');
    }
    expect(await levelOf(f.db, skuId, locationId)).toMatchObject({ onHand: 10, reserved: 10 });
    const [held] = await f.db.query<{ n: number }>(
      `select count(*)::integer as n from stock_reservations where sku_id = $1 and status = 'active'`,
      [skuId],
    );
    expect(held!.n).toBe(10);
    const [events] = await f.db.query<{ n: number }>(
      `select count(*)::integer as n from outbox_events where type = 'stock.reserved' and data->>'skuId' = $1`,
      [skuId],
    );
    expect(events!.n).toBe(10);
    expect(await projectionMismatches(f.db)).toEqual([]);
  });

  it('counts the same reservation id retried concurrently once, and every retry gets the first result', async () => {
    const skuId = await f.newSku({ 'GBG-BUTIK': 10 });
    const locationId = f.location('GBG-BUTIK');
    const input = { reservationId: `order-${skuId}`, skuId, locationId, quantity: 3 };
    const results = await Promise.all(Array.from({ length: 20 }, () => reserveStock(f.ctx, MANAGER, input)));
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    for (const r of results) expect(r.reservation).toEqual(results[0]!.reservation);
    expect(await levelOf(f.db, skuId, locationId)).toMatchObject({ onHand: 10, reserved: 3 });
    expect(await eventCount('stock.reserved', input.reservationId)).toBe(1);
  });

  it('never over-reserves a component shared by a bundle and direct reservations', async () => {
    const mug = await f.newSku({ CENTRAL: 7 });
    const coffee = await f.newSku({ CENTRAL: 100 });
    const bundle = await f.newBundle([
      { skuId: mug, quantity: 2 },
      { skuId: coffee, quantity: 1 },
    ]);
    const locationId = f.location('CENTRAL');
    const attempts = Array.from({ length: 30 }, (_, i) =>
      reserveStock(f.ctx, MANAGER, {
        reservationId: `mix-${mug}-${i}`,
        skuId: i % 2 === 0 ? bundle : mug,
        locationId,
        quantity: 1,
      }),
    );
    const results = await Promise.allSettled(attempts);
    const mugLevel = await levelOf(f.db, mug, locationId);
    expect(mugLevel.reserved).toBeLessThanOrEqual(7);
    const granted = results.filter((r) => r.status === 'fulfilled').length;
    expect(granted).toBeGreaterThan(0);
    expect(await projectionMismatches(f.db)).toEqual([]);
  });
});

describe('reserveStock, release and consume', () => {
  it('rolls a bundle reservation back whole when one component is short: nothing changed, nothing announced', async () => {
    const plenty = await f.newSku({ 'STHLM-BUTIK': 5 });
    const scarce = await f.newSku({ 'STHLM-BUTIK': 1 });
    const bundle = await f.newBundle([
      { skuId: plenty, quantity: 1 },
      { skuId: scarce, quantity: 2 },
    ]);
    const locationId = f.location('STHLM-BUTIK');
    const [before] = await f.db.query<{ n: number }>('select count(*)::integer as n from outbox_events');
    await expect(
      reserveStock(f.ctx, MANAGER, {
        reservationId: `short-${bundle}`,
        skuId: bundle,
        locationId,
        quantity: 1,
      }),
    ).rejects.toMatchObject({ code: 'insufficient_stock' });
    expect(await levelOf(f.db, plenty, locationId)).toMatchObject({ reserved: 0 });
    expect(await levelOf(f.db, scarce, locationId)).toMatchObject({ reserved: 0 });
    const [after] = await f.db.query<{ n: number }>('select count(*)::integer as n from outbox_events');
    expect(after!.n).toBe(before!.n);
    expect(await f.db.query('select id from stock_reservations where id = $1', [`short-${bundle}`])).toEqual(
      [],
    );
  });

  it('refuses the same id for a different request', async () => {
    const skuId = await f.newSku({ 'STHLM-BUTIK': 5 });
    const locationId = f.location('STHLM-BUTIK');
    await reserveStock(f.ctx, MANAGER, { reservationId: `dup-${skuId}`, skuId, locationId, quantity: 1 });
    await expect(
      reserveStock(f.ctx, MANAGER, { reservationId: `dup-${skuId}`, skuId, locationId, quantity: 2 }),
    ).rejects.toMatchObject({ code: 'duplicate' });
    expect(await levelOf(f.db, skuId, locationId)).toMatchObject({ reserved: 1 });
  });

  it('releases held units, consumes others into a sale, and ignores a repeat of either', async () => {
    const skuId = await f.newSku({ 'STHLM-BUTIK': 6 });
    const locationId = f.location('STHLM-BUTIK');
    await reserveStock(f.ctx, MANAGER, { reservationId: `a-${skuId}`, skuId, locationId, quantity: 2 });
    await reserveStock(f.ctx, MANAGER, { reservationId: `b-${skuId}`, skuId, locationId, quantity: 3 });
    const released = await releaseReservation(f.ctx, MANAGER, `a-${skuId}`);
    expect(released.status).toBe('released');
    expect(await levelOf(f.db, skuId, locationId)).toMatchObject({ onHand: 6, reserved: 3 });
    await consumeReservation(f.ctx, MANAGER, `b-${skuId}`);
    await consumeReservation(f.ctx, MANAGER, `b-${skuId}`);
    await releaseReservation(f.ctx, MANAGER, `a-${skuId}`);
    expect(await levelOf(f.db, skuId, locationId)).toMatchObject({ onHand: 3, reserved: 0 });
    await expect(releaseReservation(f.ctx, MANAGER, `b-${skuId}`)).rejects.toMatchObject({
      code: 'invalid_state',
    });
    const sells = await f.db.query<{ quantity: number; reference: string }>(
      `select quantity, reference from stock_movements where sku_id = $1 and kind = 'sell'`,
      [skuId],
    );
    expect(sells).toEqual([{ quantity: -3, reference: `b-${skuId}` }]);
    expect(await eventCount('stock.released', `a-${skuId}`)).toBe(1);
  });
});

describe('recordSale', () => {
  it('never refuses: on-hand goes below zero, the level is flagged, and count_needed is announced once', async () => {
    const skuId = await f.newSku({ 'GBG-BUTIK': 1 });
    const locationId = f.location('GBG-BUTIK');
    const first = await recordSale(f.ctx, MANAGER, { skuId, locationId, quantity: 3 });
    await recordSale(f.ctx, MANAGER, { skuId, locationId, quantity: 1 });
    expect(first.levels).toEqual([
      expect.objectContaining({ onHand: -2, available: 0, isCountNeeded: true }),
    ]);
    expect(await levelOf(f.db, skuId, locationId)).toEqual({ onHand: -3, reserved: 0, countNeeded: true });
    expect(await eventCount('stock.count_needed', skuId)).toBe(1);
    expect(await eventCount('stock.changed', skuId)).toBe(3);
  });
});
