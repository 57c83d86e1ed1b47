// The store's work on its pickup orders, asked by a paired register for a signed-in cashier: the
// queue, accept (with the pick ticket), picking under the register's lock, line changes
// (picked, substituted, removed, shipped home) that tell the shopper, and ready.
import type {
  AcceptOrderResult,
  LineAvailability,
  Order,
  PickupQueue,
  PickupQueueQuery,
  ShipLineHomeBody,
  SubstituteLineBody,
} from '@handla/api';
import {
  assertLineChange,
  collectBy,
  DomainError,
  isOverdue,
  type LineChange,
  pickedState,
  substituteUnitPrice,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { searchSkus } from '../catalog/catalog.service';
import {
  announceStockHoldIn,
  releaseHoldsIn,
  type TakenHold,
  takeStockHoldIn,
} from '../inventory/reservations.service';
import { whereIsSku } from '../inventory/where.service';
import { findLocations } from '../locations/locations.lookups';
import { getPickupSettings } from '../pickup/pickup.service';
import type { CashierRow, RegisterRow } from '../register/devices.store';
import { printPickTicket } from '../register/printing/pick-ticket';
import { variantNameOf } from './checkout.validate';
import { currentPriceForOrderLine } from './order-line-price';
import { assertOrderEditableBy } from './order-lock';
import { announceOrderIn, moveOrderIn, ORDER_ACTOR, queueShopperMessages } from './orders.lifecycle';
import { readyOrderIn } from './orders.service';
import * as orders from './orders.store';
import { viewOrder, viewOrders } from './orders.view';
import * as store from './store-orders.store';

/** The register asking and the cashier signed in at it. */
export interface RegisterCaller {
  register: RegisterRow;
  cashier: CashierRow;
}

function editorOf(caller: RegisterCaller) {
  return { kind: 'register' as const, id: caller.register.id };
}

/** Throws 403 naming `cashierId` unless the cashier may work at the register's store. */
export function assertCashierOfStore(cashier: CashierRow | undefined, register: RegisterRow): CashierRow {
  if (!cashier || (cashier.storeId !== null && cashier.storeId !== register.storeId)) {
    throw new DomainError('forbidden', 'This cashier does not work at this register’s store.', [
      { field: 'cashierId', message: 'Not a cashier of this store' },
    ]);
  }
  return cashier;
}

/** The row when it is a pickup order of the register's store; anything else is 404 naming `orderId`. */
function storeOrder(row: orders.OrderRow | undefined, register: RegisterRow, id: string): orders.OrderRow {
  if (row?.fulfilment !== 'pickup' || row.storeId !== register.storeId) {
    throw new DomainError('not_found', `No order ${id} at this store.`, [
      { field: 'orderId', message: 'Unknown order' },
    ]);
  }
  return row;
}

/** The store's pickup orders of one tab, with overdue and collect-by, and the count of every tab. */
export async function getPickupQueue(
  ctx: AppContext,
  register: RegisterRow,
  query: PickupQueueQuery,
): Promise<PickupQueue> {
  const now = ctx.clock();
  const { collectWithinDays } = await getPickupSettings(ctx, register.storeId);
  const ids = await store.listQueueOrderIds(ctx.db, register.storeId, query.filter, now, query.limit);
  const rows = await orders.listOrdersByIds(ctx.db, ids);
  const views = await viewOrders(ctx.db, rows);
  return {
    items: rows.map((row, i) => ({
      order: views[i]!,
      isOverdue: isOverdue(row, now),
      collectBy: collectBy(row, collectWithinDays)?.toISOString() ?? null,
    })),
    counts: await store.countQueueTabs(ctx.db, register.storeId, now),
  };
}

/**
 * Runs `work` on the order locked `for update`, after checking it is this store's pickup order
 * and not held by anyone else. Lock order: the order row, then stock rows, then the outbox.
 */
function withStoreOrder<T>(
  ctx: AppContext,
  caller: RegisterCaller,
  orderId: string,
  work: (tx: Queryable, row: orders.OrderRow) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const row = storeOrder(
      await orders.findOrder(tx, { id: orderId }, { forUpdate: true }),
      caller.register,
      orderId,
    );
    assertOrderEditableBy(row, editorOf(caller));
    return work(tx, row);
  });
}

/** Accepted (placed → accepted; a repeat changes nothing), then the pick ticket prints. */
export async function acceptOrder(
  ctx: AppContext,
  caller: RegisterCaller,
  orderId: string,
): Promise<AcceptOrderResult> {
  const order = await withStoreOrder(ctx, caller, orderId, async (tx, row) =>
    row.status === 'accepted' ? viewOrder(tx, row) : moveOrderIn(tx, ctx, row, 'accepted'),
  );
  // After the commit: the printer is outside our transaction, and a jam must not undo the accept.
  const pickTicket = await printPickTicket(ctx, caller.register.id, order);
  return { order, pickTicket };
}

