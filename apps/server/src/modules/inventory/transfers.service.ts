// Transfers between locations: a draft is planned, sending books transfer_out at the source (the
// goods are then in transit), receiving books transfer_in for what actually arrived at the target.
import type {
  CreateTransferBody,
  EventType,
  ReceiveTransferBody,
  StockTransfer,
  TransferListQuery,
  UpdateTransferBody,
} from '@handla/api';
import {
  assertMove,
  availableQuantity,
  DomainError,
  TRANSFER_MOVES,
  transferDifferences,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { decodeCursor, pageOf } from './cursor';
import {
  assertDistinctSkus,
  assertMayWorkAt,
  assertVersion,
  deltasOf,
  documentNotFound,
  emitStockEvents,
  invalid,
  type LevelChange,
  requireLocation,
  requireSkus,
  type StockActor,
} from './inventory.shared';
import type { LevelRow } from './inventory.store';
import * as store from './inventory.store';
import * as transfers from './transfers.store';

function toTransfer(row: transfers.TransferRow): StockTransfer {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    receivedAt: row.receivedAt?.toISOString() ?? null,
    lines: row.lines.map((line) => ({
      ...line,
      difference: line.receivedQuantity === null ? null : line.receivedQuantity - line.quantity,
    })),
  };
}

async function lockTransfer(tx: Queryable, id: string, version: number) {
  const row = await transfers.findTransfer(tx, id, { forUpdate: true });
  if (!row) throw documentNotFound('transfer', id);
  assertVersion(row.version, version, 'transfer');
  return row;
}

// The store of the receiving location hears about a transfer (its staff will unpack it).
async function announce(
  tx: Queryable,
  type: EventType,
  id: string,
  at: Date,
  stock: { levels?: LevelRow[]; change?: LevelChange } = {},
) {
  const row = (await transfers.findTransfer(tx, id))!;
  const transfer = toTransfer(row);
  const to = await requireLocation(tx, row.toLocationId);
  const differences = transferDifferences(row.lines);
  const event = {
    type,
    aggregateType: 'transfer',
    aggregateId: id,
    storeId: to.storeId,
    data: { ...transfer, differences },
  };
  await emitStockEvents(tx, at, { leading: [event], ...stock });
  return transfer;
}

async function checkLines(tx: Queryable, lines: readonly { skuId: string }[]) {
  assertDistinctSkus(lines);
  await requireSkus(
    tx,
    lines.map((l) => l.skuId),
    (i) => `lines.${i}.skuId`,
  );
}

/** Plans a transfer as a draft; no stock moves until it is sent. */
export async function createTransfer(ctx: AppContext, actor: StockActor, input: CreateTransferBody) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    if (input.fromLocationId === input.toLocationId) {
      throw invalid('toLocationId', 'Must differ from fromLocationId');
    }
    const from = await requireLocation(tx, input.fromLocationId, 'fromLocationId');
    await requireLocation(tx, input.toLocationId, 'toLocationId');
    assertMayWorkAt(actor, from, 'fromLocationId');
    await checkLines(tx, input.lines);
    const id = ctx.newId('trf');
    await transfers.insertTransfer(tx, {
      ...input,
      id,
      note: input.note ?? '',
      createdBy: actor.id,
      createdAt: now,
    });
    await transfers.replaceTransferLines(tx, id, input.lines);
    return announce(tx, 'transfer.created', id, now);
  });
}

/** Changes a draft's note or lines. */
export async function updateTransfer(
  ctx: AppContext,
  actor: StockActor,
  id: string,
  input: UpdateTransferBody,
) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await lockTransfer(tx, id, input.version);
    if (row.status !== 'draft') {
      throw new DomainError('invalid_state', 'Only a draft transfer can be edited.', [
        { field: 'status', message: `Is ${row.status}` },
      ]);
    }
    assertMayWorkAt(actor, await requireLocation(tx, row.fromLocationId), 'fromLocationId');
    if (input.lines) {
      await checkLines(tx, input.lines);
      await transfers.replaceTransferLines(tx, id, input.lines);
    }
    await transfers.updateTransfer(tx, id, { note: input.note }, now);
    return announce(tx, 'transfer.updated', id, now);
  });
}

/**
 * Sends a draft: transfer_out movements at the source; the goods are in transit until received.
 * Refused with `insufficient_stock` when the source has fewer available than a line sends.
 */
