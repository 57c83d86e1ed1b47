// Loyalty vouchers paying web orders (docs/loyalty.md). The checkout checks the codes before it
// holds anything, then redeems them in its own transaction with the voucher rows locked, so of two
// checkouts racing for one voucher exactly one pays with it. What a voucher payment later releases
// or refunds goes back to the shopper: the vouchers themselves while nothing was captured, else a
// new voucher for the amount (the `loyalty.vouchers-back` job, keyed by the payment operation).
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { findPayment, voidPayment } from '../payments/payments.service';
import { newVoucherCode, VOUCHER_VALID_DAYS } from '../register/vouchers.service';
import { insertVoucher } from '../register/vouchers.store';
import * as store from './web-vouchers.store';

const DAY_MS = 86_400_000;
const BATCH = 100;

const fieldOf = (i: number) => `payment.vouchers[${i}]`;

/** What the vouchers pay of an order, each voucher's part in the order the shopper gave them. */
export interface VoucherParts {
  total: number;
  parts: { voucherId: string; code: string; amount: number }[];
}

/**
 * Checks the shopper's codes: each their own loyalty voucher, in the order's currency, unexpired
 * and unused, none twice. Refusals name `payment.vouchers[i]`; nothing changes.
 */
export async function checkCheckoutVouchers(
  q: Queryable,
  input: { customerId: string | null; codes: readonly string[]; currency: string; at: Date },
  forUpdate = false,
): Promise<store.MemberVoucher[]> {
  if (!input.customerId) {
    throw new DomainError('validation_failed', 'Vouchers are for signed-in members.', [
      { field: fieldOf(0), message: 'Sign in to pay with your vouchers' },
    ]);
  }
  const seen = new Set<string>();
  input.codes.forEach((code, i) => {
    if (seen.has(code)) {
      throw new DomainError('validation_failed', `Voucher ${code} is given twice.`, [
        { field: fieldOf(i), message: 'Given twice' },
      ]);
    }
    seen.add(code);
  });
  // Locked in code order, so two checkouts naming the same vouchers cannot deadlock.
  const rows = await store.findVouchersByCode(q, [...seen].sort(), forUpdate);
  const byCode = new Map(rows.map((r) => [r.code, r] as const));
  return input.codes.map((code, i) => {
    const v = byCode.get(code);
    // Someone else's voucher reads as unknown: the answer must not tell that a code exists.
    if (v?.reason !== 'loyalty' || v.customerId !== input.customerId) {
      throw new DomainError('validation_failed', `${code} is not one of your vouchers.`, [
        { field: fieldOf(i), message: 'Not one of your vouchers' },
      ]);
    }
    if (v.currency !== input.currency) {
      throw new DomainError('validation_failed', `Voucher ${code} is in ${v.currency}.`, [
        { field: fieldOf(i), message: `In ${v.currency}, not ${input.currency}` },
      ]);
    }
    if (v.validUntil <= input.at) {
      throw new DomainError('invalid_state', `Voucher ${code} has expired.`, [
        { field: fieldOf(i), message: 'Expired' },
      ]);
    }
    if (v.isUsed) {
      throw new DomainError('conflict', `Voucher ${code} has been used.`, [
        { field: fieldOf(i), message: 'Already used' },
      ]);
    }
    return v;
  });
}

/** Splits `total` over the vouchers in order; a voucher left nothing to pay is refused. */
export function voucherPartsOf(vouchers: readonly store.MemberVoucher[], total: number): VoucherParts {
  let left = total;
  const parts = vouchers.map((v, i) => {
    if (left === 0) {
      throw new DomainError('validation_failed', `Voucher ${v.code} is not needed.`, [
        { field: fieldOf(i), message: 'Not needed: the vouchers before it pay the whole order' },
      ]);
    }
    const amount = Math.min(v.amount, left);
    left -= amount;
    return { voucherId: v.id, code: v.code, amount };
  });
  return { total: total - left, parts };
}

/**
 * Locks the shopper's vouchers in the checkout's transaction and splits the order total over them:
 * a voucher another checkout used meanwhile is 409 `conflict` naming its field, and the whole
 * checkout rolls back. The excess of a voucher over the order is forfeited.
 */
export async function lockCheckoutVouchersIn(
  tx: Queryable,
  input: {
    customerId: string | null;
    codes: readonly string[];
    currency: string;
    totalInclVat: number;
    at: Date;
  },
): Promise<VoucherParts> {
  return voucherPartsOf(await checkCheckoutVouchers(tx, input, true), input.totalInclVat);
}

