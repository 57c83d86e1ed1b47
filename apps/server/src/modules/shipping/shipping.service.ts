// Shipments per order line and quantity. Each one: (1) is claimed in one transaction — quantities
// checked against what is ordered, shipped, cancelled and under way, its amount fixed (its lines,
// the shipping fee on the first) and checked against what is still authorized; (2) captures exactly
// that amount, outside any transaction, keyed by the shipment; (3) is booked with the carrier
// (idempotent on the shipment id); (4) in one transaction, the held units are sold, the lines and
// the order move on, the shopper's mail is queued and the events emitted. A retry with the same key
// picks up at the step it stopped at, so a crash never captures or books twice.
import type { CreateShipmentBody, Parcel, Shipment } from '@handla/api';
import { DomainError, type OrderEditor, type PaymentPart, shipmentAmount } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { warehouseHolderId } from '../fulfilment/packed';
import { assertOrderEditableBy } from '../orders/order-lock';
import { moveOwed, outstandingMoneyError } from '../orders/order-money';
import {
  amountToPayOf,
  onlinePaymentsOf,
  planCapture,
  releaseAllUncaptured,
  uncapturedOf,
} from '../orders/order-payments';
import { findOrder, findShippingMethod, listShippingMethods, type OrderRow } from '../orders/orders.store';
import { viewOrder } from '../orders/orders.view';
import type { CarrierPort } from './carrier.port';
import { bookShipment } from './shipping.book';
import { finishShipment } from './shipping.finish';
import * as store from './shipping.store';
import {
  isShippableLine,
  listShippingLines,
  orderNotFound,
  remainingOf,
  unitsUnderWay,
  viewShipmentRows,
} from './shipping.view';

/** Who ships: the order-lock editor, and the id written in the payment history. */
export interface ShippingActor {
  editor: OrderEditor;
  actorId: string;
}

/** Delivery orders ship while the warehouse works them. */
const SHIPPING_STATUSES: readonly OrderRow['status'][] = ['placed', 'accepted', 'picking'];
/** One parcel of 1 kg when the caller names none. */
const DEFAULT_PARCELS: Parcel[] = [{ weightGrams: 1000 }];

export function orderConflict(message: string, detail = message): DomainError {
  return new DomainError('invalid_state', detail, [{ field: 'orderId', message }]);
}

/** The capture's idempotency key: the shipment's, so a retry finds the first capture. */
export const captureKeyOf = (shipmentId: string) => `shipment:${shipmentId}`;

/** Books a shipment of `body.lines` (see the file header); a repeat with its key returns it. */
export async function createShipment(
  ctx: AppContext,
  actor: ShippingActor,
  orderId: string,
  body: CreateShipmentBody,
  /** A 3PL connector passes the booking its warehouse already made (tracking number from its report). */
  options: { carrier?: CarrierPort } = {},
): Promise<{ shipment: Shipment; isNew: boolean }> {
  const claim = await claimShipment(ctx, actor, orderId, body);
  let row = claim.row;
  if (row.status === 'failed') {
    throw new DomainError('invalid_state', `Shipment ${row.number} was refused: ${row.error}`, [
      { field: 'idempotencyKey', message: 'This shipment was refused; send a new key' },
    ]);
  }
  if (row.status === 'started') row = await captureShipment(ctx, claim.order, row, actor);
  if (row.status === 'captured') {
    const booking = await bookShipment(ctx, claim.order, row, options.carrier);
    await finishShipment(ctx, row.id, booking);
    await releaseUncaptured(ctx, claim.order.id, actor, {
      idempotencyKey: `shipped-release:${claim.order.id}`,
      reason: 'shipped; the rest released',
      isQuiet: true,
    });
  }
  const [shipment] = await viewShipmentRows(ctx.db, [(await store.findShipment(ctx.db, row.id))!]);
  return { shipment: shipment!, isNew: claim.isNew };
}

