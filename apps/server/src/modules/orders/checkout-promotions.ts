// Promotions at the web checkout: the cart is priced by the same engine as the shop's cart page
// and the register (automatic rules for the web, member-only rules for a signed-in member, and an
// optional coupon); the order stores each line's discounts by rule name and redeems the coupon in
// its own transaction, with the order id as the redemption's reference.
import type { PricedBasket } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { promotionGroupsOf } from '../customers/customer-groups.store';
import { findMemberCompany } from '../loyalty/loyalty.store';
import { redeemCouponIn, releaseCouponIn } from '../promotions/promotions.coupons.service';
import { applyPromotions } from '../promotions/promotions.pricing.service';
import {
  findOrderCouponCode,
  insertOrderLineDiscounts,
  listOrderLineIds,
  type OrderLineDiscountRow,
  setOrderPromotionTotals,
} from './order-discounts.store';

/** The checkout's field a refused coupon is named by. */
export const COUPON_FIELD = 'couponCode';

interface CheckoutLineForPromotions {
  skuId: string;
  quantity: number;
  unitPriceInclVat: number;
  vatRateBp: number;
}

/**
 * The checkout's lines through the engine: line `i` of the result is line `i` of the checkout
 * (line ids are positions, "1", "2", …). Unknown coupon → 400, used up → 409, naming `couponCode`.
 */
export async function priceCheckoutPromotions(
  ctx: AppContext,
  currency: string,
  lines: readonly CheckoutLineForPromotions[],
  buyer: {
    customerId: string | null;
    couponCode: string | undefined;
    /** Price as a member would pay, to show member prices; never set when an order is priced. */
    isMemberAssumed?: boolean;
  },
): Promise<PricedBasket> {
  // Only a signed-in shopper's own customer counts: a guest's typed e-mail proves no membership.
  const isMember =
    buyer.isMemberAssumed === true ||
    (buyer.customerId ? (await findMemberCompany(ctx.db, buyer.customerId)) !== null : false);
  // The same for groups: the signed-in customer's kind and group codes, a guest none.
  const customerGroups = buyer.customerId ? await promotionGroupsOf(ctx.db, buyer.customerId) : [];
  return applyPromotions(
    ctx.db,
    currency,
    lines.map((l, i) => ({
      lineId: String(i + 1),
      skuId: l.skuId,
      quantity: l.quantity,
      unitPriceInclVat: l.unitPriceInclVat,
      vatRateBp: l.vatRateBp,
    })),
    {
      at: ctx.clock(),
      channel: 'web',
      storeId: null,
      isMember,
      customerGroups,
      coupon: buyer.couponCode ?? null,
      couponField: COUPON_FIELD,
    },
  );
}

/**
 * In the checkout's transaction, after the order and its lines are written: the coupon is
 * redeemed (its limit re-checked on the locked row; past it → 409 naming `couponCode` and the
 * whole checkout rolls back), and each line's discounts and the order's total are stored.
 */
export async function writeOrderPromotionsIn(
  tx: Queryable,
  ctx: AppContext,
  orderId: string,
  promotions: PricedBasket | undefined,
): Promise<void> {
  if (!promotions || promotions.discountTotal === 0) return;
  const couponCode = promotions.appliedCouponCodes[0] ?? null;
  if (couponCode) {
    await redeemCouponIn(tx, ctx, { coupon: couponCode, reference: orderId }, COUPON_FIELD);
  }
  const lineIds = await listOrderLineIds(tx, orderId);
  const rows: OrderLineDiscountRow[] = [];
  for (const line of promotions.lines) {
    const orderLineId = lineIds.get(Number(line.lineId))!;
    for (const d of line.discounts) {
      if (d.amount === 0) continue;
      rows.push({
        orderLineId,
        orderId,
        promotionId: d.ruleId,
        promotionName: d.name,
        level: d.level,
        amount: d.amount,
      });
    }
  }
  await insertOrderLineDiscounts(tx, rows);
  await setOrderPromotionTotals(tx, orderId, promotions.discountTotal, couponCode);
}

/**
 * An order cancelled before it was paid gives its coupon back (a single-use code can be used
 * again); once paid, a cancel keeps the coupon used. In the cancelling transaction.
 */
export async function releaseOrderCouponIn(
  tx: Queryable,
  order: { id: string; status: string },
): Promise<void> {
  if (order.status !== 'awaiting_payment') return;
  const code = await findOrderCouponCode(tx, order.id);
  if (code) await releaseCouponIn(tx, code, order.id);
}