/**
 * Picking: the order is locked to this register until it is ready (or a manager unlocks it). An
 * order a manager unlocked mid-picking is taken over by the register that asks next.
 */
export async function startPicking(ctx: AppContext, caller: RegisterCaller, orderId: string): Promise<Order> {
  return withStoreOrder(ctx, caller, orderId, async (tx, row) => {
    if (row.status === 'picking' && row.lockedById === caller.register.id) return viewOrder(tx, row);
    const holder = {
      kind: 'register' as const,
      id: caller.register.id,
      name: `${caller.register.code} ${caller.cashier.name}`,
    };
    await store.setOrderLock(tx, row.id, holder, ctx.clock());
    if (row.status !== 'picking') return moveOrderIn(tx, ctx, row, 'picking');
    const view = await viewOrder(tx, (await orders.findOrder(tx, { id: row.id }))!);
    await announceOrderIn(tx, ctx, view, 'order.picking', row.storeId);
    return view;
  });
}

/** Ready: open lines count as picked, the lock ends, the shopper gets "ready for pickup". */
export async function markReadyAtRegister(
  ctx: AppContext,
  caller: RegisterCaller,
  orderId: string,
): Promise<Order> {
  return withStoreOrder(ctx, caller, orderId, async (tx, row) =>
    row.status === 'ready' ? viewOrder(tx, row) : readyOrderIn(tx, ctx, row),
  );
}

/**
 * One change of one line: the order and the line are checked, `change` does the row work, and
 * the order is announced (`order.updated`); `tellShopper` queues `order_changed` about it.
 */
function changeLine(
  ctx: AppContext,
  caller: RegisterCaller,
  orderId: string,
  lineId: string,
  kind: LineChange,
  change: (tx: Queryable, row: orders.OrderRow, line: orders.OrderLineRow) => Promise<void>,
): Promise<Order> {
  return withStoreOrder(ctx, caller, orderId, async (tx, row) => {
    const line = await store.findOrderLine(tx, row.id, lineId);
    if (!line) {
      throw new DomainError('not_found', `No line ${lineId} on order ${row.number}.`, [
        { field: 'lineId', message: 'Unknown line' },
      ]);
    }
    assertLineChange(row.status, line.state, kind);
    await change(tx, row, line);
    const view = await viewOrder(tx, (await orders.findOrder(tx, { id: row.id }))!);
    if (kind !== 'pick') await queueShopperMessages(tx, ctx, view, 'order_changed', undefined, line.id);
    await announceOrderIn(tx, ctx, view, 'order.updated', row.storeId);
    return view;
  });
}

/** Units found on the shelf; the line is picked when all are. */
export function pickLine(
  ctx: AppContext,
  caller: RegisterCaller,
  orderId: string,
  lineId: string,
  quantity: number,
): Promise<Order> {
  return changeLine(ctx, caller, orderId, lineId, 'pick', async (tx, _row, line) => {
    await store.updatePicked(tx, line.id, quantity, pickedState(line.quantity, quantity));
  });
}

/** Not delivered: the hold is released and the amount to capture drops. */
export function removeLine(
  ctx: AppContext,
  caller: RegisterCaller,
  orderId: string,
  lineId: string,
  note: string,
): Promise<Order> {
  return changeLine(ctx, caller, orderId, lineId, 'remove', async (tx, _row, line) => {
    await releaseHoldsIn(tx, ctx, ctx.clock(), ORDER_ACTOR, heldBy(line), () =>
      store.settleLine(tx, line.id, { state: 'removed', note }),
    );
  });
}

const heldBy = (line: orders.OrderLineRow) => (line.reservationId ? [line.reservationId] : []);

/**
 * Releases `line`'s hold and takes `take` in its place, stock rows in SKU order (as checkout does)
 * and every event after all row work; `between` writes the caller's rows. A refusal names `field`.
 */
async function moveHoldIn(
  tx: Queryable,
  ctx: AppContext,
  line: orders.OrderLineRow,
  take: Parameters<typeof takeStockHoldIn>[3],
  field: string,
  between: () => Promise<void>,
): Promise<void> {
  const now = ctx.clock();
  const takeHold = async () => {
    try {
      return await takeStockHoldIn(tx, now, ORDER_ACTOR, take);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'insufficient_stock') {
        throw new DomainError(error.code, error.message, [
          { field, message: error.fields?.[0]?.message ?? 'Not enough in stock' },
        ]);
      }
      throw error;
    }
  };
  let hold: TakenHold | undefined = take.skuId < line.skuId ? await takeHold() : undefined;
  await releaseHoldsIn(tx, ctx, now, ORDER_ACTOR, heldBy(line), async () => {
    hold ??= await takeHold();
    await between();
  });
  await announceStockHoldIn(tx, now, hold!);
}

