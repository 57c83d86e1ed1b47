// Goods of a collected web order brought back to a store: refunded over the order's online
// payments (newest capture first), the stock back on this store's shelf. Idempotent on the client's `returnId`.
import type { Order, WebOrderReturnBody, WebOrderReturnResult } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { moveStockForRegisterReceipt } from '../inventory/register-sales';
import { listLocations } from '../locations/locations.lookups';
import type { RegisterRow } from '../register/devices.store';
import { unitsInOpenRequests } from '../returns/returns.store';
import { orderConflict, requireCompanyOrder, requireStoreCashier } from './handover.service';
import {
  addReturnedUnits,
  findWebOrderReturn,
  finishWebOrderReturn,
  insertWebOrderReturn,
  type ReturnLine,
  unitsInStartedReturns,
  type WebOrderReturnRow,
} from './handover.store';
import { paidForUnits } from './order-line-refund';
import { type MoneyProgress, moveOwed, outstandingMoneyError } from './order-money';
import { findOrder, listOrderLines, type OrderRow } from './orders.store';
import { viewOrder } from './orders.view';

function sameLines(a: readonly ReturnLine[], b: readonly ReturnLine[]): boolean {
  const key = (lines: readonly ReturnLine[]) =>
    JSON.stringify(lines.map((l) => [l.orderLineId, l.quantity]).sort());
  return key(a) === key(b);
}

/**
 * Checks the lines against what was handed over and not yet returned (counting returns still
 * waiting for their refund) and returns the amount paid for them.
 */
async function amountToRefund(tx: Queryable, order: OrderRow, body: WebOrderReturnBody): Promise<number> {
  const lines = new Map((await listOrderLines(tx, [order.id])).map((l) => [l.id, l]));
  const pending = await unitsInStartedReturns(tx, order.id);
  // Units the shopper already asked to send back (a return request not yet received) are spoken for.
  const requested = await unitsInOpenRequests(tx, order.id);
  const asked = new Map<string, number>();
  let amount = 0;
  for (const [i, line] of body.lines.entries()) {
    const bought = lines.get(line.orderLineId);
    // Removed and substituted lines were never handed over; lines shipped home are not this store's.
    if (!bought || !(bought.state === 'open' || bought.state === 'picked')) {
      throw new DomainError('validation_failed', 'Not a line handed over with this order.', [
        { field: `lines[${i}].orderLineId`, message: 'Not a collected line of the order' },
      ]);
    }
    const units = (asked.get(bought.id) ?? 0) + line.quantity;
    asked.set(bought.id, units);
    const left =
      bought.quantity -
      bought.returnedQuantity -
      (pending.get(bought.id) ?? 0) -
      (requested.get(bought.id) ?? 0);
    if (units > left) {
      throw new DomainError('conflict', 'More units than were collected and not yet returned.', [
        { field: `lines[${i}].quantity`, message: `At most ${left} can be returned` },
      ]);
    }
    // After the line's promotion discounts: units already given back or spoken for come first.
    amount += paidForUnits(bought, bought.quantity - left + units - line.quantity, line.quantity);
  }
  return amount;
}

async function claimReturn(
  ctx: AppContext,
  register: RegisterRow,
  cashierId: string,
  orderId: string,
  body: WebOrderReturnBody,
): Promise<WebOrderReturnRow> {
  return ctx.db.transaction(async (tx) => {
    const row = (await findOrder(tx, { id: orderId }, { forUpdate: true }))!;
    const existing = await findWebOrderReturn(tx, body.returnId);
    if (existing) {
      if (existing.orderId !== orderId || !sameLines(existing.lines, body.lines)) {
        throw new DomainError('duplicate', 'This return id was used for another return.', [
          { field: 'returnId', message: 'Already used for another return' },
        ]);
      }
      return existing;
    }
    if (row.status !== 'collected') {
      throw orderConflict(
        `Is ${row.status}; only a collected order is returned`,
        'The order is not collected.',
      );
    }
    const claim = {
      id: body.returnId,
      orderId,
      registerId: register.id,
      cashierId,
      lines: body.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })),
      amount: await amountToRefund(tx, row, body),
      reason: body.reason,
    };
    await insertWebOrderReturn(tx, claim, ctx.clock());
    return { ...claim, status: 'started' as const };
  });
}

