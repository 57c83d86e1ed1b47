// A receipt's promotions, booked with it: each line's discounts by rule (facts, as printed — the
// core already checked they add up) and the coupon codes it used, each counted once with the receipt
// id as the redemption's reference, so a resent sale never counts a code twice.
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { NewEvent } from '../../outbox/emit';
import { normalizeCouponCode, redeemCouponIn } from '../promotions/promotions.coupons.service';
import { findCouponRow, findPromotionRow } from '../promotions/promotions.store';
import { invalidField } from './receipt-checks';
import type { ReceiptWork } from './receipts.apply';

/**
 * Refuses what points at a bug or tampering rather than a price: a rule that does not exist, a
 * coupon code twice, or a coupon rule's discount without one of its codes on the receipt.
 */
export async function checkReceiptPromotions(tx: Queryable, w: ReceiptWork): Promise<void> {
  const codes = (w.cmd.draft.couponCodes ?? []).map(normalizeCouponCode);
  if (new Set(codes).size < codes.length) {
    throw invalidField(`${w.field}draft.couponCodes`, 'Each code once');
  }
  const couponRules = new Set<string>();
  for (const code of codes) {
    const coupon = await findCouponRow(tx, code);
    if (coupon) couponRules.add(coupon.promotionId);
  }
  for (const [i, line] of w.cmd.draft.lines.entries()) {
    for (const [k, discount] of (line.promotionDiscounts ?? []).entries()) {
      const at = `${w.field}draft.lines[${i}].promotionDiscounts[${k}].ruleId`;
      const rule = await findPromotionRow(tx, discount.ruleId);
      if (!rule) throw invalidField(at, 'No such promotion');
      // A web order's line carries the discounts its checkout gave it; the order redeemed the coupon.
      if (rule.requiresCoupon && !line.orderLineId && !couponRules.has(rule.id)) {
        throw invalidField(at, 'The promotion needs one of its coupon codes on the receipt');
      }
    }
  }
}

/**
 * Writes the line promotions and counts the coupon codes. A code the server will not count (used up
 * at another till while this one was offline, or its rule ended) does not refuse the paid receipt:
 * it is recorded as not counted and announced (`sale.coupon_not_counted`). Training receipts use
 * no codes.
 */
export async function bookReceiptPromotions(
  tx: Queryable,
  ctx: AppContext,
  w: ReceiptWork,
): Promise<NewEvent[]> {
  const receiptId = w.cmd.receiptId;
  for (const line of w.computed.lines) {
    for (const d of line.promotionDiscounts ?? []) {
      await tx.query(
        `insert into receipt_line_promotions (receipt_id, line_no, promotion_id, name, amount_incl_vat)
         values ($1, $2, $3, $4, $5)`,
        [receiptId, line.lineNo, d.ruleId, d.name, d.amount],
      );
    }
  }
  if (w.computed.isTraining) return [];
  const notCounted: { code: string; reason: string }[] = [];
  for (const [i, raw] of (w.cmd.draft.couponCodes ?? []).entries()) {
    const code = normalizeCouponCode(raw);
    let reason: string | null = null;
    try {
      await redeemCouponIn(
        tx,
        ctx,
        { coupon: code, reference: receiptId },
        `${w.field}draft.couponCodes[${i}]`,
      );
    } catch (error) {
      // These refusals change nothing (the counter's update matched no row), so the transaction
      // goes on; anything else is a real failure.
      if (!(error instanceof DomainError)) throw error;
      reason = error.code;
      notCounted.push({ code, reason });
    }
    await tx.query(`insert into receipt_coupons (receipt_id, code, status, reason) values ($1, $2, $3, $4)`, [
      receiptId,
      code,
      reason ? 'not_counted' : 'redeemed',
      reason,
    ]);
  }
  if (notCounted.length === 0) return [];
  return [
    {
      type: 'sale.coupon_not_counted',
      aggregateType: 'receipt',
      aggregateId: receiptId,
      storeId: w.register.storeId,
      data: { receiptId, registerId: w.register.id, receiptNumber: w.cmd.receiptNumber, coupons: notCounted },
    },
  ];
}

/** The coupon codes a receipt used and whether each was counted. */
export async function listReceiptCoupons(
  q: Queryable,
  receiptId: string,
): Promise<{ code: string; status: 'redeemed' | 'not_counted'; reason: string | null }[]> {
  return q.query(`select code, status, reason from receipt_coupons where receipt_id = $1 order by code`, [
    receiptId,
  ]);
}
