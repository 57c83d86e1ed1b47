import type { ActivePromotionRule, PricedBasketDto, Product } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { fromSkuOf, memberPricesOf, memberRuleIdsOf } from './member-prices';

const product = (id: string, prices: number[]): Product =>
  ({
    id,
    fromPriceInclVat: { amount: Math.min(...prices), currency: 'SEK' },
    skus: prices.map((amount, i) => ({ id: `${id}-${i}`, priceInclVat: { amount, currency: 'SEK' } })),
  }) as unknown as Product;

const rule = (id: string, patch: Partial<ActivePromotionRule>) =>
  ({ id, membersOnly: false, channels: ['web'], requiresCoupon: false, ...patch }) as ActivePromotionRule;

const line = (
  lineId: string,
  discounts: { ruleId: string; amount: number; level?: 'item' | 'basket' }[],
) => ({
  lineId,
  discounts: discounts.map((d) => ({ name: d.ruleId, level: 'item' as const, ...d })),
});

describe('member prices on product cards', () => {
  it('prices the cheapest variant', () => {
    expect(fromSkuOf(product('p', [500, 300, 400]))?.id).toBe('p-1');
  });

  it('labels only web members-only rules that need no coupon', () => {
    const ids = memberRuleIdsOf([
      rule('m', { membersOnly: true }),
      rule('all', {}),
      rule('store', { membersOnly: true, channels: ['store'] }),
      rule('coupon', { membersOnly: true, requiresCoupon: true }),
    ]);
    expect([...ids]).toEqual(['m']);
  });

  it('takes members-only item discounts off the from-price, and nothing else', () => {
    const priced = {
      lines: [
        line('a', [
          { ruleId: 'm', amount: 7500 },
          { ruleId: 'all', amount: 1000 },
        ]),
        line('b', [{ ruleId: 'all', amount: 1000 }]),
        line('c', [{ ruleId: 'm', amount: 500, level: 'basket' }]),
      ],
    } as unknown as PricedBasketDto;
    const prices = memberPricesOf(
      [product('a', [50_000]), product('b', [20_000]), product('c', [10_000])],
      priced,
      new Set(['m']),
    );
    expect([...prices]).toEqual([['a', 42_500]]);
  });
});