/**
 * (1) Claims the return (lines checked, amount fixed); (2) refunds it over the order's online
 * payments, outside any transaction, keyed by the return id; (3) in one transaction, the goods come back to
 * this store's shelf, the lines count them returned, and `order.returned` is announced. A retry
 * after a crash finishes the same refund; a repeat of a finished return changes nothing.
 */
export async function returnWebOrderLines(
  ctx: AppContext,
  register: RegisterRow,
  orderId: string,
  body: WebOrderReturnBody,
): Promise<{ result: WebOrderReturnResult; isNew: boolean }> {
  const cashier = await requireStoreCashier(ctx, register, body.cashierId);
  const order = await requireCompanyOrder(ctx, register, orderId);
  if (order.paymentMethod === 'in_store') {
    throw orderConflict('Paid in store: return it against its register receipt');
  }
  const claim = await claimReturn(ctx, register, cashier.staffId, order.id, body);
  if (claim.status === 'refused') {
    throw new DomainError('payment_declined', 'The refund of this return was refused.', [
      { field: 'returnId', message: 'Refund refused' },
    ]);
  }
  const isNew = claim.status === 'started';
  if (isNew) {
    let progress: MoneyProgress;
    try {
      // Over the order's payments, newest capture first (order-money.ts), keyed by the return id.
      progress = await moveOwed(ctx, order, 'refund', claim.amount, {
        idempotencyKey: `return:${claim.id}`,
        reason: claim.reason,
        actor: cashier.staffId,
      });
    } catch (error) {
      // A refusal is final: the units are free to return again. No answer keeps the claim for a retry.
      if (error instanceof DomainError && error.code !== 'payment_failed') {
        await finishWebOrderReturn(ctx.db, claim.id, 'refused', ctx.clock());
      }
      throw error;
    }
    if (progress.outstanding > 0) {
      // Refused before anything went back: final, the units free to return again. Refused after
      // part went back: the claim keeps its units, and a repeat with the same id refunds the rest.
      if (progress.moved === 0) await finishWebOrderReturn(ctx.db, claim.id, 'refused', ctx.clock());
      throw outstandingMoneyError(progress, 'returnId');
    }
    await finishReturn(ctx, register, claim);
  }
  const view = await viewOrder(ctx.db, (await findOrder(ctx.db, { id: order.id }))!);
  const refunded = { amount: claim.amount, currency: order.currency };
  return { result: { order: view, refunded, returnId: claim.id }, isNew };
}

async function finishReturn(ctx: AppContext, register: RegisterRow, claim: WebOrderReturnRow) {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const row = (await findOrder(tx, { id: claim.orderId }, { forUpdate: true }))!;
    // A twin request finished it while this one refunded.
    if ((await findWebOrderReturn(tx, claim.id))?.status !== 'started') return;
    const [location] = (await listLocations(tx, { storeId: register.storeId })).filter(
      (l) => l.kind === 'store',
    );
    if (!location) throw new DomainError('invalid_state', 'The store has no stock location.');
    const lines = new Map((await listOrderLines(tx, [row.id])).map((l) => [l.id, l]));
    await addReturnedUnits(tx, claim.lines);
    await finishWebOrderReturn(tx, claim.id, 'done', now);
    const view: Order = await viewOrder(tx, row);
    await moveStockForRegisterReceipt(tx, {
      locationId: location.id,
      lines: claim.lines.map((l) => ({ skuId: lines.get(l.orderLineId)!.skuId, quantity: l.quantity })),
      reference: claim.id,
      actor: claim.cashierId,
      at: now,
      newId: ctx.newId,
      leading: [
        {
          type: 'order.returned',
          aggregateType: 'order',
          aggregateId: row.id,
          storeId: register.storeId,
          data: {
            order: view,
            returnId: claim.id,
            registerId: register.id,
            refunded: { amount: claim.amount, currency: row.currency },
            lines: claim.lines,
            reason: claim.reason,
          },
        },
      ],
    });
  });
}
