import { describe, expect, it } from 'vitest';
import { checkPromotionEffect, checkPromotionWindow } from './check-rule';
import { priceBasket } from './price-basket';
import { CONTEXT, line, rule } from './promotions.fixture';
import type { PromotionRule, PromotionTarget } from './types';

const SOCKS: PromotionTarget = { kind: 'product', ids: ['socks'] };
const sock = (id: string, price: number, quantity = 1) => line(id, price, quantity, { productId: 'socks' });
const price = (lines: ReturnType<typeof line>[], rules: PromotionRule[], context = CONTEXT) =>
  priceBasket({ currency: 'SEK', lines }, rules, context);

describe('priceBasket, rule by rule', () => {
  it('3 för 2: the cheapest of each three is free, booked on its line', () => {
    const threeForTwo = rule('r3f2', { type: 'x_for_y', target: SOCKS, buy: 3, pay: 2 }, { name: '3 för 2' });
    const result = price([sock('a', 9900, 2), sock('b', 4900, 2), line('c', 20000)], [threeForTwo]);
    // Units by price: 9900 9900 4900 | 4900 — one full group, its cheapest (4900) free; the 4th pays.
    expect(result.lines.map((l) => l.discountAmount)).toEqual([0, 4900, 0]);
    expect(result.lines[1]!.discounts).toEqual([
      { ruleId: 'r3f2', name: '3 för 2', level: 'item', amount: 4900 },
    ]);
    expect(result.total).toBe(2 * 9900 + 2 * 4900 + 20000 - 4900);
    expect(price([sock('a', 9900, 2)], [threeForTwo]).discountTotal).toBe(0);
    expect(price([sock('a', 9900, 6)], [threeForTwo]).discountTotal).toBe(2 * 9900);
  });

  it('mix & match: any three of the group for 100 kr, the saving spread by price', () => {
    const mix = rule('mix', { type: 'mix_match', target: SOCKS, quantity: 3, price: 10000 });
    const result = price([sock('a', 6000), sock('b', 4000, 2), sock('c', 1000)], [mix]);
    // 6000 + 4000 + 4000 = 14000 → 10000 saves 4000 (shared 6:4:4); the 1000 sock has no group.
    expect(result.lines.map((l) => l.discountAmount)).toEqual([1714, 2286, 0]);
    expect(result.total).toBe(10000 + 1000);
    // A group already cheaper than the price gets nothing.
    expect(price([sock('a', 3000, 3)], [mix]).discountTotal).toBe(0);
  });

  it('bundle: the components together at a fixed price, as many times as they fit', () => {
    const bundle = rule('bun', {
      type: 'bundle',
      components: [
        { target: { kind: 'product', ids: ['cam'] }, quantity: 1 },
        { target: { kind: 'product', ids: ['bag'] }, quantity: 1 },
      ],
      price: 250000,
    });
    const cam = line('cam', 240000, 2, { productId: 'cam' });
    const bag = line('bag', 30000, 1, { productId: 'bag', vatRateBp: 1200 });
    const result = price([cam, bag], [bundle]);
    expect(result.discountTotal).toBe(20000);
    expect(result.total).toBe(2 * 240000 + 30000 - 20000);
    // The saving is shared by price, so the 12 % line carries its part and VAT follows.
    expect(result.lines.map((l) => l.discountAmount)).toEqual([17778, 2222]);
  });

  it('spend and save: over 500 kr after item discounts, 50 kr off shared over the lines', () => {
    const threshold = rule('spend', {
      type: 'spend_threshold',
      target: { kind: 'all', ids: [] },
      minSpend: 50000,
      amountOff: 5000,
    });
    expect(price([line('a', 49900)], [threshold]).discountTotal).toBe(0);
    const result = price([line('a', 30000), line('b', 20000, 1, { vatRateBp: 600 })], [threshold]);
    expect(result.lines.map((l) => l.discounts[0]?.level)).toEqual(['basket', 'basket']);
    expect(result.lines.map((l) => l.discountAmount)).toEqual([3000, 2000]);
    // An item discount that takes the basket under the threshold removes the saving.
    const tenOff = rule('ten', { type: 'percent_off', target: { kind: 'all', ids: [] }, percentBp: 1000 });
    expect(price([line('a', 30000), line('b', 20000)], [threshold, tenOff]).discountTotal).toBe(5000);
  });

  it('percentage off a category (subcategories included) and an amount off a brand', () => {
    const clothes = rule('cat', {
      type: 'percent_off',
      target: { kind: 'category', ids: ['clothes'] },
      percentBp: 1000,
    });
    const brand = rule('brand', {
      type: 'amount_off',
      target: { kind: 'brand', ids: ['Fjäll'] },
      amount: 2500,
    });
    const result = price(
      [
        line('shirt', 29900, 1, { categoryIds: ['tshirts', 'clothes'] }),
        line('mug', 1500, 2, { brand: 'Fjäll' }),
        line('pan', 50000),
      ],
      [clothes, brand],
    );
    // 10 % of 299 kr rounds half up to 29,90; 25 kr off a 15 kr mug stops at 15 kr each.
    expect(result.lines.map((l) => l.discountAmount)).toEqual([2990, 3000, 0]);
  });

  it('member-only and customer-group rules apply only to those customers', () => {
    const members = rule(
      'mem',
      { type: 'percent_off', target: { kind: 'all', ids: [] }, percentBp: 500 },
      { membersOnly: true },
    );
    const staff = rule(
      'grp',
      { type: 'percent_off', target: { kind: 'all', ids: [] }, percentBp: 2000 },
      { customerGroups: ['staff'] },
    );
    const basket = [line('a', 10000)];
    expect(price(basket, [members, staff]).discountTotal).toBe(0);
    expect(price(basket, [members, staff], { ...CONTEXT, isMember: true }).discountTotal).toBe(500);
    expect(price(basket, [members, staff], { ...CONTEXT, customerGroups: ['staff'] }).discountTotal).toBe(
      2000,
    );
  });

  it('a coupon rule applies only with a valid coupon, and names the coupon to redeem', () => {
    const coupon = rule(
      'cpn',
      { type: 'amount_off', target: { kind: 'all', ids: [] }, amount: 1000 },
      { requiresCoupon: true },
    );
    const basket = [line('a', 10000)];
    expect(price(basket, [coupon]).discountTotal).toBe(0);
    const withCoupon = price(basket, [coupon], {
      ...CONTEXT,
      coupons: [
        { code: 'SOMMAR', ruleId: 'cpn' },
        { code: 'X', ruleId: 'other' },
      ],
    });
    expect(withCoupon.discountTotal).toBe(1000);
    expect(withCoupon.appliedCouponCodes).toEqual(['SOMMAR']);
  });

  it('validity in time (start inclusive, end exclusive), channel and store', () => {
    const r = rule(
      'win',
      { type: 'amount_off', target: { kind: 'all', ids: [] }, amount: 100 },
      {
        startsAt: '2026-06-15T10:00:00.000Z',
        endsAt: '2026-06-16T10:00:00.000Z',
        channels: ['store'],
        storeIds: ['sto_a'],
      },
    );
    const basket = [line('a', 10000)];
    const inStore = { ...CONTEXT, channel: 'store' as const, storeId: 'sto_a' };
    expect(price(basket, [r], inStore).discountTotal).toBe(100);
    expect(price(basket, [r], { ...inStore, at: '2026-06-15T09:59:59.999Z' }).discountTotal).toBe(0);
    expect(price(basket, [r], { ...inStore, at: '2026-06-16T10:00:00.000Z' }).discountTotal).toBe(0);
    expect(price(basket, [r], { ...inStore, storeId: 'sto_b' }).discountTotal).toBe(0);
    expect(price(basket, [r], CONTEXT).discountTotal).toBe(0);
  });
});

