// Promotion discounts on register lines: the register prices its cart with the promotion engine
// (`priceBasket`) and sends each line's discounts by rule. Like the prices, they are facts of a
// printed receipt (decision 0011): checked for shape and that they add up, never re-priced.
import type { FieldProblem } from './discounts';
import type { PromotionLineDiscount, SaleLineDraft } from './types';

const MAX_RULES_PER_LINE = 20;

/**
 * The sum of a line's promotion discounts, after checking each: a rule id and name, a positive
 * whole amount, one entry per rule, no more than the line's gross amount, and only on a sold
 * goods line (a return refunds what was paid; a gift card is money). Pushes problems, returns 0
 * when any.
 */
export function promotionAmountOf(
  line: SaleLineDraft,
  grossAmount: number,
  field: string,
  problems: FieldProblem[],
): number {
  const discounts = line.promotionDiscounts;
  if (discounts === undefined) return 0;
  const at = `${field}.promotionDiscounts`;
  const before = problems.length;
  if (!Array.isArray(discounts) || discounts.length > MAX_RULES_PER_LINE) {
    problems.push({ field: at, message: `At most ${MAX_RULES_PER_LINE} discounts` });
    return 0;
  }
  if (discounts.length > 0 && (line.quantity < 0 || line.giftCard)) {
    problems.push({ field: at, message: 'Only a sold goods line takes a promotion' });
    return 0;
  }
  const seen = new Set<string>();
  discounts.forEach((d: PromotionLineDiscount, i) => {
    if (typeof d.ruleId !== 'string' || d.ruleId.trim() === '' || seen.has(d.ruleId)) {
      problems.push({ field: `${at}[${i}].ruleId`, message: 'A rule id, once per line' });
    }
    seen.add(d.ruleId);
    if (typeof d.name !== 'string' || d.name.trim() === '') {
      problems.push({ field: `${at}[${i}].name`, message: 'Required (printed on the receipt)' });
    }
    if (!Number.isSafeInteger(d.amount) || d.amount <= 0) {
      problems.push({ field: `${at}[${i}].amount`, message: 'Must be a positive whole number' });
    }
  });
  if (problems.length > before) return 0;
  const total = discounts.reduce((sum, d) => sum + d.amount, 0);
  if (total > grossAmount) {
    problems.push({ field: at, message: `Together more than the line (${grossAmount})` });
    return 0;
  }
  return total;
}

/** Promotion discounts as the computed line carries them: only when there are any. */
export function promotionFieldsOf(
  line: SaleLineDraft,
  amount: number,
): { promotionDiscounts?: readonly PromotionLineDiscount[]; promotionDiscountAmount?: number } {
  if (!line.promotionDiscounts?.length) return {};
  return {
    promotionDiscounts: line.promotionDiscounts.map((d) => ({
      ruleId: d.ruleId,
      name: d.name,
      amount: d.amount,
    })),
    promotionDiscountAmount: amount,
  };
}
