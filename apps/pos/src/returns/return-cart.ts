// A return as a cart of negative lines, and its refund to the original means of payment.
import type { ReceiptDetail, RegisterCatalogItem } from '@handla/api';
import type { PaymentInput, RegisterPaymentMethod } from '@handla/core';
import { cashDueOf } from '../pay/payments';
import { type Cart, emptyCart, optionsText } from '../sale/cart';

/** Units of each original line still returnable (bought minus returned before). */
export function returnableLines(receipt: ReceiptDetail) {
  return receipt.lines
    .filter((l) => l.quantity > 0)
    .map((l) => ({ ...l, returnable: l.quantity - l.returnedQuantity }))
    .filter((l) => l.returnable > 0);
}

/**
 * The cart giving back `quantities` (by original line number) of `receipt`. The refund per unit is
 * what was paid per unit (discounts included), since a return line takes no discount of its own.
 */
export function returnCartOf(
  receipt: ReceiptDetail,
  quantities: Record<number, number>,
  cartId: string,
): Cart {
  const lines = receipt.lines
    .filter((l) => (quantities[l.lineNo] ?? 0) > 0)
    .map((l) => ({
      lineId: `${cartId}-${l.lineNo}`,
      skuId: l.skuId,
      sku: l.skuCode,
      name: { sv: l.name, en: l.name },
      optionsText: '',
      quantity: -(quantities[l.lineNo] ?? 0),
      unitPriceInclVat: Math.round(l.totalInclVat / l.quantity),
      vatRateBp: l.vatRateBp,
      warrantyText: null,
      discount: null,
      originalReceiptId: receipt.id,
      originalLineNo: l.lineNo,
    }));
  return { ...emptyCart(cartId), lines, selectedLineId: null };
}

/** A cart returning catalog items without a receipt (one line per item, one unit each). */
export function returnCartWithoutReceipt(items: RegisterCatalogItem[], cartId: string): Cart {
  const lines = items.map((item, i) => ({
    lineId: `${cartId}-${i}`,
    skuId: item.skuId,
    sku: item.sku,
    name: item.name,
    optionsText: optionsText(item.options),
    quantity: -1,
    unitPriceInclVat: item.unitPriceInclVat,
    vatRateBp: item.vatRateBp,
    warrantyText: null,
    discount: null,
  }));
  return { ...emptyCart(cartId), lines, selectedLineId: null };
}

/** The refund of `total` (< 0) to one method; cash is rounded to the coin like the sale was. */
export function refundOf(total: number, method: RegisterPaymentMethod, currency: string): PaymentInput[] {
  if (total === 0) return [];
  return [{ method, amount: method === 'cash' ? cashDueOf(total, currency).due : total }];
}
