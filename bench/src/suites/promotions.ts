// Promotions: pricing a 30-line basket against 500 active rules of every kind, in the core alone
// (what the web shop's server and the offline register both run), as the 99th percentile.
import {
  type BasketLine,
  type PricingContext,
  type PromotionEffect,
  type PromotionRule,
  type PromotionTarget,
  priceBasket,
} from '@handla/core';
import type { BenchResult } from '../results';
import type { BenchSuite } from './suite';

const RULES = 500;
const LINES = 30;
const RUNS = 2_000;
const WARMUP = 200;
const CONTEXT: PricingContext = {
  at: '2026-06-15T10:00:00.000Z',
  channel: 'store',
  storeId: 'sto_1',
  isMember: true,
  customerGroups: ['staff'],
  coupons: [{ code: 'BENCH', ruleId: 'rule_0007' }],
};

function target(i: number): PromotionTarget {
  switch (i % 4) {
    case 0:
      return { kind: 'product', ids: [`prd_${i % 200}`, `prd_${(i * 7) % 200}`] };
    case 1:
      return { kind: 'category', ids: [`cat_${i % 20}`] };
    case 2:
      return { kind: 'brand', ids: [`brand_${i % 10}`] };
    default:
      return { kind: 'all', ids: [] };
  }
}

function effect(i: number): PromotionEffect {
  switch (i % 6) {
    case 0:
      return { type: 'percent_off', target: target(i), percentBp: 500 + (i % 20) * 100 };
    case 1:
      return { type: 'amount_off', target: target(i), amount: 1_000 + (i % 10) * 500 };
    case 2:
      return { type: 'x_for_y', target: target(i), buy: 3, pay: 2 };
    case 3:
      return { type: 'mix_match', target: target(i), quantity: 3, price: 10_000 };
    case 4:
      return {
        type: 'bundle',
        components: [
          { target: target(i), quantity: 1 },
          { target: target(i + 1), quantity: 1 },
        ],
        price: 20_000,
      };
    default:
      return { type: 'spend_threshold', target: target(i), minSpend: 50_000, amountOff: 5_000 };
  }
}

/** Every rule in force (so every one is evaluated), a few exclusive or stackable, one a coupon's. */
function rules(): PromotionRule[] {
  return Array.from({ length: RULES }, (_, i) => ({
    id: `rule_${String(i).padStart(4, '0')}`,
    name: `Kampanj ${i}`,
    effect: effect(i),
    priority: i % 5,
    isExclusive: i % 50 === 0,
    isStackable: i % 7 === 0,
    startsAt: '2026-01-01T00:00:00.000Z',
    endsAt: '2027-01-01T00:00:00.000Z',
    channels: ['web', 'store'],
    storeIds: i % 3 === 0 ? ['sto_1', 'sto_2'] : null,
    membersOnly: i % 11 === 0,
    customerGroups: i % 13 === 0 ? ['staff'] : [],
    requiresCoupon: i === 7,
  }));
}

function basket(run: number): BasketLine[] {
  return Array.from({ length: LINES }, (_, i) => {
    const n = (run * 31 + i * 17) % 200;
    return {
      lineId: `line_${i}`,
      skuId: `sku_${n}`,
      productId: `prd_${n}`,
      categoryIds: [`cat_${n % 20}`, `cat_${(n % 20) + 20}`],
      brand: `brand_${n % 10}`,
      quantity: 1 + ((run + i) % 4),
      unitPriceInclVat: 1_900 + ((n * 3_701) % 60_000),
      vatRateBp: i % 5 === 0 ? 1_200 : 2_500,
    };
  });
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

export const promotionsSuite: BenchSuite = {
  figures: ['promo.price_basket.p99_ms'],
  async run(target, wanted) {
    const results: BenchResult[] = [];
    if (!wanted('promo.price_basket.p99_ms')) return results;
    const active = rules();
    const times: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const lines = basket(run);
      const started = performance.now();
      priceBasket({ currency: 'SEK', lines }, active, CONTEXT);
      if (run >= WARMUP) times.push(performance.now() - started);
    }
    results.push({
      name: 'promo.price_basket.p99_ms',
      value: percentile(times, 99),
      unit: `ms p99 (${LINES} lines, ${RULES} rules, median ${percentile(times, 50).toFixed(2)})`,
      db: target.db,
    });
    return results;
  },
};
