// Release of paid delivery orders to picking per location (at once, at batch times, or by hand):
// each release locks its orders to the warehouse, moves them to picking and makes pick lists.
import type {
  FulfilmentSettings,
  PickList,
  PickListSummary,
  ReleaseResult,
  StockLocation,
  UpdateFulfilmentSettingsBody,
} from '@handla/api';
import {
  assertMove,
  checkReleaseSettings,
  DomainError,
  groupPickLines,
  nextBatchAt,
  ORDER_MOVES,
  releaseDueAt,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvents } from '../../outbox/emit';
import { findLocations } from '../locations/locations.lookups';
import { listOrdersByIds } from '../orders/orders.store';
import { viewOrders } from '../orders/orders.view';
import * as store from './fulfilment.store';
import { warehouseHolderId } from './packed';

/** Orders per pick list: one picking round, and one short transaction each. */
export const PICK_LIST_SIZE = 100;

/** Who releases: a staff member (with the store they are bound to) or the job. */
export interface FulfilmentStaff {
  id: string;
  storeId: string | null;
}

const RELEASE_JOB = 'system:release';

/** The location, or 404 naming `locationId`; 403 when a store's manager asks about another store. */
export async function fulfilmentLocation(
  q: Queryable,
  locationId: string,
  staff?: FulfilmentStaff,
): Promise<StockLocation> {
  const [location] = await findLocations(q, [locationId]);
  if (!location) {
    throw new DomainError('not_found', `No location ${locationId}.`, [
      { field: 'locationId', message: 'Unknown location' },
    ]);
  }
  if (staff?.storeId && location.storeId && location.storeId !== staff.storeId) {
    throw new DomainError('forbidden', 'That location belongs to another store.', [
      { field: 'locationId', message: 'Another store’s location' },
    ]);
  }
  return location;
}

function viewSettings(
  ctx: AppContext,
  locationId: string,
  row: store.SettingsRow | undefined,
): FulfilmentSettings {
  const mode = row?.mode ?? 'immediate';
  const batchTimes = row?.batchTimes ?? [];
  const next = row && mode === 'batches' ? nextBatchAt(ctx.clock(), batchTimes) : null;
  return {
    locationId,
    mode,
    batchTimes,
    nextReleaseAt: next?.toISOString() ?? null,
    version: row?.version ?? 0,
  };
}

/** The location's release settings; version 0 when never saved (then only "release now" releases). */
export async function getFulfilmentSettings(
  ctx: AppContext,
  locationId: string,
): Promise<FulfilmentSettings> {
  await fulfilmentLocation(ctx.db, locationId);
  return viewSettings(ctx, locationId, await store.findSettings(ctx.db, locationId));
}

/** Saves the settings; 400 naming `batchTimes`, 409 `version_conflict` when someone saved first. */
export async function updateFulfilmentSettings(
  ctx: AppContext,
  staff: FulfilmentStaff,
  locationId: string,
  body: UpdateFulfilmentSettingsBody,
): Promise<FulfilmentSettings> {
  const batchTimes = checkReleaseSettings(body);
  return ctx.db.transaction(async (tx) => {
    await fulfilmentLocation(tx, locationId, staff);
    const saved = await store.saveSettings(tx, {
      locationId,
      mode: body.mode,
      batchTimes,
      version: body.version,
      at: ctx.clock(),
      by: staff.id,
    });
    if (!saved) {
      throw new DomainError('version_conflict', 'Someone saved these settings first.', [
        { field: 'version', message: 'Reload and try again' },
      ]);
    }
    return viewSettings(ctx, locationId, await store.findSettings(tx, locationId));
  });
}

/**
 * One pick list of up to PICK_LIST_SIZE orders placed by `placedBy`, in one transaction: the orders
 * are claimed `for update skip locked`, locked to the warehouse and moved to picking. Null when
 * no order was left to claim.
 */
