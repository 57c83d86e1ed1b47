// "Medlemspris" on product cards: what members pay for a product's cheapest variant when a
// members-only promotion applies to it, from one basket priced as a member (see useMemberPrices).
import type { ActivePromotionRule, PricedBasketDto, Product } from '@handla/api';

/** The variant a card's "from" price is for: the cheapest. */
export function fromSkuOf(product: Product): Product['skus'][number] | undefined {
  return [...product.skus].sort((a, b) => a.priceInclVat.amount - b.priceInclVat.amount)[0];
}

/** Ids of the rules only members get (web channel, no coupon needed): the ones worth a label. */
export function memberRuleIdsOf(rules: readonly ActivePromotionRule[]): Set<string> {
  return new Set(
    rules.filter((r) => r.membersOnly && r.channels.includes('web') && !r.requiresCoupon).map((r) => r.id),
  );
}

/**
 * Each product's member price (öre incl. VAT) where members-only item discounts lower it: the card's
 * from-price less those discounts on its line (the basket has one unit per product, line id = product
 * id). Products without such a discount are left out.
 */
export function memberPricesOf(
  products: readonly Product[],
  priced: PricedBasketDto,
  memberRuleIds: ReadonlySet<string>,
): Map<string, number> {
  const prices = new Map<string, number>();
  for (const product of products) {
    const line = priced.lines.find((l) => l.lineId === product.id);
    const off = (line?.discounts ?? [])
      .filter((d) => d.level === 'item' && memberRuleIds.has(d.ruleId))
      .reduce((sum, d) => sum + d.amount, 0);
    if (off > 0) prices.set(product.id, Math.max(0, product.fromPriceInclVat.amount - off));
  }
  return prices;
}
