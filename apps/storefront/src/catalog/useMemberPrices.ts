// Member prices for a grid of products with at most two requests per page, never one per card: the
// rules in force (fetched once per visit) tell whether any members-only rule exists; only then is
// one basket of the grid's products priced as a member (`POST /api/shop/cart/price`).
import type { ActivePromotions, Product } from '@handla/api';
import { useApi } from '@handla/ui';
import { useEffect, useState } from 'react';
import { fromSkuOf, memberPricesOf, memberRuleIdsOf } from './member-prices';

let rulesOnce: Promise<ActivePromotions | null> | null = null;

export function useMemberPrices(products: readonly Product[]): Map<string, number> {
  const api = useApi();
  const [prices, setPrices] = useState<Map<string, number>>(new Map());
  const key = products.map((p) => p.id).join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the products
  useEffect(() => {
    const lines = products.flatMap((p) => {
      const sku = fromSkuOf(p);
      return sku ? [{ lineId: p.id, skuId: sku.id, quantity: 1 }] : [];
    });
    if (lines.length === 0) return;
    let isCurrent = true;
    rulesOnce ??= api.promotions.active().catch(() => null);
    void (async () => {
      const ruleIds = memberRuleIdsOf((await rulesOnce)?.rules ?? []);
      if (ruleIds.size === 0) return;
      // A card is an offer, not a quote: a failed request only leaves the labels out.
      // Priced in this host's shop: its list and currency, as the cart and checkout price.
      const priced = await api.shops
        .priceCart({ lines: lines.slice(0, 200), isMember: true })
        .catch(() => null);
      if (isCurrent && priced) setPrices(memberPricesOf(products, priced, ruleIds));
    })();
    return () => {
      isCurrent = false;
    };
  }, [api, key]);
  return prices;
}
