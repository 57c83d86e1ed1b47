// Whether a rule applies to this sale at all (time, channel, store, customer, coupon), and which
// lines it looks at. Both are pure predicates on the rule and the context.
import type { BasketLine, PricingContext, PromotionRule, PromotionTarget } from './types';

/** True when the rule is in force for this sale: window, channel, store, membership, group, coupon. */
export function isRuleApplicable(rule: PromotionRule, context: PricingContext): boolean {
  const at = Date.parse(context.at);
  if (rule.startsAt !== null && at < Date.parse(rule.startsAt)) return false;
  if (rule.endsAt !== null && at >= Date.parse(rule.endsAt)) return false;
  if (!rule.channels.includes(context.channel)) return false;
  if (context.channel === 'store' && rule.storeIds !== null) {
    if (context.storeId === null || !rule.storeIds.includes(context.storeId)) return false;
  }
  if (rule.membersOnly && !context.isMember) return false;
  if (rule.customerGroups.length > 0 && !rule.customerGroups.some((g) => context.customerGroups.includes(g)))
    return false;
  if (rule.requiresCoupon && !context.coupons.some((c) => c.ruleId === rule.id)) return false;
  return true;
}

/** True when the line is one the target covers. */
export function targetMatches(target: PromotionTarget, line: BasketLine): boolean {
  switch (target.kind) {
    case 'all':
      return true;
    case 'product':
      return target.ids.includes(line.productId);
    case 'category':
      return line.categoryIds.some((id) => target.ids.includes(id));
    case 'brand':
      return line.brand !== null && target.ids.includes(line.brand);
  }
}
