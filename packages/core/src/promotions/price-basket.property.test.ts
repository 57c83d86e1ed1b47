// Property tests of the promotion engine over hundreds of random baskets and rule sets, from a
// small seeded generator (fast-check is not a dependency): a failure prints its seed to replay.
import { describe, expect, it } from 'vitest';
import { vatOfInclusive } from '../vat/vat';
import { priceBasket } from './price-basket';
import { CONTEXT, line, rule } from './promotions.fixture';
import type { BasketLine, PricingContext, PromotionEffect, PromotionRule, PromotionTarget } from './types';

/** mulberry32: a tiny deterministic generator, good enough to spread test cases. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  const shuffle = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return { int, pick, shuffle, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

const PRODUCTS = ['p1', 'p2', 'p3', 'p4', 'p5'];
const CATEGORIES = ['c1', 'c2', 'c3'];
const BRANDS = ['b1', 'b2'];
const RATES = [2500, 1200, 600, 0];

function randomTarget(r: Random): PromotionTarget {
  switch (r.int(0, 3)) {
    case 0:
      return { kind: 'all', ids: [] };
    case 1:
      return { kind: 'product', ids: [r.pick(PRODUCTS), r.pick(PRODUCTS)] };
    case 2:
      return { kind: 'category', ids: [r.pick(CATEGORIES)] };
    default:
      return { kind: 'brand', ids: [r.pick(BRANDS)] };
  }
}

function randomEffect(r: Random): PromotionEffect {
  const target = randomTarget(r);
  switch (r.int(0, 5)) {
    case 0:
      return { type: 'percent_off', target, percentBp: r.int(1, 10_000) };
    case 1:
      return { type: 'amount_off', target, amount: r.int(1, 60_000) };
    case 2: {
      const buy = r.int(2, 5);
      return { type: 'x_for_y', target, buy, pay: r.int(1, buy - 1) };
    }
    case 3:
      return { type: 'mix_match', target, quantity: r.int(2, 4), price: r.int(1, 50_000) };
    case 4:
      return {
        type: 'bundle',
        components: [
          { target: randomTarget(r), quantity: r.int(1, 2) },
          { target: randomTarget(r), quantity: r.int(1, 2) },
        ],
        price: r.int(1, 80_000),
      };
    default: {
      const minSpend = r.int(1, 100_000);
      return r.chance(0.5)
        ? { type: 'spend_threshold', target, minSpend, amountOff: r.int(1, minSpend) }
        : { type: 'spend_threshold', target, minSpend, percentBp: r.int(1, 10_000) };
    }
  }
}

function randomRules(r: Random): PromotionRule[] {
  return Array.from({ length: r.int(0, 8) }, (_, i) =>
    rule(`r${i}`, randomEffect(r), {
      priority: r.int(0, 3),
      isExclusive: r.chance(0.15),
      isStackable: r.chance(0.25),
      membersOnly: r.chance(0.1),
      requiresCoupon: r.chance(0.1),
    }),
  );
}

function randomLines(r: Random): BasketLine[] {
  return Array.from({ length: r.int(1, 12) }, (_, i) =>
    line(`l${i}`, r.int(0, 40_000), r.int(1, 6), {
      skuId: `s${r.int(0, 9)}`,
      productId: r.pick(PRODUCTS),
      categoryIds: r.chance(0.7) ? [r.pick(CATEGORIES)] : [],
      brand: r.chance(0.6) ? r.pick(BRANDS) : null,
      vatRateBp: r.pick(RATES),
    }),
  );
}

function randomContext(r: Random, rules: readonly PromotionRule[]): PricingContext {
  const coupons = rules
    .filter((x) => x.requiresCoupon && r.chance(0.7))
    .map((x) => ({ code: `C-${x.id}`, ruleId: x.id }));
  return { ...CONTEXT, isMember: r.chance(0.5), coupons };
}

const CASES = 500;

describe('priceBasket properties', () => {
  it(`holds for ${CASES} random baskets and rule sets`, () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const r = random(seed);
      const lines = randomLines(r);
      const rules = randomRules(r);
      const context = randomContext(r, rules);
      const result = priceBasket({ currency: 'SEK', lines }, rules, context);
      const at = `seed ${seed}`;

      for (const l of result.lines) {
        // No discount exceeds its line; no line goes negative; a line's discounts add up.
        expect(l.discountAmount, at).toBeGreaterThanOrEqual(0);
        expect(l.discountAmount, at).toBeLessThanOrEqual(l.grossAmount);
        expect(l.amountInclVat, at).toBe(l.grossAmount - l.discountAmount);
        expect(
          l.discounts.reduce((s, d) => s + d.amount, 0),
          at,
        ).toBe(l.discountAmount);
        expect(
          l.discounts.every((d) => d.amount > 0),
          at,
        ).toBe(true);
      }
      expect(result.total, at).toBeGreaterThanOrEqual(0);
      expect(result.total, at).toBe(result.grossTotal - result.discountTotal);
      expect(
        result.discounts.reduce((s, d) => s + d.amount, 0),
        at,
      ).toBe(result.discountTotal);

      // VAT per rate is computed on that rate's lines, and the rates sum to the total VAT.
      for (const rate of result.vat.byRate) {
        const gross = result.lines
          .filter((l) => l.vatRateBp === rate.vatRateBp)
          .reduce((s, l) => s + l.amountInclVat, 0);
        expect(rate.grossAmount, at).toBe(gross);
        expect(rate.vatAmount, at).toBe(vatOfInclusive(gross, rate.vatRateBp));
        expect(rate.netAmount + rate.vatAmount, at).toBe(rate.grossAmount);
      }
      expect(
        result.vat.byRate.reduce((s, v) => s + v.vatAmount, 0),
        at,
      ).toBe(result.vat.totalVat);
      expect(result.vat.totalNet + result.vat.totalVat, at).toBe(result.total);

      // Independent of the order of the lines and of the rules.
      const shuffled = priceBasket({ currency: 'SEK', lines: r.shuffle(lines) }, r.shuffle(rules), context);
      const byId = (priced: typeof result) =>
        Object.fromEntries(priced.lines.map((l) => [l.lineId, l.discounts]));
      expect(byId(shuffled), at).toEqual(byId(result));
      expect(shuffled.total, at).toBe(result.total);

      // Only coupons whose rule gave a discount are to be redeemed.
      const applied = new Set(result.discounts.map((d) => d.ruleId));
      for (const code of result.appliedCouponCodes) {
        expect(applied.has(context.coupons.find((c) => c.code === code)!.ruleId), at).toBe(true);
      }
    }
  });

  // Without thresholds: an item discount may rightly take a basket under a spend threshold.
  it('adding a stackable item rule never makes a basket without thresholds dearer', () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const r = random(seed * 7919);
      const lines = randomLines(r);
      const rules = randomRules(r).filter((x) => !x.isExclusive && x.effect.type !== 'spend_threshold');
      const before = priceBasket({ currency: 'SEK', lines }, rules, CONTEXT);
      const extra = rule(
        'zz',
        { type: 'percent_off', target: { kind: 'all', ids: [] }, percentBp: r.int(1, 5000) },
        {
          isStackable: true,
          priority: -1,
        },
      );
      const after = priceBasket({ currency: 'SEK', lines }, [...rules, extra], CONTEXT);
      expect(after.total, `seed ${seed}`).toBeLessThanOrEqual(before.total);
    }
  });
});
