// Stocktaking: a count sheet per location snapshots the expected on-hand; counted quantities are
// entered (by cashiers too, at their own store); completing books every difference in one step.
import type {
  EnterCountsBody,
  EventType,
  OpenStockCountBody,
  StockCount,
  StockCountListQuery,
} from '@handla/api';
import { assertMove, countAdjustments, DomainError, STOCK_COUNT_MOVES } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import * as counts from './counts.store';
import { decodeCursor, pageOf } from './cursor';
import {
  assertDistinctSkus,
  assertMayWorkAt,
  assertVersion,
  deltasOf,
  documentNotFound,
  emitStockEvents,
  type LevelChange,
  requireLocation,
  requireSkus,
  type StockActor,
} from './inventory.shared';
import type { LevelRow } from './inventory.store';
import * as store from './inventory.store';

function toCount(row: counts.CountRow): StockCount {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    lines: row.lines.map((line) => ({
      ...line,
      difference: line.countedQuantity === null ? null : line.countedQuantity - line.expectedOnHand,
    })),
  };
}

async function announce(
  tx: Queryable,
  type: EventType,
  id: string,
  at: Date,
  work: { extra?: object; levels?: LevelRow[]; change?: LevelChange } = {},
) {
  const count = toCount((await counts.findCount(tx, id))!);
  const location = await requireLocation(tx, count.locationId);
  const event = {
    type,
    aggregateType: 'stock_count',
    aggregateId: id,
    storeId: location.storeId,
    data: { ...count, ...work.extra },
  };
  await emitStockEvents(tx, at, { leading: [event], levels: work.levels, change: work.change });
  return count;
}

// The on-hand each SKU has at the location now: the snapshot a line starts from.
async function onHandNow(tx: Queryable, locationId: string, skuIds: readonly string[]) {
  const levels = await store.findLevels(
    tx,
    skuIds.map((skuId) => ({ skuId, locationId })),
  );
  const onHand = new Map(levels.map((l) => [l.skuId, l.onHand]));
  return skuIds.map((skuId) => ({ skuId, expectedOnHand: onHand.get(skuId) ?? 0 }));
}

async function lockCount(tx: Queryable, actor: StockActor, id: string, version: number) {
  const row = await counts.findCount(tx, id, { forUpdate: true });
  if (!row) throw documentNotFound('stock count', id);
  assertVersion(row.version, version, 'stock count');
  assertMayWorkAt(actor, await requireLocation(tx, row.locationId));
  return row;
}

/** Opens a count sheet: every SKU stocked at the location (or the SKUs named), with on-hand now. */
export async function openStockCount(ctx: AppContext, actor: StockActor, input: OpenStockCountBody) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const location = await requireLocation(tx, input.locationId);
    assertMayWorkAt(actor, location);
    let lines: { skuId: string; expectedOnHand: number }[];
    if (input.skuIds) {
      assertDistinctSkus(
        input.skuIds.map((skuId) => ({ skuId })),
        'skuIds',
      );
      await requireSkus(tx, input.skuIds, (i) => `skuIds.${i}`);
      lines = await onHandNow(tx, location.id, input.skuIds);
    } else {
      lines = (await store.levelsAtLocation(tx, location.id)).map((l) => ({
        skuId: l.skuId,
        expectedOnHand: l.onHand,
      }));
    }
    const id = ctx.newId('cnt');
    const isOpened = await counts.insertCount(tx, {
      id,
      locationId: location.id,
      note: input.note ?? '',
      createdBy: actor.id,
      createdAt: now,
    });
    if (!isOpened) {
      throw new DomainError('conflict', 'A count is already open at this location.', [
        { field: 'locationId', message: 'Has an open count; complete or cancel it first' },
      ]);
    }
    await counts.addCountLines(tx, id, lines);
    return announce(tx, 'stock_count.opened', id, now);
  });
}

/** Records counted quantities; a SKU not yet on the sheet joins it with its on-hand now. */
export async function enterCounts(ctx: AppContext, actor: StockActor, id: string, input: EnterCountsBody) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await lockCount(tx, actor, id, input.version);
    if (row.status !== 'open') {
      throw new DomainError('invalid_state', `Count ${id} is ${row.status}.`, [
        { field: 'status', message: `Is ${row.status}` },
      ]);
    }
    assertDistinctSkus(input.lines);
    await requireSkus(
      tx,
      input.lines.map((l) => l.skuId),
      (i) => `lines.${i}.skuId`,
    );
    const onSheet = new Set(row.lines.map((l) => l.skuId));
    const joining = input.lines.filter((l) => !onSheet.has(l.skuId)).map((l) => l.skuId);
    await counts.addCountLines(tx, id, await onHandNow(tx, row.locationId, joining));
    await counts.setCountedQuantities(tx, id, input.lines, now);
    await counts.updateCount(tx, id, null, now);
    return announce(tx, 'stock_count.updated', id, now);
  });
}

/**
 * Completes the sheet: one `count` movement per counted line whose count differs from its snapshot,
 * all in this one transaction; counted levels lose their count-needed flag.
 */
export async function completeStockCount(ctx: AppContext, actor: StockActor, id: string, version: number) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await lockCount(tx, actor, id, version);
    assertMove(STOCK_COUNT_MOVES, 'stock count', row.status, 'completed');
    const movements = countAdjustments(row.lines).map((a) => ({
      id: ctx.newId('mov'),
      skuId: a.skuId,
      locationId: row.locationId,
      kind: 'count' as const,
      quantity: a.quantity,
      reason: 'Stocktaking',
      reference: id,
    }));
    await store.applyMovements(tx, movements, actor.id, now);
    const counted = row.lines
      .filter((l) => l.countedQuantity !== null)
      .map((l) => ({ skuId: l.skuId, locationId: row.locationId }));
    await store.clearCountNeeded(tx, counted);
    await counts.updateCount(tx, id, 'completed', now);
    const adjustments = movements.map((m) => ({ skuId: m.skuId, quantity: m.quantity }));
    return announce(tx, 'stock_count.completed', id, now, {
      extra: { adjustments },
      levels: await store.findLevels(tx, movements),
      change: { cause: 'count', reference: id, deltas: deltasOf(movements) },
    });
  });
}

/** Drops an open sheet; nothing is booked. */
export async function cancelStockCount(ctx: AppContext, actor: StockActor, id: string, version: number) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await lockCount(tx, actor, id, version);
    assertMove(STOCK_COUNT_MOVES, 'stock count', row.status, 'cancelled');
    await counts.updateCount(tx, id, 'cancelled', now);
    return announce(tx, 'stock_count.cancelled', id, now);
  });
}

/** One count sheet with its lines and differences. */
export async function getStockCount(ctx: AppContext, id: string): Promise<StockCount> {
  const row = await counts.findCount(ctx.db, id);
  if (!row) throw documentNotFound('stock count', id);
  return toCount(row);
}

/** A page of count sheets, newest first. */
export async function listStockCounts(ctx: AppContext, query: StockCountListQuery) {
  const after = decodeCursor(query.cursor, 1);
  const rows = await counts.listCountRows(ctx.db, query, after?.[0] ?? null, query.limit + 1);
  return pageOf(rows, query.limit, (r) => [r.id], toCount);
}
