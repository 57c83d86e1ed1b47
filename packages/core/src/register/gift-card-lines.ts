// Gift cards sold or topped up at the register. A gift card is a multi-purpose voucher: selling one
// is not a sale of goods but money held for the customer, so its line has no SKU, no stock, no VAT
// and takes no discount, and a gift card cannot pay for it (that would only move the money around).
import type { FieldProblem } from './discounts';
import type { GiftCardLine, PaymentInput, SaleLineDraft } from './types';

/** The SKU id and code a gift card line carries in place of a catalog SKU. */
export const GIFT_CARD_SKU_ID = 'gift-card';
export const GIFT_CARD_SKU_CODE = 'PRESENTKORT';

/** The smallest and largest amount a card is loaded with (as `POST /api/gift-cards`). */
export const GIFT_CARD_MIN_AMOUNT = 100;
export const GIFT_CARD_MAX_AMOUNT = 10_000_000;

const CODE = /^[A-Z0-9]{8,32}$/;

/** "1234…5678": enough to tell cards apart on a receipt, not enough to spend one. */
export function maskGiftCardCode(code: string): string {
  return code.length > 8 ? `${code.slice(0, 4)}…${code.slice(-4)}` : code;
}

/** The line that issues or tops up the card `code` with `amount`; the name is what is printed. */
export function giftCardLineDraft(giftCard: GiftCardLine, amount: number): SaleLineDraft {
  const masked = maskGiftCardCode(giftCard.code);
  return {
    skuId: GIFT_CARD_SKU_ID,
    skuCode: GIFT_CARD_SKU_CODE,
    name: giftCard.action === 'top_up' ? `Presentkort ${masked} påfyllning` : `Presentkort ${masked}`,
    quantity: 1,
    unitPriceInclVat: amount,
    vatRateBp: 0,
    giftCard,
  };
}

/** Checks a gift card line's own fields (after the common line checks); pushes problems. */
export function checkGiftCardLine(line: SaleLineDraft, field: string, problems: FieldProblem[]): void {
  const card = line.giftCard;
  if (!card) return;
  if (typeof card.code !== 'string' || !CODE.test(card.code)) {
    problems.push({ field: `${field}.giftCard.code`, message: '8–32 capital letters or digits' });
  }
  if (card.action !== 'issue' && card.action !== 'top_up') {
    problems.push({ field: `${field}.giftCard.action`, message: 'Must be issue or top_up' });
  }
  if (line.quantity !== 1) {
    problems.push({ field: `${field}.quantity`, message: 'A gift card line is one card' });
  }
  if (line.vatRateBp !== 0) {
    problems.push({ field: `${field}.vatRateBp`, message: 'A gift card carries no VAT (0)' });
  }
  if (
    !Number.isSafeInteger(line.unitPriceInclVat) ||
    line.unitPriceInclVat < GIFT_CARD_MIN_AMOUNT ||
    line.unitPriceInclVat > GIFT_CARD_MAX_AMOUNT
  ) {
    problems.push({
      field: `${field}.unitPriceInclVat`,
      message: `Must be between ${GIFT_CARD_MIN_AMOUNT} and ${GIFT_CARD_MAX_AMOUNT}`,
    });
  }
  if (line.discount) problems.push({ field: `${field}.discount`, message: 'A gift card takes no discount' });
}

/** Refuses the same card twice on one receipt (one card, one line). */
export function checkGiftCardCodesUnique(lines: readonly SaleLineDraft[], problems: FieldProblem[]): void {
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (!line.giftCard) return;
    if (seen.has(line.giftCard.code)) {
      problems.push({ field: `lines[${i}].giftCard.code`, message: 'This card is already on the receipt' });
    }
    seen.add(line.giftCard.code);
  });
}

/**
 * Gift card payments may pay for goods only: together they may not exceed what the receipt's
 * other lines cost (`goodsTotal`).
 */
export function checkGiftCardPayments(
  payments: readonly PaymentInput[],
  goodsTotal: number,
  hasGiftCardLine: boolean,
  problems: FieldProblem[],
): void {
  if (!hasGiftCardLine) return;
  let paidByCard = 0;
  payments.forEach((p, i) => {
    if (p.method !== 'gift_card' || p.amount <= 0) return;
    paidByCard += p.amount;
    if (paidByCard > goodsTotal) {
      problems.push({ field: `payments[${i}].method`, message: 'A gift card cannot pay for a gift card' });
    }
  });
}