/**
 * Another SKU instead: a new line held at the order's location, priced at the lower of the
 * original's and our current price; the original is `substituted` and its hold released.
 */
export async function substituteLine(
  ctx: AppContext,
  caller: RegisterCaller,
  orderId: string,
  lineId: string,
  body: SubstituteLineBody,
): Promise<Order> {
  const [sku] = await searchSkus(ctx, { ids: [body.skuId], limit: 1 });
  if (sku?.status !== 'active') {
    throw new DomainError('validation_failed', `${body.skuId} is not for sale.`, [
      { field: 'skuId', message: 'Unknown SKU or not for sale' },
    ]);
  }
  const price = await currentPriceForOrderLine(ctx, orderId, sku.id);
  if (!price) {
    throw new DomainError('validation_failed', `${sku.sku} has no price.`, [
      { field: 'skuId', message: 'Not for sale' },
    ]);
  }
  return changeLine(ctx, caller, orderId, lineId, 'substitute', async (tx, row, line) => {
    if (line.skuId === sku.id) {
      throw new DomainError('validation_failed', 'A substitute is another SKU.', [
        { field: 'skuId', message: 'The same SKU as the line' },
      ]);
    }
    const position = await store.nextLinePosition(tx, row.id);
    const newLineId = ctx.newId('oln');
    const reservationId = `${row.id}:${position}`;
    const unitPrice = substituteUnitPrice(line.unitPriceInclVat, price.unitPriceInclVat.amount);
    const take = {
      reservationId,
      skuId: sku.id,
      locationId: row.locationId,
      quantity: body.quantity,
      reference: row.id,
    };
    await moveHoldIn(tx, ctx, line, take, 'quantity', async () => {
      await orders.insertOrderLines(tx, [
        {
          id: newLineId,
          orderId: row.id,
          position,
          skuId: sku.id,
          sku: sku.sku,
          productNameSv: sku.name.sv,
          productNameEn: sku.name.en,
          variantName: variantNameOf(sku.options),
          quantity: body.quantity,
          unitPriceInclVat: unitPrice,
          lineTotalInclVat: unitPrice * body.quantity,
          vatRateBp: price.vatRateBp,
          reservationId,
        },
      ]);
      await store.markSubstitute(tx, newLineId, line.id, body.note);
      await store.settleLine(tx, line.id, { state: 'substituted', note: body.note });
    });
  });
}

/** Sent home from `locationId` instead: the hold moves there (409 when it lacks stock). */
export async function shipLineHome(
  ctx: AppContext,
  caller: RegisterCaller,
  orderId: string,
  lineId: string,
  body: ShipLineHomeBody,
): Promise<Order> {
  const [location] = await findLocations(ctx.db, [body.locationId]);
  if (!location) {
    throw new DomainError('validation_failed', `No location ${body.locationId}.`, [
      { field: 'locationId', message: 'Unknown location' },
    ]);
  }
  return changeLine(ctx, caller, orderId, lineId, 'ship_home', async (tx, row, line) => {
    if (location.id === row.locationId) {
      throw new DomainError('validation_failed', 'Ship from another location than the store’s own.', [
        { field: 'locationId', message: 'The order’s own location' },
      ]);
    }
    const reservationId = `${row.id}:${line.id}:ship`;
    const take = {
      reservationId,
      skuId: line.skuId,
      locationId: location.id,
      quantity: line.quantity,
      reference: row.id,
    };
    await moveHoldIn(tx, ctx, line, take, 'locationId', () =>
      store.settleLine(tx, line.id, {
        state: 'shipping',
        fromLocationId: location.id,
        address: body.address,
        reservationId,
      }),
    );
  });
}

/** Other locations that have the line's SKU available, most first, for "ship home". */
export async function lineAvailability(
  ctx: AppContext,
  register: RegisterRow,
  orderId: string,
  lineId: string,
): Promise<LineAvailability> {
  const row = storeOrder(await orders.findOrder(ctx.db, { id: orderId }), register, orderId);
  const line = await store.findOrderLine(ctx.db, row.id, lineId);
  if (!line) {
    throw new DomainError('not_found', `No line ${lineId}.`, [{ field: 'lineId', message: 'Unknown line' }]);
  }
  const where = await whereIsSku(ctx, line.skuId);
  return {
    items: where.locations
      .filter((l) => l.location.id !== row.locationId && l.available > 0)
      .sort((a, b) => b.available - a.available)
      .map((l) => ({ locationId: l.location.id, locationName: l.location.name, available: l.available })),
  };
}