function sameLines(a: readonly { orderLineId: string; quantity: number }[], b: typeof a): boolean {
  const key = (lines: typeof a) =>
    [...lines]
      .map((l) => `${l.orderLineId}:${l.quantity}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

async function claimShipment(
  ctx: AppContext,
  actor: ShippingActor,
  orderId: string,
  body: CreateShipmentBody,
) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const order = await findOrder(tx, { id: orderId }, { forUpdate: true });
    if (!order) throw orderNotFound(orderId);
    const shipments = await store.listShipmentsOfOrder(tx, order.id);
    const existing = shipments.find((s) => s.idempotencyKey === body.idempotencyKey);
    if (existing) {
      const lines = await store.listShipmentLines(tx, [existing.id]);
      if (!sameLines(lines, body.lines)) {
        throw new DomainError('duplicate', 'This idempotency key was used for another shipment.', [
          { field: 'idempotencyKey', message: `Already used for shipment ${existing.number}` },
        ]);
      }
      return { order, row: existing, isNew: false };
    }
    assertShippableOrder(order, actor);
    const payments = await onlinePaymentsOf(tx, order);
    const primary = payments.find((p) => p.id === order.paymentId);
    if (uncapturedOf(payments) === 0) {
      throw orderConflict(
        `The payment is ${primary?.status ?? 'missing'}`,
        `Order ${order.number} is not paid.`,
      );
    }
    // An edit raised the order beyond its authorizations: it ships once the shopper paid the rest.
    const toPay = amountToPayOf(order, (await viewOrder(tx, order)).amountDue.amount, payments);
    if (toPay > 0) {
      throw new DomainError('payment_difference', `Order ${order.number} waits for ${toPay} öre.`, [
        { field: 'orderId', message: `The shopper has ${toPay} öre left to pay` },
      ]);
    }
    const lines = await listShippingLines(tx, order.id);
    const shipmentLines = await store.listShipmentLines(
      tx,
      shipments.map((s) => s.id),
    );
    const underWay = unitsUnderWay(shipments, shipmentLines);
    const counted = new Set(shipments.filter((s) => s.status !== 'failed').map((s) => s.id));
    const seen = new Set<string>();
    const chosen = body.lines.map((input, i) => {
      const line = lines.find((l) => l.id === input.orderLineId);
      if (!line || seen.has(line.id)) {
        throw new DomainError(
          'validation_failed',
          `Line ${input.orderLineId} is not a line of the order, or twice.`,
          [{ field: `lines[${i}].orderLineId`, message: 'Not a line of this order (or named twice)' }],
        );
      }
      seen.add(line.id);
      if (!isShippableLine(order, line)) {
        throw new DomainError('invalid_state', `Line ${line.sku} is ${line.state}.`, [
          { field: `lines[${i}].orderLineId`, message: `Is ${line.state}; not shipped from here` },
        ]);
      }
      const left = remainingOf(line, underWay.get(line.id) ?? 0);
      if (input.quantity > left) {
        throw new DomainError(
          'invalid_state',
          `${input.quantity} of ${line.sku} wanted, ${left} left to ship.`,
          [{ field: `lines[${i}].quantity`, message: `At most ${left} left to ship` }],
        );
      }
      const before = shipmentLines.filter((l) => l.orderLineId === line.id && counted.has(l.shipmentId));
      return {
        line,
        units: input.quantity,
        unitsBefore: before.reduce((n, l) => n + l.quantity, 0) + line.cancelledQuantity,
        amountBefore: before.reduce((n, l) => n + l.amount, 0),
      };
    });
    const fromLocations = new Set(chosen.map((c) => c.line.shipFromLocationId ?? order.locationId));
    if (fromLocations.size > 1) {
      throw new DomainError('validation_failed', 'The lines ship from different locations.', [
        { field: 'lines', message: 'One shipment leaves from one location; book one per location' },
      ]);
    }
    const method = await shippingMethodOf(tx, order);
    const money = shipmentAmount(
      chosen.map((c) => ({
        quantity: c.line.quantity,
        unitPriceInclVat: c.line.unitPriceInclVat,
        lineTotalInclVat: c.line.lineTotalInclVat,
        unitsBefore: c.unitsBefore,
        amountBefore: c.amountBefore,
        units: c.units,
      })),
      {
        feeInclVat: order.fulfilment === 'delivery' ? order.shippingPriceInclVat : 0,
        isFirstShipment: counted.size === 0,
      },
    );
    // Captures of shipments under way are not in `captured` yet: count them as taken.
    const inFlight = shipments
      .filter((s) => s.status === 'started')
      .flatMap((s) => capturesOf(s, order.paymentId));
    const captures = planCapture(payments, money.total, inFlight);
    if (!captures) {
      const capturable = uncapturedOf(payments) - inFlight.reduce((n, p) => n + p.amount, 0);
      throw new DomainError(
        'invalid_state',
        `The shipment is ${money.total} öre; ${capturable} is still authorized.`,
        [
          {
            field: 'lines',
            message: `Captures ${money.total} öre; only ${capturable} is authorized and not captured`,
          },
        ],
      );
    }
    const row: store.NewShipment = {
      id: ctx.newId('shp'),
      orderId: order.id,
      idempotencyKey: body.idempotencyKey,
      number: shipments.length + 1,
      locationId: [...fromLocations][0]!,
      carrier: method.carrier,
      serviceCode: method.serviceCode,
      amount: money.total,
      shippingFee: money.shippingFee,
      parcels: body.parcels ?? DEFAULT_PARCELS,
      captures,
      createdBy: actor.actorId,
      createdAt: now,
    };
    await store.insertShipment(
      tx,
      row,
      chosen.map((c, i) => ({ orderLineId: c.line.id, quantity: c.units, amount: money.lines[i]! })),
    );
    return { order, row: (await store.findShipment(tx, row.id))!, isNew: true };
  });
}

/**
 * Who ships, for the lock check: staff shipping an order released to its own warehouse (locked to
 * `warehouse:<location>` by the release) act for that warehouse; anyone else is who they are.
 */
export function shippingEditorOf(
  order: Pick<OrderRow, 'locationId' | 'lockedByKind' | 'lockedById'>,
  actor: ShippingActor,
): OrderEditor {
  const isOwnWarehouse =
    order.lockedByKind === 'staff' && order.lockedById === warehouseHolderId(order.locationId);
  return isOwnWarehouse && actor.editor.kind === 'staff'
    ? { kind: 'staff', id: order.lockedById! }
    : actor.editor;
}

function assertShippableOrder(order: OrderRow, actor: ShippingActor): void {
  if (order.fulfilment === 'delivery') {
    if (!SHIPPING_STATUSES.includes(order.status)) {
      throw orderConflict(`Is ${order.status}`, `Order ${order.number} is ${order.status}; nothing ships.`);
    }
    assertOrderEditableBy(order, shippingEditorOf(order, actor));
  } else if (order.status === 'cancelled' || order.status === 'awaiting_payment') {
    throw orderConflict(`Is ${order.status}`, `Order ${order.number} is ${order.status}; nothing ships.`);
  }
}

/** The order's shipping method; a pickup order's ship-home lines go with the first active one. */
async function shippingMethodOf(q: Queryable, order: OrderRow) {
  const method = order.shippingMethodId
    ? await findShippingMethod(q, order.shippingMethodId)
    : (await listShippingMethods(q))[0];
  if (!method) throw orderConflict('No shipping method to book with');
  return method;
}

/** The parts a shipment captures; shipments from before the split took all from the order's payment. */
function capturesOf(row: store.ShipmentRow, paymentId: string | null): PaymentPart[] {
  return row.captures ?? (paymentId ? [{ paymentId, amount: row.amount }] : []);
}

/**
 * Step 2: capture exactly the shipment's amount, over its payments. Refused before anything was
 * captured, the shipment ends (a new key starts again). Refused half-way (a second payment said
 * no), what was captured stays captured and counted for this shipment, which stays `started` with
 * the outstanding amount in its error: nothing is booked, and a retry with the same key captures
 * only the rest (orders/order-money.ts). No answer keeps it too.
 */
async function captureShipment(
  ctx: AppContext,
  order: OrderRow,
  row: store.ShipmentRow,
  actor: ShippingActor,
): Promise<store.ShipmentRow> {
  if (row.amount > 0) {
    let progress: Awaited<ReturnType<typeof moveOwed>>;
    try {
      progress = await moveOwed(ctx, order, 'capture', row.amount, {
        idempotencyKey: captureKeyOf(row.id),
        reason: `Order ${order.number}, shipment ${row.number}`,
        actor: actor.actorId,
        plan: capturesOf(row, order.paymentId),
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'payment_failed') {
        await store.noteShipmentError(ctx.db, row.id, error.message);
      } else {
        await store.failShipment(ctx.db, row.id, error.message, ctx.clock());
      }
      throw error;
    }
    if (progress.outstanding > 0) {
      const error = outstandingMoneyError(progress, 'idempotencyKey');
      if (progress.moved === 0) {
        const reason = progress.refusal ?? error.message;
        await store.failShipment(ctx.db, row.id, reason, ctx.clock());
        throw new DomainError('payment_declined', reason, [{ field: 'amount', message: reason }]);
      }
      await store.noteShipmentError(ctx.db, row.id, error.message);
      throw error;
    }
  }
  await store.markShipmentCaptured(ctx.db, row.id);
  return { ...row, status: 'captured' };
}

/**
 * Once the order is closed and nothing is left to ship, releases what stays authorized beyond the
 * captures (lines removed or cancelled; a pickup order collected before its ship-home line left).
 * `isQuiet`: a refusal or no answer is left on the payment instead of failing the caller.
 */
export async function releaseUncaptured(
  ctx: AppContext,
  orderId: string,
  actor: ShippingActor,
  how: { idempotencyKey: string; reason: string; isQuiet: boolean },
): Promise<void> {
  const order = (await findOrder(ctx.db, { id: orderId }))!;
  const isClosed = order.status === 'shipped' || order.status === 'collected' || order.status === 'cancelled';
  if (!isClosed || !order.paymentId) return;
  const lines = await listShippingLines(ctx.db, order.id);
  const isLeft = lines.some(
    (l) => isShippableLine(order, l) && l.shippedQuantity + l.cancelledQuantity < l.quantity,
  );
  if (isLeft) return;
  try {
    await releaseAllUncaptured(ctx, await onlinePaymentsOf(ctx.db, order), {
      idempotencyKey: how.idempotencyKey,
      reason: `Order ${order.number}: ${how.reason}`,
      actor: actor.actorId,
    });
  } catch (error) {
    if (!how.isQuiet || !(error instanceof DomainError)) throw error;
  }
}
