// The promotion engine: one function that the web shop, the server and the register (also offline)
// call, so the same basket gets the same price everywhere. The precedence and stacking policy is
// documented rule by rule in docs/promotions.md; in short:
//   1. only rules in force for this sale count (window, channel, store, member, group, coupon);
//   2. item-level rules go first, by priority (higher first, ties by id); a unit takes at most one
//      non-stackable item rule, stackable ones apply on top of what is left;
//   3. then basket-level rules (spend thresholds) on what the lines cost after item rules; at most
//      one non-stackable basket rule;
//   4. an exclusive rule applies alone; the engine prices the basket with each exclusive rule alone
//      and with all the others together, and keeps the cheapest for the customer (ties: the others
//      together, then rule order);
//   5. no discount ever takes a line below 0; lines are worked in a canonical order (price, SKU,
//      line id), so the result does not depend on the order the lines came in.
import { allocateMoney, assertCurrency, money } from '../money/money';
import { summarizeVat, vatSummaryAmounts } from '../vat/vat';
import { isRuleApplicable, targetMatches } from './applicability';
import { type Proposal, percentOf, proposeItemEffect, type WorkLine } from './effects';
import type {
  AppliedDiscount,
  Basket,
  PricedBasket,
  PricingContext,
  PromotionPricedLine,
  PromotionRule,
} from './types';

