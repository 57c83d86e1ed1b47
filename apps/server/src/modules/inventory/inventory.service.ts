// Stock levels and the ledger: receiving, adjusting, selling and returning, each one transaction
// that writes the movements and on-hand together and announces the new levels.
import type {
  AdjustStockBody,
  MovementKind,
  ReceiveStockBody,
  RecordSaleBody,
  ReturnStockBody,
  StockChangeResult,
  StockLevel,
  StockLevelQuery,
  StockMovement,
  StockMovementQuery,
} from '@handla/api';
import type { SkuQuantity } from '@handla/core';
import type { AppContext } from '../../context';
import { decodeCursor, pageOf } from './cursor';
import {
  assertMayWorkAt,
  deltasOf,
  emitStockEvents,
  invalid,
  requireLocation,
  requireSkus,
  type StockActor,
  stockedUnits,
  toStockLevel,
  toStockMovement,
} from './inventory.shared';
import * as store from './inventory.store';

interface StockChange {
  skuId: string;
  locationId: string;
  kind: MovementKind;
  /** Units of the SKU (or bundles); the sign is the kind's direction, applied here. */
  quantity: number;
  reason: string | null;
  reference: string | null;
}

const DIRECTION: Record<MovementKind, 1 | -1 | 0> = {
  receive: 1,
  return: 1,
  transfer_in: 1,
  sell: -1,
  transfer_out: -1,
  adjust: 0,
  count: 0,
};

// One transaction: check, write ledger + levels, then the events as the last writes.
async function changeStock(ctx: AppContext, actor: StockActor, change: StockChange, allowBundles: boolean) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx): Promise<StockChangeResult> => {
    const location = await requireLocation(tx, change.locationId);
    assertMayWorkAt(actor, location);
    const [sku] = await requireSkus(tx, [change.skuId], () => 'skuId', { allowBundles });
    const sign = DIRECTION[change.kind] || 1;
    const units: SkuQuantity[] = await stockedUnits(tx, sku!, change.quantity);
    const movements = units.map((unit) => ({
      id: ctx.newId('mov'),
      skuId: unit.skuId,
      locationId: location.id,
      kind: change.kind,
      quantity: sign * unit.quantity,
      reason: change.reason,
      reference: change.reference,
    }));
    const levels = await store.applyMovements(tx, movements, actor.id, now);
    await emitStockEvents(tx, now, {
      levels,
      change: { cause: change.kind, reference: change.reference, deltas: deltasOf(movements) },
      locations: [location],
    });
    return {
      movements: movements.map((m) => toStockMovement({ ...m, actor: actor.id, occurredAt: now })),
      levels: levels.map(toStockLevel),
    };
  });
}

/** Books goods that arrived outside a purchase order. */
export function receiveStock(ctx: AppContext, actor: StockActor, input: ReceiveStockBody) {
  return changeStock(
    ctx,
    actor,
    { ...input, kind: 'receive', reason: input.reason ?? null, reference: input.reference ?? null },
    false,
  );
}

/** Books a signed correction with its reason; it may take on-hand below zero (then flagged for a count). */
export function adjustStock(ctx: AppContext, actor: StockActor, input: AdjustStockBody) {
  return changeStock(ctx, actor, { ...input, kind: 'adjust', reference: input.reference ?? null }, false);
}

/**
 * Books a register sale. It never refuses for lack of stock: the goods have left the shop, so
 * on-hand may go below zero, which flags the level for a count and emits `stock.count_needed`.
 * A bundle sells its components.
 */
export function recordSale(ctx: AppContext, actor: StockActor, input: RecordSaleBody) {
  return changeStock(
    ctx,
    actor,
    { ...input, kind: 'sell', reason: null, reference: input.reference ?? null },
    true,
  );
}

/** Books goods a customer returned to the shelf; a bundle returns its components. */
export function returnStock(ctx: AppContext, actor: StockActor, input: ReturnStockBody) {
  return changeStock(
    ctx,
    actor,
    { ...input, kind: 'return', reason: input.reason ?? null, reference: input.reference ?? null },
    true,
  );
}

/** A page of levels, filtered by SKU, location and whether a count is needed. */
export async function listStockLevels(ctx: AppContext, query: StockLevelQuery) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await store.listLevelRows(
    ctx.db,
    query,
    after ? { skuId: after[0]!, locationId: after[1]! } : null,
    query.limit + 1,
  );
  return pageOf<store.LevelRow, StockLevel>(rows, query.limit, (r) => [r.skuId, r.locationId], toStockLevel);
}

/** A page of the ledger, newest first, for a SKU, a location or both. */
export async function listStockMovements(ctx: AppContext, query: StockMovementQuery) {
  const after = decodeCursor(query.cursor, 2);
  const occurredAt = after ? new Date(after[0]!) : null;
  if (occurredAt && Number.isNaN(occurredAt.getTime()))
    throw invalid('cursor', 'Not a cursor from this list');
  const rows = await store.listMovementRows(
    ctx.db,
    query,
    after && occurredAt ? { occurredAt, id: after[1]! } : null,
    query.limit + 1,
  );
  return pageOf<store.MovementRow, StockMovement>(
    rows,
    query.limit,
    (r) => [r.occurredAt.toISOString(), r.id],
    toStockMovement,
  );
}