describe('precedence and stacking', () => {
  const all: PromotionTarget = { kind: 'all', ids: [] };

  it('a unit takes one non-stackable item rule, the higher priority first', () => {
    const twenty = rule('b20', { type: 'percent_off', target: all, percentBp: 2000 }, { priority: 1 });
    const ten = rule('a10', { type: 'percent_off', target: all, percentBp: 1000 }, { priority: 5 });
    const result = price([line('a', 10000)], [twenty, ten]);
    expect(result.discounts.map((d) => d.ruleId)).toEqual(['a10']);
    expect(result.discountTotal).toBe(1000);
  });

  it('units left over by a group rule can take another rule', () => {
    const threeForTwo = rule('r3f2', { type: 'x_for_y', target: SOCKS, buy: 3, pay: 2 }, { priority: 9 });
    const ten = rule('ten', { type: 'percent_off', target: all, percentBp: 1000 });
    const result = price([sock('a', 1000, 4)], [threeForTwo, ten]);
    // Three socks in the group (one free), the fourth 10 % off.
    expect(result.discountTotal).toBe(1000 + 100);
  });

  it('a stackable rule applies on top, on what is left', () => {
    const ten = rule('ten', { type: 'percent_off', target: all, percentBp: 1000 }, { priority: 2 });
    const extra = rule('extra', { type: 'percent_off', target: all, percentBp: 1000 }, { isStackable: true });
    expect(price([line('a', 10000)], [ten, extra]).discountTotal).toBe(1000 + 900);
  });

  it('one non-stackable basket rule; an exclusive rule alone when it is best for the customer', () => {
    const s1 = rule(
      's1',
      { type: 'spend_threshold', target: all, minSpend: 1000, amountOff: 100 },
      { priority: 2 },
    );
    const s2 = rule(
      's2',
      { type: 'spend_threshold', target: all, minSpend: 1000, amountOff: 300 },
      { priority: 1 },
    );
    expect(price([line('a', 5000)], [s1, s2]).discounts.map((d) => d.ruleId)).toEqual(['s1']);
    const big = rule('big', { type: 'percent_off', target: all, percentBp: 5000 }, { isExclusive: true });
    const small = rule('small', { type: 'percent_off', target: all, percentBp: 100 }, { isExclusive: true });
    const result = price([line('a', 5000)], [s1, s2, big, small]);
    expect(result.discounts.map((d) => d.ruleId)).toEqual(['big']);
    expect(result.discountTotal).toBe(2500);
    // When the others together give more, the exclusive rule is left out.
    expect(price([line('a', 5000)], [s1, small]).discounts.map((d) => d.ruleId)).toEqual(['s1']);
  });

  it('ties are broken the same way every time: by id at equal priority', () => {
    const a = rule('a', { type: 'amount_off', target: all, amount: 100 });
    const b = rule('b', { type: 'amount_off', target: all, amount: 100 });
    expect(price([line('x', 1000)], [b, a]).discounts.map((d) => d.ruleId)).toEqual(['a']);
  });
});

describe('rule checks', () => {
  it('refuses a threshold that would take a basket below zero, naming the field', () => {
    const problems = checkPromotionEffect({
      type: 'spend_threshold',
      target: { kind: 'all', ids: [] },
      minSpend: 10000,
      amountOff: 20000,
    });
    expect(problems.map((p) => p.field)).toEqual(['effect.amountOff']);
  });

  it('refuses impossible shapes and windows', () => {
    expect(
      checkPromotionEffect({ type: 'x_for_y', target: SOCKS, buy: 3, pay: 3 }).map((p) => p.field),
    ).toEqual(['effect.pay']);
    expect(
      checkPromotionEffect({
        type: 'percent_off',
        target: { kind: 'category', ids: [] },
        percentBp: 10001,
      }).map((p) => p.field),
    ).toEqual(['effect.target.ids', 'effect.percentBp']);
    expect(checkPromotionWindow('2026-06-02T00:00:00Z', '2026-06-01T00:00:00Z')).toEqual([
      { field: 'endsAt', message: 'Must be after startsAt' },
    ]);
  });
});