/** Rules in the order they are applied: priority descending, then id. */
export function sortRules(rules: readonly PromotionRule[]): PromotionRule[] {
  return [...rules].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface Plan {
  readonly work: WorkLine[];
  /** Per work index: rule id → discount, in the order applied. */
  readonly lineDiscounts: Map<string, AppliedDiscount>[];
  readonly totals: Map<string, AppliedDiscount>;
  discountTotal: number;
}

function canonicalOrder(basket: Basket): number[] {
  const lines = basket.lines;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return lines
    .map((_, i) => i)
    .sort(
      (a, b) =>
        lines[b]!.unitPriceInclVat - lines[a]!.unitPriceInclVat ||
        cmp(lines[a]!.skuId, lines[b]!.skuId) ||
        cmp(lines[a]!.lineId, lines[b]!.lineId),
    );
}

function book(plan: Plan, rule: PromotionRule, level: AppliedDiscount['level'], proposal: Proposal): boolean {
  let ruleTotal = 0;
  for (const work of plan.work) {
    // Capped by what is left of the line: a discount never takes a line below zero.
    const amount = Math.min(proposal.amounts[work.index]!, work.remaining);
    if (amount <= 0) continue;
    work.remaining -= amount;
    if (!rule.isStackable && level === 'item') {
      work.freeQuantity = Math.max(0, work.freeQuantity - proposal.claims[work.index]!);
    }
    const discounts = plan.lineDiscounts[work.index]!;
    const before = discounts.get(rule.id)?.amount ?? 0;
    discounts.set(rule.id, { ruleId: rule.id, name: rule.name, level, amount: before + amount });
    ruleTotal += amount;
  }
  if (ruleTotal === 0) return false;
  plan.totals.set(rule.id, { ruleId: rule.id, name: rule.name, level, amount: ruleTotal });
  plan.discountTotal += ruleTotal;
  return true;
}

function proposeThreshold(rule: PromotionRule, work: readonly WorkLine[], currency: string): Proposal | null {
  const effect = rule.effect;
  if (effect.type !== 'spend_threshold') return null;
  const eligible = work.filter((w) => w.remaining > 0 && targetMatches(effect.target, w.line));
  const spend = eligible.reduce((sum, w) => sum + w.remaining, 0);
  if (eligible.length === 0 || spend < effect.minSpend) return null;
  const wanted = effect.amountOff ?? percentOf(spend, effect.percentBp ?? 0);
  const amount = Math.min(wanted, spend);
  const proposal: Proposal = { amounts: work.map(() => 0), claims: work.map(() => 0) };
  if (amount <= 0) return proposal;
  // Shared in proportion to what each line still costs, so each VAT rate carries its part.
  const shares = allocateMoney(
    money(amount, currency),
    eligible.map((w) => w.remaining),
  );
  eligible.forEach((w, k) => {
    proposal.amounts[w.index] = shares[k]!.amount;
  });
  return proposal;
}

function runPlan(basket: Basket, order: readonly number[], rules: readonly PromotionRule[]): Plan {
  const work = order.map(
    (i, index): WorkLine => ({
      line: basket.lines[i]!,
      index,
      remaining: basket.lines[i]!.quantity * basket.lines[i]!.unitPriceInclVat,
      freeQuantity: basket.lines[i]!.quantity,
    }),
  );
  const plan: Plan = { work, lineDiscounts: work.map(() => new Map()), totals: new Map(), discountTotal: 0 };
  for (const rule of rules) {
    if (rule.effect.type === 'spend_threshold') continue;
    book(plan, rule, 'item', proposeItemEffect(rule.effect, work, rule.isStackable, basket.currency));
  }
  let hasBasketRule = false;
  for (const rule of rules) {
    if (rule.effect.type !== 'spend_threshold' || (hasBasketRule && !rule.isStackable)) continue;
    const proposal = proposeThreshold(rule, work, basket.currency);
    if (proposal && book(plan, rule, 'basket', proposal) && !rule.isStackable) hasBasketRule = true;
  }
  return plan;
}

/**
 * Prices a basket with the promotion rules: each line's discounts by rule, the basket's total and
 * VAT per rate. Rules not in force for `context` are ignored; the result is the same whatever the
 * order of the lines or the rules.
 */
export function priceBasket(
  basket: Basket,
  rules: readonly PromotionRule[],
  context: PricingContext,
): PricedBasket {
  assertCurrency(basket.currency);
  const order = canonicalOrder(basket);
  const applicable = sortRules(rules.filter((rule) => isRuleApplicable(rule, context)));
  let best = runPlan(
    basket,
    order,
    applicable.filter((rule) => !rule.isExclusive),
  );
  for (const rule of applicable) {
    if (!rule.isExclusive) continue;
    const alone = runPlan(basket, order, [rule]);
    // Strictly more: on a tie the combination of the others (or the earlier exclusive rule) stays.
    if (alone.discountTotal > best.discountTotal) best = alone;
  }
  return toResult(basket, order, best, context);
}

function toResult(
  basket: Basket,
  order: readonly number[],
  plan: Plan,
  context: PricingContext,
): PricedBasket {
  const positionOf = new Map(order.map((original, index) => [original, index]));
  const lines = basket.lines.map((line, i): PromotionPricedLine => {
    const index = positionOf.get(i)!;
    const discounts = [...plan.lineDiscounts[index]!.values()];
    const grossAmount = line.quantity * line.unitPriceInclVat;
    return {
      lineId: line.lineId,
      skuId: line.skuId,
      quantity: line.quantity,
      unitPriceInclVat: line.unitPriceInclVat,
      vatRateBp: line.vatRateBp,
      grossAmount,
      discounts,
      discountAmount: grossAmount - plan.work[index]!.remaining,
      amountInclVat: plan.work[index]!.remaining,
    };
  });
  const vat = summarizeVat(
    lines.map((l) => ({ amountInclVat: money(l.amountInclVat, basket.currency), vatRateBp: l.vatRateBp })),
    basket.currency,
  );
  const discounts = [...plan.totals.values()];
  const applied = new Set(discounts.map((d) => d.ruleId));
  return {
    currency: basket.currency,
    lines,
    discounts,
    appliedCouponCodes: context.coupons.filter((c) => applied.has(c.ruleId)).map((c) => c.code),
    grossTotal: lines.reduce((sum, l) => sum + l.grossAmount, 0),
    discountTotal: plan.discountTotal,
    total: lines.reduce((sum, l) => sum + l.amountInclVat, 0),
    vat: vatSummaryAmounts(vat),
  };
}
