// The register's selling math, run both by the offline register and by the server that re-checks
// every submitted sale: discounts (limited by role), VAT per rate, cash rounding, payments, change.
import { DomainError } from '../errors';
import { allocateMoney, assertCurrency, money } from '../money/money';
import { summarizeVat, vatSummaryAmounts } from '../vat/vat';
import { checkDiscountLimit, checkDiscountShape, discountAmountOf, type FieldProblem } from './discounts';
import { checkGiftCardCodesUnique, checkGiftCardLine, checkGiftCardPayments } from './gift-card-lines';
import { promotionAmountOf, promotionFieldsOf } from './promotion-lines';
import { settlePayments } from './settle-payments';
import type { ComputedReceipt, ComputedReceiptLine, ReceiptPolicy, SaleDraft, SaleLineDraft } from './types';

const MAX_LINE_AMOUNT = 100_000_000_000; // a billion kronor: beyond any till, far below 2^53

function checkLine(line: SaleLineDraft, field: string, problems: FieldProblem[]): boolean {
  const before = problems.length;
  if (typeof line.name !== 'string' || line.name.trim() === '') {
    problems.push({ field: `${field}.name`, message: 'Required' });
  }
  if (!Number.isSafeInteger(line.quantity) || line.quantity === 0 || Math.abs(line.quantity) > 100_000) {
    problems.push({ field: `${field}.quantity`, message: 'Must be a whole number other than 0' });
  }
  if (!Number.isSafeInteger(line.unitPriceInclVat) || line.unitPriceInclVat < 0) {
    problems.push({ field: `${field}.unitPriceInclVat`, message: 'Must be a non-negative whole number' });
  }
  if (!Number.isSafeInteger(line.vatRateBp) || line.vatRateBp < 0 || line.vatRateBp > 10_000) {
    problems.push({ field: `${field}.vatRateBp`, message: 'Must be basis points between 0 and 10000' });
  }
  if (problems.length === before && Math.abs(line.quantity * line.unitPriceInclVat) > MAX_LINE_AMOUNT) {
    problems.push({ field: `${field}.quantity`, message: 'The line amount is too large' });
  }
  if (line.discount && line.quantity < 0) {
    // A return refunds what was paid: the original line's price already carries its discount.
    problems.push({ field: `${field}.discount`, message: 'A return line takes no discount' });
  }
  checkGiftCardLine(line, field, problems);
  return problems.length === before;
}

