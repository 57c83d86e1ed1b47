// Reservations hold stock for web orders: available = on-hand − reserved. Holding is atomic (no
// location ever promises more than it has) and idempotent on the client's reservation id.
import type { ReserveStockBody, StockReservation } from '@handla/api';
import { availableQuantity, DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { NewEvent } from '../../outbox/emit';
import {
  assertMayWorkAt,
  deltasOf,
  emitStockEvents,
  requireLocation,
  requireSkus,
  type StockActor,
  stockedUnits,
} from './inventory.shared';
import * as store from './inventory.store';
import * as reservations from './reservations.store';

function toReservation(row: reservations.ReservationRow): StockReservation {
  return {
    id: row.id,
    skuId: row.skuId,
    locationId: row.locationId,
    quantity: row.quantity,
    status: row.status,
    reference: row.reference,
    lines: row.lines,
    createdAt: row.createdAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}

// A repeat must ask for the same thing; the same id for a different hold is a client bug.
function assertSameRequest(row: reservations.ReservationRow, input: ReserveStockBody): void {
  if (row.skuId !== input.skuId || row.locationId !== input.locationId || row.quantity !== input.quantity) {
    throw new DomainError('duplicate', `Reservation ${row.id} exists for something else.`, [
      { field: 'reservationId', message: 'Already used for another SKU, location or quantity' },
    ]);
  }
}

/**
 * Holds stock for an order, all or nothing: each unit line is an atomic conditional update, and
 * any line short of stock rolls the whole reservation back with `insufficient_stock`. A repeat
 * with the same reservation id returns the first result and changes nothing (`isNew` false).
 */
export async function reserveStock(
  ctx: AppContext,
  actor: StockActor,
  input: ReserveStockBody,
): Promise<{ reservation: StockReservation; isNew: boolean }> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const location = await requireLocation(tx, input.locationId);
    assertMayWorkAt(actor, location);
    const [sku] = await requireSkus(tx, [input.skuId], () => 'skuId', { allowBundles: true });
    const units = await stockedUnits(tx, sku!, input.quantity);
    const isNew = await reservations.insertReservation(tx, {
      id: input.reservationId,
      skuId: input.skuId,
      locationId: location.id,
      quantity: input.quantity,
      reference: input.reference ?? null,
      actor: actor.id,
      createdAt: now,
    });
    if (!isNew) {
      const first = (await reservations.findReservation(tx, input.reservationId))!;
      assertSameRequest(first, input);
      return { reservation: toReservation(first), isNew: false };
    }
    const levels: store.LevelRow[] = [];
    for (const unit of units) {
      const level = await store.reserveUnits(tx, { ...unit, locationId: location.id }, now);
      if (!level) throw await insufficient(tx, unit.skuId, location.id, unit.quantity);
      levels.push(level);
    }
    await reservations.insertReservationLines(tx, input.reservationId, units);
    const reservation: StockReservation = {
      id: input.reservationId,
      skuId: input.skuId,
      locationId: location.id,
      quantity: input.quantity,
      status: 'active',
      reference: input.reference ?? null,
      lines: units,
      createdAt: now.toISOString(),
      endedAt: null,
    };
    const reserved: NewEvent = {
      type: 'stock.reserved',
      aggregateType: 'stock_reservation',
      aggregateId: reservation.id,
      storeId: location.storeId,
      data: { ...reservation },
    };
    await emitStockEvents(tx, now, {
      leading: [reserved],
      levels,
      change: { cause: 'reserve', reference: reservation.id },
      locations: [location],
    });
    return { reservation, isNew: true };
  });
}

async function insufficient(tx: Queryable, skuId: string, locationId: string, wanted: number) {
  const [level] = await store.findLevels(tx, [{ skuId, locationId }]);
  const available = level ? availableQuantity(level.onHand, level.reserved) : 0;
  return new DomainError('insufficient_stock', `${wanted} of ${skuId} wanted, ${available} available.`, [
    { field: 'quantity', message: `Only ${available} of ${skuId} available` },
  ]);
}

/** One reservation, or `not_found`. */
export async function getReservation(ctx: AppContext, id: string): Promise<StockReservation> {
  const row = await reservations.findReservation(ctx.db, id);
  if (!row) throw notFound(id);
  return toReservation(row);
}

function notFound(id: string) {
  return new DomainError('not_found', `No reservation ${id}.`, [
    { field: 'id', message: 'Unknown reservation' },
  ]);
}

/** Gives the held stock back (the order was cancelled or expired). Releasing twice is harmless. */
export async function releaseReservation(ctx: AppContext, actor: StockActor, id: string) {
  return endReservation(ctx, actor, id, 'released');
}

/** Turns the hold into a sale: sell movements for the held units, and the hold ends. Twice is harmless. */
export async function consumeReservation(ctx: AppContext, actor: StockActor, id: string) {
  return endReservation(ctx, actor, id, 'consumed');
}

async function endReservation(
  ctx: AppContext,
  actor: StockActor,
  id: string,
  outcome: 'released' | 'consumed',
): Promise<StockReservation> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await reservations.findReservation(tx, id, { forUpdate: true });
    if (!row) throw notFound(id);
    if (row.status === outcome) return toReservation(row);
    if (row.status !== 'active') {
      throw new DomainError('invalid_state', `Reservation ${id} is already ${row.status}.`, [
        { field: 'status', message: `Is ${row.status}` },
      ]);
    }
    const location = await requireLocation(tx, row.locationId);
    assertMayWorkAt(actor, location);
    const keys = row.lines.map((line) => ({ ...line, locationId: row.locationId }));
    for (const line of keys) await store.unreserveUnits(tx, line, now);
    const movements =
      outcome === 'consumed'
        ? keys.map((line) => ({
            id: ctx.newId('mov'),
            skuId: line.skuId,
            locationId: line.locationId,
            kind: 'sell' as const,
            quantity: -line.quantity,
            reason: null,
            reference: id,
          }))
        : [];
    await store.applyMovements(tx, movements, actor.id, now);
    await reservations.endReservation(tx, id, outcome, now);
    const ended = (await reservations.findReservation(tx, id))!;
    const released: NewEvent[] =
      outcome === 'released'
        ? [
            {
              type: 'stock.released',
              aggregateType: 'stock_reservation',
              aggregateId: id,
              storeId: location.storeId,
              data: { ...toReservation(ended) },
            },
          ]
        : [];
    await emitStockEvents(tx, now, {
      leading: released,
      levels: await store.findLevels(tx, keys),
      change: {
        cause: outcome === 'consumed' ? 'sell' : 'release',
        reference: id,
        deltas: deltasOf(movements),
      },
    });
    return toReservation(ended);
  });
}