export async function sendTransfer(ctx: AppContext, actor: StockActor, id: string, version: number) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await lockTransfer(tx, id, version);
    assertMove(TRANSFER_MOVES, 'transfer', row.status, 'sent');
    assertMayWorkAt(actor, await requireLocation(tx, row.fromLocationId), 'fromLocationId');
    // Locked in key order, so the check below holds until commit and writers never deadlock.
    const levels = await store.findLevels(
      tx,
      row.lines.map((l) => ({ skuId: l.skuId, locationId: row.fromLocationId })),
      { forUpdate: true },
    );
    const available = new Map(levels.map((l) => [l.skuId, availableQuantity(l.onHand, l.reserved)]));
    for (const [i, line] of row.lines.entries()) {
      const has = available.get(line.skuId) ?? 0;
      if (has < line.quantity) {
        throw new DomainError('insufficient_stock', `Only ${has} of ${line.skuId} available to send.`, [
          { field: `lines.${i}.quantity`, message: `Only ${has} available at the source` },
        ]);
      }
    }
    const movements = row.lines.map((line) => ({
      id: ctx.newId('mov'),
      skuId: line.skuId,
      locationId: row.fromLocationId,
      kind: 'transfer_out' as const,
      quantity: -line.quantity,
      reason: null,
      reference: id,
    }));
    const changed = await store.applyMovements(tx, movements, actor.id, now);
    await transfers.updateTransfer(tx, id, { status: 'sent', stamp: 'sent_at' }, now);
    return announce(tx, 'transfer.sent', id, now, {
      levels: changed,
      change: { cause: 'transfer_out', reference: id, deltas: deltasOf(movements) },
    });
  });
}

/**
 * Receives a sent transfer at its target: transfer_in for what arrived. Without lines everything
 * arrived as sent; with lines, every line of the transfer must be listed, and what differs from
 * the sent quantity is recorded on the line as its difference.
 */
export async function receiveTransfer(
  ctx: AppContext,
  actor: StockActor,
  id: string,
  input: ReceiveTransferBody,
) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await lockTransfer(tx, id, input.version);
    assertMove(TRANSFER_MOVES, 'transfer', row.status, 'received');
    assertMayWorkAt(actor, await requireLocation(tx, row.toLocationId), 'toLocationId');
    const received = receivedPerLine(row, input);
    const movements = received
      .filter((line) => line.receivedQuantity > 0)
      .map((line) => ({
        id: ctx.newId('mov'),
        skuId: line.skuId,
        locationId: row.toLocationId,
        kind: 'transfer_in' as const,
        quantity: line.receivedQuantity,
        reason: null,
        reference: id,
      }));
    const changed = await store.applyMovements(tx, movements, actor.id, now);
    await transfers.setReceivedQuantities(tx, id, received);
    await transfers.updateTransfer(tx, id, { status: 'received', stamp: 'received_at' }, now);
    return announce(tx, 'transfer.received', id, now, {
      levels: changed,
      change: { cause: 'transfer_in', reference: id, deltas: deltasOf(movements) },
    });
  });
}

function receivedPerLine(row: transfers.TransferRow, input: ReceiveTransferBody) {
  if (!input.lines) return row.lines.map((l) => ({ skuId: l.skuId, receivedQuantity: l.quantity }));
  assertDistinctSkus(input.lines);
  const onTransfer = new Set(row.lines.map((l) => l.skuId));
  for (const [i, line] of input.lines.entries()) {
    if (!onTransfer.has(line.skuId)) throw invalid(`lines.${i}.skuId`, 'Not on this transfer');
  }
  const listed = new Set(input.lines.map((l) => l.skuId));
  const missing = row.lines.filter((l) => !listed.has(l.skuId)).map((l) => l.skuId);
  if (missing.length > 0) throw invalid('lines', `List every line; missing ${missing.join(', ')}`);
  return input.lines;
}

/** Drops a draft; nothing had moved. */
export async function cancelTransfer(ctx: AppContext, actor: StockActor, id: string, version: number) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await lockTransfer(tx, id, version);
    assertMove(TRANSFER_MOVES, 'transfer', row.status, 'cancelled');
    assertMayWorkAt(actor, await requireLocation(tx, row.fromLocationId), 'fromLocationId');
    await transfers.updateTransfer(tx, id, { status: 'cancelled' }, now);
    return announce(tx, 'transfer.cancelled', id, now);
  });
}

/** One transfer with its lines and differences. */
export async function getTransfer(ctx: AppContext, id: string): Promise<StockTransfer> {
  const row = await transfers.findTransfer(ctx.db, id);
  if (!row) throw documentNotFound('transfer', id);
  return toTransfer(row);
}

/** A page of transfers, newest first. */
export async function listTransfers(ctx: AppContext, query: TransferListQuery) {
  const after = decodeCursor(query.cursor, 1);
  const rows = await transfers.listTransferRows(ctx.db, query, after?.[0] ?? null, query.limit + 1);
  return pageOf(rows, query.limit, (r) => [r.id], toTransfer);
}