function refuse(code: string, problems: FieldProblem[]): never {
  throw new DomainError(code, problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}

/**
 * Computes a receipt to the öre, or throws `validation_failed` (bad fields) or `forbidden` (a
 * discount beyond the role's limit), naming the fields, e.g. `lines[2].discount.value`.
 */
export function computeReceipt(draft: SaleDraft, policy: ReceiptPolicy): ComputedReceipt {
  return compute(draft, policy, true);
}

/**
 * Prices a receipt still being built (lines and discounts, same checks) without settling its
 * payments: `payments` are ignored and rounding and change are 0.
 */
export function priceSaleDraft(draft: SaleDraft, policy: ReceiptPolicy): ComputedReceipt {
  return compute(draft, policy, false);
}

function compute(draft: SaleDraft, policy: ReceiptPolicy, isSettling: boolean): ComputedReceipt {
  const problems: FieldProblem[] = [];
  const limitProblems: FieldProblem[] = [];
  try {
    assertCurrency(draft.currency);
  } catch {
    refuse('validation_failed', [{ field: 'currency', message: 'Must be an ISO 4217 code' }]);
  }
  if (draft.lines.length === 0)
    problems.push({ field: 'lines', message: 'A receipt needs at least one line' });
  const limit = policy.discountLimits[policy.role];
  checkGiftCardCodesUnique(draft.lines, problems);

  const priced = draft.lines.map((line, i) => {
    const field = `lines[${i}]`;
    if (!checkLine(line, field, problems))
      return { line, grossAmount: 0, promotionAmount: 0, lineDiscountAmount: 0 };
    // + 0 turns the −0 of a free return line into 0.
    const grossAmount = line.quantity * line.unitPriceInclVat + 0;
    // Promotions first; a manual discount (and its role limit) is on what they leave.
    const promotionAmount = promotionAmountOf(line, grossAmount, field, problems);
    const base = grossAmount - promotionAmount;
    let lineDiscountAmount = 0;
    if (line.discount && checkDiscountShape(line.discount, base, `${field}.discount`, problems)) {
      lineDiscountAmount = discountAmountOf(line.discount, base);
      checkDiscountLimit(lineDiscountAmount, base, limit, `${field}.discount`, limitProblems);
    }
    return { line, grossAmount, promotionAmount, lineDiscountAmount };
  });

  // The receipt discount is shared over the sold lines in proportion to what they cost; a gift
  // card is money, not goods, and takes no share.
  const weights = priced.map((p) =>
    p.line.giftCard ? 0 : Math.max(0, p.grossAmount - p.promotionAmount - p.lineDiscountAmount),
  );
  const discountBase = weights.reduce((sum, w) => sum + w, 0);
  let receiptDiscountAmount = 0;
  const receiptDiscount = draft.receiptDiscount;
  if (receiptDiscount && checkDiscountShape(receiptDiscount, discountBase, 'receiptDiscount', problems)) {
    receiptDiscountAmount = discountAmountOf(receiptDiscount, discountBase);
    if (discountBase === 0)
      problems.push({ field: 'receiptDiscount', message: 'Needs a sold line to apply to' });
    checkDiscountLimit(receiptDiscountAmount, discountBase, limit, 'receiptDiscount', limitProblems);
  }
  if (problems.length > 0) refuse('validation_failed', problems);
  if (limitProblems.length > 0) refuse('forbidden', limitProblems);

  const shares = receiptDiscountAmount
    ? allocateMoney(money(receiptDiscountAmount, draft.currency), weights).map((m) => m.amount)
    : weights.map(() => 0);
  const lines = priced.map(
    ({ line, grossAmount, promotionAmount, lineDiscountAmount }, i): ComputedReceiptLine => {
      const share = shares[i] ?? 0;
      return {
        lineNo: i + 1,
        skuId: line.skuId,
        skuCode: line.skuCode,
        name: line.name,
        quantity: line.quantity,
        unitPriceInclVat: line.unitPriceInclVat,
        vatRateBp: line.vatRateBp,
        grossAmount,
        ...promotionFieldsOf(line, promotionAmount),
        lineDiscountAmount,
        ...(line.discount ? { lineDiscount: line.discount } : {}),
        receiptDiscountAmount: share,
        amountInclVat: grossAmount - promotionAmount - lineDiscountAmount - share,
        ...(line.warrantyText ? { warrantyText: line.warrantyText } : {}),
        ...(line.originalReceiptId ? { originalReceiptId: line.originalReceiptId } : {}),
        ...(line.originalLineNo !== undefined ? { originalLineNo: line.originalLineNo } : {}),
        ...(line.giftCard ? { giftCard: { code: line.giftCard.code, action: line.giftCard.action } } : {}),
      };
    },
  );

  const total = lines.reduce((sum, l) => sum + l.amountInclVat, 0);
  const settlement = isSettling
    ? settlePayments(total, draft.currency, draft.payments, problems)
    : { roundingAmount: 0, payments: [], changeAmount: 0 };
  // A gift card is outside VAT: it is taxed when it is spent on goods, not when it is sold.
  const goods = lines.filter((l) => !l.giftCard);
  if (isSettling) {
    const goodsTotal = goods.reduce((sum, l) => sum + l.amountInclVat, 0);
    checkGiftCardPayments(draft.payments, goodsTotal, goods.length < lines.length, problems);
  }
  if (problems.length > 0) refuse('validation_failed', problems);

  const vat = summarizeVat(
    goods.map((l) => ({ amountInclVat: money(l.amountInclVat, draft.currency), vatRateBp: l.vatRateBp })),
    draft.currency,
  );
  const isReturn = total < 0 || lines.every((l) => l.quantity < 0);
  return {
    kind: draft.isTraining ? 'training' : isReturn ? 'return' : 'normal',
    currency: draft.currency,
    isTraining: draft.isTraining,
    ...(draft.customerId ? { customerId: draft.customerId } : {}),
    lines,
    ...(receiptDiscount ? { receiptDiscount: { ...receiptDiscount, amount: receiptDiscountAmount } } : {}),
    grossTotal: lines.reduce((sum, l) => sum + l.grossAmount, 0),
    discountTotal: lines.reduce(
      (sum, l) => sum + (l.promotionDiscountAmount ?? 0) + l.lineDiscountAmount + l.receiptDiscountAmount,
      0,
    ),
    total,
    roundingAmount: settlement.roundingAmount,
    totalToPay: total + settlement.roundingAmount,
    negativeLinesTotal: lines.filter((l) => l.amountInclVat < 0).reduce((sum, l) => sum + l.amountInclVat, 0),
    vat: vatSummaryAmounts(vat),
    payments: settlement.payments,
    changeAmount: settlement.changeAmount,
  };
}
