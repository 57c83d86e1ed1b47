// Reservations hold stock for web orders: available = on-hand − reserved. Holding is atomic (no
// location ever promises more than it has) and idempotent on the client's reservation id.
import type { ReserveStockBody, StockLocation, StockReservation } from '@handla/api';
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
  return ctx.db.transaction((tx) => holdStockIn(tx, now, actor, input));
}

/**
 * `reserveStock` inside the caller's open transaction, for flows that hold stock together with
 * other writes (a web checkout books its slot and writes its order in the same transaction).
 */
export async function holdStockIn(
  tx: Queryable,
  now: Date,
  actor: StockActor,
  input: ReserveStockBody,
): Promise<{ reservation: StockReservation; isNew: boolean }> {
  const hold = await takeStockHoldIn(tx, now, actor, input);
  await announceStockHoldIn(tx, now, hold);
  return { reservation: hold.reservation, isNew: hold.isNew };
}

/** A hold whose rows are written but whose events are not yet emitted. */
export interface TakenHold {
  reservation: StockReservation;
  isNew: boolean;
  levels: store.LevelRow[];
  location: StockLocation;
}

/**
 * The row work of a hold without its events. A flow holding several SKUs takes every hold first
 * and announces them after: emitting takes the outbox's global lock, and taking a stock row lock
 * after it could deadlock with a transaction that holds that row and waits for the outbox.
 */
export async function takeStockHoldIn(
  tx: Queryable,
  now: Date,
  actor: StockActor,
  input: ReserveStockBody,
): Promise<TakenHold> {
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
    return { reservation: toReservation(first), isNew: false, levels: [], location };
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
  return { reservation, isNew: true, levels, location };
}

/** Emits the events of a taken hold (nothing for a repeat). */
export async function announceStockHoldIn(tx: Queryable, now: Date, hold: TakenHold): Promise<void> {
  if (!hold.isNew) return;
  const reserved: NewEvent = {
    type: 'stock.reserved',
    aggregateType: 'stock_reservation',
    aggregateId: hold.reservation.id,
    storeId: hold.location.storeId,
    data: { ...hold.reservation },
  };
  await emitStockEvents(tx, now, {
    leading: [reserved],
    levels: hold.levels,
    change: { cause: 'reserve', reference: hold.reservation.id },
    locations: [hold.location],
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
  return ctx.db.transaction((tx) => endReservationIn(tx, ctx, now, actor, id, outcome));
}

/**
 * `releaseReservation` for several holds inside the caller's open transaction (a cancelled or
 * declined order): every row is changed before any event is emitted (see `takeStockHoldIn`);
 * `beforeEvents` runs in between, for the caller's own row changes.
 */
export async function releaseHoldsIn(
  tx: Queryable,
  ctx: AppContext,
  now: Date,
  actor: StockActor,
  ids: readonly string[],
  beforeEvents: () => Promise<void> = async () => {},
): Promise<StockReservation[]> {
  const ended: EndedHold[] = [];
  for (const id of [...ids].sort()) ended.push(await endRowsIn(tx, ctx, now, actor, id, 'released'));
  await beforeEvents();
  for (const hold of ended) await announceEndIn(tx, now, hold);
  return ended.map((hold) => hold.reservation);
}

/**
 * Turns holds into sales inside the caller's open transaction (an order handed over at the
 * counter): sell movements for `quantity` units of each hold (all of it when left out), the rest
 * given back, and the hold ends as consumed (released when nothing is sold). Rows first, then
 * `beforeEvents` for the caller's own row changes, then the events — the lock order of
 * `releaseHoldsIn`. A hold already consumed is left alone.
 */
export async function consumeHoldsIn(
  tx: Queryable,
  ctx: AppContext,
  now: Date,
  actor: StockActor,
  holds: readonly { id: string; quantity?: number }[],
  beforeEvents: () => Promise<void> = async () => {},
): Promise<StockReservation[]> {
  const ended: EndedHold[] = [];
  for (const hold of [...holds].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const outcome = hold.quantity === 0 ? 'released' : 'consumed';
    ended.push(await endRowsIn(tx, ctx, now, actor, hold.id, outcome, hold.quantity));
  }
  await beforeEvents();
  for (const hold of ended) await announceEndIn(tx, now, hold);
  return ended.map((hold) => hold.reservation);
}

async function endReservationIn(
  tx: Queryable,
  ctx: AppContext,
  now: Date,
  actor: StockActor,
  id: string,
  outcome: 'released' | 'consumed',
): Promise<StockReservation> {
  const hold = await endRowsIn(tx, ctx, now, actor, id, outcome);
  await announceEndIn(tx, now, hold);
  return hold.reservation;
}

interface EndedHold {
  reservation: StockReservation;
  /** Null when the hold had already ended this way: nothing to announce. */
  change: {
    outcome: 'released' | 'consumed';
    storeId: string | null;
    keys: { skuId: string; locationId: string }[];
    movements: Parameters<typeof deltasOf>[0];
  } | null;
}

async function endRowsIn(
  tx: Queryable,
  ctx: AppContext,
  now: Date,
  actor: StockActor,
  id: string,
  outcome: 'released' | 'consumed',
  /** Units of the held SKU sold when consumed (default: all held); the rest is given back. */
  sold?: number,
): Promise<EndedHold> {
  const row = await reservations.findReservation(tx, id, { forUpdate: true });
  if (!row) throw notFound(id);
  if (row.status === outcome) return { reservation: toReservation(row), change: null };
  const soldUnits = sold ?? row.quantity;
  if (!Number.isInteger(soldUnits) || soldUnits < 0 || soldUnits > row.quantity) {
    throw new DomainError('validation_failed', `At most ${row.quantity} of reservation ${id} can be sold.`, [
      { field: 'quantity', message: `At most ${row.quantity}` },
    ]);
  }
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
      ? keys
          // A bundle's components are held in proportion: each sells its share of the units sold.
          .map((line) => ({ ...line, quantity: (line.quantity * soldUnits) / row.quantity }))
          .filter((line) => line.quantity > 0)
          .map((line) => ({
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
  return {
    reservation: toReservation(ended),
    change: { outcome, storeId: location.storeId, keys, movements },
  };
}

async function announceEndIn(tx: Queryable, now: Date, hold: EndedHold): Promise<void> {
  const change = hold.change;
  if (!change) return;
  const id = hold.reservation.id;
  const released: NewEvent[] =
    change.outcome === 'released'
      ? [
          {
            type: 'stock.released',
            aggregateType: 'stock_reservation',
            aggregateId: id,
            storeId: change.storeId,
            data: { ...hold.reservation },
          },
        ]
      : [];
  await emitStockEvents(tx, now, {
    leading: released,
    levels: await store.findLevels(tx, change.keys),
    change: {
      cause: change.outcome === 'consumed' ? 'sell' : 'release',
      reference: id,
      deltas: deltasOf(change.movements),
    },
  });
}