/** Marks the locked vouchers used by the order, each with the part it pays. */
export async function redeemCheckoutVouchersIn(
  tx: Queryable,
  ctx: AppContext,
  orderId: string,
  vouchers: VoucherParts,
  at: Date,
): Promise<void> {
  for (const part of vouchers.parts) {
    await store.insertOrderRedemption(tx, {
      id: ctx.newId('vrd'),
      voucherId: part.voucherId,
      orderId,
      amount: part.amount,
      at,
    });
  }
}

/** What the order's vouchers pay (0 without vouchers). */
export async function voucherTotalOf(q: Queryable, orderId: string): Promise<number> {
  return (await store.listOrderRedemptions(q, orderId)).reduce((sum, r) => sum + r.amount, 0);
}

/**
 * Gives the vouchers of an order that was cancelled at checkout (declined, or the payment could
 * not start) back at once: the voucher payment is released and the vouchers are unused again.
 */
export async function giveBackOrderVouchers(
  ctx: AppContext,
  orderId: string,
  paymentId: string,
): Promise<void> {
  if (!(await findPayment(ctx.db, paymentId))) {
    // The voucher payment was never written: nothing to release, only the redemptions to undo.
    await store.deleteOrderRedemptions(ctx.db, orderId);
    return;
  }
  // Refused when the checkout's own undo released it already: its release gives back below.
  await voidPayment(ctx, {
    paymentId,
    idempotencyKey: `cancel:${orderId}`,
    reason: 'Order cancelled: the vouchers go back to the shopper',
  }).catch(() => {});
  const now = ctx.clock();
  for (const op of await store.listPendingVoucherReturns(ctx.db, BATCH, orderId)) {
    await giveBackIn(ctx, op, now);
  }
}

/**
 * The `loyalty.vouchers-back` job: releases the voucher payment of cancelled orders, then gives
 * back what every release or refund of a voucher payment freed. Returns how many it gave back.
 */
export async function giveBackWebVouchers(ctx: AppContext, now: Date): Promise<number> {
  const failures: unknown[] = [];
  for (const p of await store.listCancelledVoucherPayments(ctx.db, BATCH)) {
    try {
      await voidPayment(ctx, {
        paymentId: p.paymentId,
        idempotencyKey: `cancel:${p.orderId}`,
        reason: 'Order cancelled: the vouchers go back to the shopper',
      });
    } catch (error) {
      failures.push(error); // e.g. a capture still in flight: the next run tries again
    }
  }
  let given = 0;
  for (const op of await store.listPendingVoucherReturns(ctx.db, BATCH)) {
    if (await giveBackIn(ctx, op, now)) given++;
  }
  if (failures.length > 0) {
    throw new AggregateError(
      failures,
      `${failures.length} voucher payments of cancelled orders not released`,
    );
  }
  return given;
}

async function giveBackIn(ctx: AppContext, op: store.PendingVoucherReturn, now: Date): Promise<boolean> {
  if (!op.customerId) return false;
  const customerId = op.customerId;
  return ctx.db.transaction(async (tx) => {
    if (await store.lockVoucherReturn(tx, op.operationId)) return false;
    const record = (voucherId: string) =>
      store.insertVoucherReturn(tx, {
        operationId: op.operationId,
        voucherId,
        customerId,
        orderId: op.orderId,
        at: now,
      });
    // Released before any capture: the very vouchers become unused again (as at a cancelled sale).
    // (Never a new voucher on top: with the redemptions already gone, they were given back.)
    if (op.kind === 'void' && op.isNothingCaptured) {
      const redeemed = await store.listOrderRedemptions(tx, op.orderId);
      await store.deleteOrderRedemptions(tx, op.orderId);
      for (const r of redeemed) await record(r.voucherId);
      return redeemed.length > 0;
    }
    // Part was captured (goods handed over) or refunded (a return): a new voucher for the amount,
    // valid a year like one the points paid for.
    const voucherId = ctx.newId('vch');
    await insertVoucher(tx, {
      id: voucherId,
      companyId: op.companyId,
      code: newVoucherCode(),
      amount: op.amount,
      currency: op.currency,
      validUntil: new Date(+now + VOUCHER_VALID_DAYS * DAY_MS),
      isSingleUse: true,
      reason: 'loyalty',
      issuedBy: null,
      issuedReceiptId: null,
      at: now,
    });
    return record(voucherId);
  });
}
