// A gift card sold or topped up, as a cart line: no SKU, no stock, no VAT, no discount, one card.
// The cart reducer belongs to the sale; this builds the next cart for `{ type: 'replace' }`.
import {
  checkGiftCardLine,
  DomainError,
  type FieldProblem,
  type GiftCardLine,
  giftCardLineDraft,
} from '@handla/core';
import type { Cart, CartLine } from '../sale/cart';
import { randomDigits } from './random-code';

/** A cart line that loads a gift card. */
export type GiftCardCartLine = CartLine & { giftCard: GiftCardLine };

export function isGiftCardLine(line: CartLine): line is GiftCardCartLine {
  return (line as Partial<GiftCardCartLine>).giftCard !== undefined;
}

/** The line's gift card for the sale draft (`{}` for goods). */
export function giftCardOf(line: CartLine): { giftCard?: GiftCardLine } {
  return isGiftCardLine(line) ? { giftCard: { code: line.giftCard.code, action: line.giftCard.action } } : {};
}

/** A new 16-digit card number, from the platform's cryptographic random source. */
export function newGiftCardCode(): string {
  return randomDigits(16);
}

/**
 * The cart with a line issuing or topping up `card` with `amount` öre; throws the core's
 * `validation_failed` (fields named) for a bad code, an amount out of range or a card already on it.
 */
export function addGiftCardLine(cart: Cart, card: GiftCardLine, amount: number, lineId: string): Cart {
  const draft = giftCardLineDraft(card, amount);
  const problems: FieldProblem[] = [];
  checkGiftCardLine(draft, 'giftCard', problems);
  if (cart.lines.some((l) => isGiftCardLine(l) && l.giftCard.code === card.code)) {
    problems.push({ field: 'giftCard.giftCard.code', message: 'This card is already on the receipt' });
  }
  if (problems.length > 0) {
    throw new DomainError('validation_failed', problems.map((p) => p.message).join(' '), problems);
  }
  const line: GiftCardCartLine = {
    lineId,
    skuId: draft.skuId,
    sku: draft.skuCode,
    // Receipts are Swedish; the card line prints the same in both languages.
    name: { sv: draft.name, en: draft.name },
    optionsText: '',
    quantity: 1,
    unitPriceInclVat: amount,
    vatRateBp: 0,
    warrantyText: null,
    discount: null,
    giftCard: { code: card.code, action: card.action },
  };
  return { ...cart, lines: [...cart.lines, line], selectedLineId: line.lineId };
}
