// From the cart on screen to the core's SaleDraft, and the totals shown while ringing up (before
// anyone has chosen how to pay): the same computeReceipt the server re-runs on every sale.
import {
  type ComputedReceipt,
  computeReceipt,
  DEFAULT_REGISTER_DISCOUNT_LIMITS,
  discountAmountOf,
  type PaymentInput,
  type ReceiptPolicy,
  type RegisterRole,
  type SaleDraft,
} from '@handla/core';
import { giftCardOf } from '../extras/gift-card-cart';
import type { Cart } from './cart';

type DiscountLimits = ReceiptPolicy['discountLimits'];

/**
 * What each role may give when no setup has said otherwise (tests); the register uses the limits
 * of its setup snapshot, the same ones the server applies.
 */
export const DEFAULT_DISCOUNT_LIMITS: DiscountLimits = DEFAULT_REGISTER_DISCOUNT_LIMITS;

export function policyFor(
  role: RegisterRole,
  discountLimits: DiscountLimits = DEFAULT_DISCOUNT_LIMITS,
): ReceiptPolicy {
  return { role, discountLimits };
}

/** The core's draft for the cart; names are Swedish because receipts are. */
export function draftOf(
  cart: Cart,
  currency: string,
  isTraining: boolean,
  payments: PaymentInput[],
): SaleDraft {
  return {
    currency,
    isTraining,
    lines: cart.lines.map((line) => ({
      skuId: line.skuId,
      skuCode: line.sku,
      name: line.optionsText ? `${line.name.sv} ${line.optionsText}` : line.name.sv,
      quantity: line.quantity,
      unitPriceInclVat: line.unitPriceInclVat,
      vatRateBp: line.vatRateBp,
      ...(line.discount ? { discount: line.discount } : {}),
      ...(line.warrantyText ? { warrantyText: line.warrantyText } : {}),
      ...(line.originalReceiptId ? { originalReceiptId: line.originalReceiptId } : {}),
      ...(line.originalLineNo !== undefined ? { originalLineNo: line.originalLineNo } : {}),
      ...giftCardOf(line),
      ...(line.orderLineId ? { orderLineId: line.orderLineId } : {}),
      ...(line.promotionDiscounts?.length ? { promotionDiscounts: line.promotionDiscounts } : {}),
    })),
    ...(cart.receiptDiscount ? { receiptDiscount: cart.receiptDiscount } : {}),
    ...(cart.customer ? { customerId: cart.customer.id } : {}),
    // The server collects the web order when it applies this receipt (also one made offline).
    ...(cart.webOrder ? { webOrderId: cart.webOrder.id } : {}),
    // Only the codes that gave a discount: the server counts each once, with the receipt.
    ...(cart.appliedCouponCodes?.length ? { couponCodes: cart.appliedCouponCodes } : {}),
    payments,
  };
}

// The exact total after discounts (the receipt discount's split over lines does not change it).
function exactTotal(draft: SaleDraft): number {
  const afterLine = draft.lines.map((l) => {
    // Promotions first, then the manual discount on what they leave (as in the core).
    const promoted =
      l.quantity * l.unitPriceInclVat - (l.promotionDiscounts ?? []).reduce((s, d) => s + d.amount, 0);
    return promoted - (l.discount ? discountAmountOf(l.discount, promoted) : 0);
  });
  // A gift card line takes no share of the receipt discount (as in the core).
  const base = afterLine.reduce((sum, a, i) => sum + (draft.lines[i]?.giftCard ? 0 : Math.max(0, a)), 0);
  const receiptDiscount = draft.receiptDiscount ? discountAmountOf(draft.receiptDiscount, base) : 0;
  return afterLine.reduce((sum, a) => sum + a, 0) - receiptDiscount;
}

/**
 * The receipt as it stands, settled as if by card for the exact total, so it shows lines, discounts
 * and VAT before payment. Throws the core's DomainError (fields named) for a refused discount.
 */
export function previewReceipt(
  cart: Cart,
  currency: string,
  isTraining: boolean,
  role: RegisterRole,
  discountLimits: DiscountLimits = DEFAULT_DISCOUNT_LIMITS,
): ComputedReceipt {
  const draft = draftOf(cart, currency, isTraining, []);
  const total = exactTotal(draft);
  const payments: PaymentInput[] = total === 0 ? [] : [{ method: 'card_standalone', amount: total }];
  return computeReceipt({ ...draft, payments }, policyFor(role, discountLimits));
}
