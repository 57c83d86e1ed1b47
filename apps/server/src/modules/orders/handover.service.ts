// Hand-over at the counter: finding the order (scanned pickup code or a search) with what the
// register may do with it and what to offer with it, and handing over a prepaid order.
import type {
  AddOnSuggestion,
  HandoverBody,
  HandoverLookupQuery,
  HandoverLookupResult,
  HandoverView,
  Order,
  PaymentStatus,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import type { StockActor } from '../inventory/inventory.shared';
import { consumeHoldsIn } from '../inventory/reservations.service';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import { type CashierRow, findCashierById, type RegisterRow } from '../register/devices.store';
import {
  findHandoverClaim,
  findOrderIdByCode,
  finishHandoverClaim,
  type HandoverClaim,
  insertHandoverClaim,
  listAddOnCandidates,
  searchPickupOrderIds,
} from './handover.store';
import { assertOrderEditableBy } from './order-lock';
import { moveOverPayments, onlinePaymentsOf, releaseAllUncaptured } from './order-payments';
import { moveOrderIn } from './orders.lifecycle';
import { findOrder, listOrderLines, type OrderRow } from './orders.store';
import { isCollectable, viewOrder, viewOrders } from './orders.view';
import { assertCashierOfStore } from './store-orders.service';
import { findOrdersByIds } from './store-orders.store';

const SEARCH_LIMIT = 20;
const SUGGESTIONS = 4;
/** Money the shop may take at hand-over: held (card, Klarna) or paid (Swish). */
const PREPAID: readonly PaymentStatus[] = ['authorized', 'partially_captured', 'captured'];

/** The cashier named in a body: a register cashier of the register's store (or company-wide). */
export async function requireStoreCashier(
  ctx: AppContext,
  register: RegisterRow,
  cashierId: string,
): Promise<CashierRow> {
  return assertCashierOfStore(await findCashierById(ctx.db, cashierId), register);
}

/** Stock moved at the counter is moved by the cashier, at their store only. */
export function counterActor(cashier: CashierRow, register: RegisterRow): StockActor {
  return { id: cashier.staffId, storeId: register.storeId, isStoreBound: true };
}

/** An order of the register's company, or 404 naming `orderId`. */
export async function requireCompanyOrder(
  ctx: AppContext,
  register: RegisterRow,
  orderId: string,
): Promise<OrderRow> {
  const row = await findOrder(ctx.db, { id: orderId });
  if (!row || row.companyId !== register.companyId || row.fulfilment !== 'pickup') {
    throw new DomainError('not_found', `No pickup order ${orderId}.`, [
      { field: 'orderId', message: 'Unknown pickup order' },
    ]);
  }
  return row;
}

/** A refusal about the order as a whole: 409 naming `orderId`. */
export function orderConflict(message: string, detail = message): DomainError {
  return new DomainError('invalid_state', detail, [{ field: 'orderId', message }]);
}

/** What the register may do with the order now, and why not when it may not. */
function handoverOf(
  row: OrderRow,
  order: Order,
  storeId: string,
): Pick<HandoverView, 'handover' | 'blockedReason'> {
  const none = (blockedReason: string) => ({ handover: 'none' as const, blockedReason });
  if (row.storeId !== storeId && order.fulfilment.kind === 'pickup') {
    return none(`Order ${order.number} is for pickup at ${order.fulfilment.store.name}.`);
  }
  if (row.status === 'collected') return none(`Order ${order.number} was already collected.`);
  if (row.status === 'cancelled') return none(`Order ${order.number} is cancelled.`);
  if (row.status !== 'ready') return none(`Order ${order.number} is not ready yet (${row.status}).`);
  if (row.paymentMethod === 'in_store') return { handover: 'pay_in_store', blockedReason: null };
  if (!PREPAID.includes(order.payment.status)) {
    return none(`The payment of order ${order.number} is not completed (${order.payment.status}).`);
  }
  return { handover: 'prepaid', blockedReason: null };
}

/** Up to four SKUs to offer with the order, priced for the store now, in stock on its shelf. */
async function suggestAddOns(ctx: AppContext, row: OrderRow, order: Order): Promise<AddOnSuggestion[]> {
  const candidates = await listAddOnCandidates(ctx.db, {
    orderId: row.id,
    skuIds: order.lines.map((l) => l.skuId),
    locationId: row.locationId,
    limit: SUGGESTIONS,
  });
  if (candidates.length === 0) return [];
  const prices = await resolvePrices(ctx, {
    skuIds: candidates.map((c) => c.skuId),
    storeId: row.storeId ?? undefined,
    at: ctx.clock(),
  });
  return candidates.map((c, i) => ({
    skuId: c.skuId,
    sku: c.sku,
    name: [c.productName, ...Object.values(c.options)].join(' '),
    unitPrice: prices[i]!.unitPriceInclVat,
    vatRateBp: prices[i]!.vatRateBp,
    available: c.available,
  }));
}

/** The order with this pickup code (any store of the company), or this store's orders matching `q`. */
export async function lookupHandover(
  ctx: AppContext,
  register: RegisterRow,
  query: HandoverLookupQuery,
): Promise<HandoverLookupResult> {
  const ids = query.code
    ? [await findOrderIdByCode(ctx.db, register.companyId, query.code)].filter((id) => id !== undefined)
    : await searchPickupOrderIds(ctx.db, register.storeId, query.q ?? '', SEARCH_LIMIT);
  const rows = await findOrdersByIds(ctx.db, ids);
  const orders = await viewOrders(ctx.db, rows);
  const items: HandoverView[] = [];
  for (const [i, order] of orders.entries()) {
    const row = rows[i]!;
    const state = handoverOf(row, order, register.storeId);
    const suggestions = state.handover === 'none' ? [] : await suggestAddOns(ctx, row, order);
    items.push({ order, ...state, suggestions });
  }
  return { items };
}

/**
 * Hands over a prepaid order: (1) claims the hand-over, fixing the amount (the collectable lines)
 * and the capture's key; (2) captures exactly that, outside any transaction; (3) in one
 * transaction, the held stock becomes sold and the order collected; (4) releases what was
 * authorized beyond it. A crash after (2) is finished by any retry: the claim keeps the key, and the
 * payments module answers a repeated key without capturing twice. A repeat of a finished
 * hand-over with the same key returns the order and changes nothing.
 */
export async function handOverOrder(
  ctx: AppContext,
  register: RegisterRow,
  orderId: string,
  body: HandoverBody,
): Promise<Order> {
  const cashier = await requireStoreCashier(ctx, register, body.cashierId);
  const order = await requireCompanyOrder(ctx, register, orderId);
  if (order.storeId !== register.storeId) throw orderConflict('An order for another store');
  if (order.paymentMethod === 'in_store') {
    throw orderConflict('Paid in store: ring it up as a register sale with webOrderId');
  }
  const claim = await claimHandover(ctx, register, cashier, order, body);
  if (claim.status === 'started') {
    if (claim.amount > 0) {
      // Over the order's authorizations: the checkout's, then any "pay the difference".
      await moveOverPayments(ctx, order, 'capture', claim.amount, {
        idempotencyKey: `handover:${claim.idempotencyKey}`,
        reason: `Order ${order.number} handed over`,
        actor: cashier.staffId,
      });
    }
    await finishHandover(ctx, register, cashier, order.id);
  }
  await releaseUncaptured(ctx, order, claim, cashier);
  return viewOrder(ctx.db, (await findOrder(ctx.db, { id: order.id }))!);
}

async function claimHandover(
  ctx: AppContext,
  register: RegisterRow,
  cashier: CashierRow,
  order: OrderRow,
  body: HandoverBody,
): Promise<HandoverClaim> {
  return ctx.db.transaction(async (tx) => {
    const row = (await findOrder(tx, { id: order.id }, { forUpdate: true }))!;
    const existing = await findHandoverClaim(tx, row.id);
    if (existing?.status === 'done') {
      if (existing.idempotencyKey !== body.idempotencyKey) throw orderConflict('Already handed over');
      return existing;
    }
    // A started claim is a hand-over cut short after (or during) its capture: finish that one.
    if (existing) return existing;
    if (row.status !== 'ready') {
      throw orderConflict(
        `Is ${row.status}; only a ready order is handed over`,
        `Order ${row.number} is not ready.`,
      );
    }
    assertOrderEditableBy(row, { kind: 'register', id: register.id });
    const view = await viewOrder(tx, row);
    if (!PREPAID.includes(view.payment.status)) {
      throw orderConflict(`The payment is ${view.payment.status}`, 'The order is not paid.');
    }
    if ((view.amountToPay?.amount ?? 0) > 0) {
      throw new DomainError('payment_difference', `Order ${row.number} waits for the difference.`, [
        { field: 'orderId', message: `The shopper has ${view.amountToPay!.amount} öre left to pay` },
      ]);
    }
    const claim = {
      orderId: row.id,
      idempotencyKey: body.idempotencyKey,
      amount: view.amountDue.amount,
      registerId: register.id,
      cashierId: cashier.staffId,
    };
    await insertHandoverClaim(tx, claim, ctx.clock());
    return { ...claim, status: 'started' as const };
  });
}

// The held stock of the collectable lines becomes sold; rows first, the order's event last.
async function finishHandover(ctx: AppContext, register: RegisterRow, cashier: CashierRow, orderId: string) {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const row = (await findOrder(tx, { id: orderId }, { forUpdate: true }))!;
    // A twin request finished it while this one captured.
    if (row.status === 'collected') return;
    const lines = await listOrderLines(tx, [row.id]);
    const holds = lines
      .filter(isCollectable)
      .flatMap((l) => (l.reservationId ? [{ id: l.reservationId }] : []));
    await consumeHoldsIn(tx, ctx, now, counterActor(cashier, register), holds, () =>
      finishHandoverClaim(tx, row.id, now),
    );
    await moveOrderIn(tx, ctx, row, 'collected');
  });
}

/**
 * Releases what stays authorized beyond the capture (removed lines), unless a line ships home and
 * is still to be captured when it leaves. The order is collected whatever the provider says: a
 * failed release shows on the order's payment, and a repeat of the hand-over tries again.
 */
async function releaseUncaptured(
  ctx: AppContext,
  order: OrderRow,
  claim: HandoverClaim,
  cashier: CashierRow,
) {
  const lines = await listOrderLines(ctx.db, [order.id]);
  if (lines.some((l) => l.state === 'shipping')) return;
  try {
    await releaseAllUncaptured(ctx, await onlinePaymentsOf(ctx.db, order), {
      idempotencyKey: `handover-release:${claim.idempotencyKey}`,
      reason: `Order ${order.number} handed over; the rest released`,
      actor: cashier.staffId,
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}