async function releaseOnePickList(
  ctx: AppContext,
  location: StockLocation,
  placedBy: Date,
  releasedBy: string,
): Promise<string | null> {
  return ctx.db.transaction(async (tx) => {
    const ids = await store.claimReleasableOrderIds(tx, location.id, placedBy, PICK_LIST_SIZE);
    if (ids.length === 0) return null;
    const now = ctx.clock();
    const id = ctx.newId('pkl');
    await store.insertPickList(tx, {
      id,
      locationId: location.id,
      createdAt: now,
      createdBy: releasedBy,
      orderIds: ids,
    });
    // The warehouse holds the order while it is picked and packed: edits from anyone else get 409.
    // Set-based: one update for the batch, the views read together, the events in one insert — the
    // same rows and `order.picking` events `moveOrderIn` writes one by one, at a fraction of the cost.
    const holder = { kind: 'staff' as const, id: warehouseHolderId(location.id), name: location.name };
    assertMove(ORDER_MOVES, 'order', 'placed', 'picking');
    await store.moveOrdersToPicking(tx, ids, holder, now);
    const moved = await listOrdersByIds(tx, ids);
    const views = await viewOrders(tx, moved);
    const reason = `Released to picking at ${location.name}`;
    await emitEvents(
      tx,
      moved.map((order, i) => ({
        type: 'order.picking' as const,
        aggregateType: 'order',
        aggregateId: order.id,
        storeId: order.storeId,
        data: { order: views[i]!, reason },
      })),
      now,
    );
    return id;
  });
}

async function releaseUpTo(
  ctx: AppContext,
  location: StockLocation,
  placedBy: Date,
  releasedBy: string,
): Promise<ReleaseResult> {
  const ids: string[] = [];
  for (let id = await releaseOnePickList(ctx, location, placedBy, releasedBy); id; ) {
    ids.push(id);
    id = await releaseOnePickList(ctx, location, placedBy, releasedBy);
  }
  const pickLists = (await store.listPickListsByIds(ctx.db, ids)).map(viewSummary);
  return { pickLists, releasedOrders: pickLists.reduce((sum, list) => sum + list.orderCount, 0) };
}

/** "Release now": every paid delivery order of the location waiting for picking, whatever the mode. */
export async function releaseNow(
  ctx: AppContext,
  staff: FulfilmentStaff,
  locationId: string,
): Promise<ReleaseResult> {
  const location = await fulfilmentLocation(ctx.db, locationId, staff);
  return releaseUpTo(ctx, location, ctx.clock(), staff.id);
}

/**
 * The job: releases every location with saved settings that is due (at once, or its latest batch
 * time not yet released). Safe in several processes: orders are claimed `skip locked`, and a
 * batch is marked released only after its orders are, so a crash releases the rest next round.
 */
export async function releaseDueOrders(ctx: AppContext, now: Date): Promise<number> {
  let released = 0;
  for (const settings of await store.listSettings(ctx.db)) {
    const due = releaseDueAt(settings, now, settings.lastBatchAt);
    if (!due) continue;
    const [location] = await findLocations(ctx.db, [settings.locationId]);
    released += (await releaseUpTo(ctx, location!, due, RELEASE_JOB)).releasedOrders;
    if (settings.mode === 'batches') await store.markBatchReleased(ctx.db, settings.locationId, due);
  }
  return released;
}

function viewSummary(row: store.PickListRow): PickListSummary {
  return {
    id: row.id,
    locationId: row.locationId,
    createdAt: row.createdAt.toISOString(),
    orderCount: row.orderCount,
    packedCount: row.packedCount,
  };
}

export async function listPickLists(ctx: AppContext, locationId: string, limit: number) {
  await fulfilmentLocation(ctx.db, locationId);
  return { items: (await store.listPickLists(ctx.db, locationId, limit)).map(viewSummary) };
}

/** A pick list with its orders and its lines grouped by shelf; 404 naming `id`. */
export async function getPickList(ctx: AppContext, id: string): Promise<PickList> {
  const row = await store.findPickList(ctx.db, id);
  if (!row)
    throw new DomainError('not_found', `No pick list ${id}.`, [
      { field: 'id', message: 'Unknown pick list' },
    ]);
  return {
    id: row.id,
    locationId: row.locationId,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    orders: await store.listPickListOrders(ctx.db, id),
    shelves: groupPickLines(await store.listPickListLines(ctx.db, id)),
  };
}
