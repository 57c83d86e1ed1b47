import type { PricedBasketDto, Problem } from '@handla/api';
import { describe, expect, it } from 'vitest';
import type { CartLine } from './cart';
import {
  couponStateOf,
  discountsOf,
  isCouponFormat,
  isCouponProblem,
  lineDiscountsOf,
  normalizeCoupon,
  priceRequestOf,
} from './cart-promotions';

const line = (skuId: string, quantity: number): CartLine => ({
  skuId,
  quantity,
  unitPrice: 19_900,
  currency: 'SEK',
  productSlug: 't-shirt',
  productName: { sv: 'T-shirt', en: 'T-shirt' },
  variantName: null,
  imageUrl: null,
});

const threeForTwo = { ruleId: 'prm_1', name: '3 för 2 på t-shirts', level: 'item' as const, amount: 19_900 };
const coupon = { ruleId: 'prm_2', name: 'Sommarkupong', level: 'basket' as const, amount: 5_000 };

const priced = (appliedCouponCodes: string[] = []): PricedBasketDto => ({
  currency: 'SEK',
  lines: [
    {
      lineId: 'sku_a',
      skuId: 'sku_a',
      quantity: 3,
      unitPriceInclVat: 19_900,
      vatRateBp: 2500,
      grossAmount: 59_700,
      discounts: [threeForTwo, { ...coupon, amount: 5_000 }],
      discountAmount: 24_900,
      amountInclVat: 34_800,
    },
    {
      lineId: 'sku_b',
      skuId: 'sku_b',
      quantity: 1,
      unitPriceInclVat: 9_900,
      vatRateBp: 2500,
      grossAmount: 9_900,
      discounts: [{ ...coupon, amount: 0 }],
      discountAmount: 0,
      amountInclVat: 9_900,
    },
  ],
  discounts: [threeForTwo, coupon],
  appliedCouponCodes,
  grossTotal: 69_600,
  discountTotal: 24_900,
  total: 44_700,
  vat: { byRate: [], totalVat: 8_940, totalNet: 35_760 },
});

const problem = (code: string, field: string): Problem => ({
  type: 'about:blank',
  title: 'Refused',
  status: code === 'coupon_limit_reached' ? 409 : 400,
  code,
  errors: [{ field, message: 'x' }],
});

describe('the cart’s promotions', () => {
  it('asks for the cart by SKU on the web channel with the coupon', () => {
    expect(priceRequestOf([line('sku_a', 3)], 'SOMMAR26')).toEqual({
      lines: [{ lineId: 'sku_a', skuId: 'sku_a', quantity: 3 }],
      channel: 'web',
      coupon: 'SOMMAR26',
    });
  });

  it('lists each discount by rule name, and per line without zero shares', () => {
    expect(discountsOf(priced()).map((d) => d.name)).toEqual(['3 för 2 på t-shirts', 'Sommarkupong']);
    expect(lineDiscountsOf(priced(), 'sku_a').map((d) => d.amount)).toEqual([19_900, 5_000]);
    expect(lineDiscountsOf(priced(), 'sku_b')).toEqual([]);
    expect(discountsOf(null)).toEqual([]);
  });

  it('normalizes and checks a typed code like the server', () => {
    expect(normalizeCoupon('  sommar26 ')).toBe('SOMMAR26');
    expect(isCouponFormat('SOMMAR26')).toBe(true);
    expect(isCouponFormat('AB')).toBe(false);
    expect(isCouponFormat('HEJ DÅ')).toBe(false);
  });

  it('tells an applied coupon from one that gives nothing and from a refused one', () => {
    expect(couponStateOf(null, priced(), null)).toEqual({ kind: 'none' });
    expect(couponStateOf('SOMMAR26', priced(['SOMMAR26']), null)).toEqual({
      kind: 'applied',
      code: 'SOMMAR26',
    });
    expect(couponStateOf('SOMMAR26', priced(), null)).toEqual({ kind: 'not_applied', code: 'SOMMAR26' });
    expect(couponStateOf('SLUT', null, problem('coupon_limit_reached', 'coupon'))).toEqual({
      kind: 'refused',
      code: 'SLUT',
      message: 'shop.promo.usedUp',
    });
    expect(couponStateOf('NEJ', null, problem('validation_failed', 'couponCode'))).toMatchObject({
      message: 'shop.promo.unknownCoupon',
    });
  });

  it('knows a coupon refusal from other refusals', () => {
    expect(isCouponProblem(problem('coupon_limit_reached', 'couponCode'))).toBe(true);
    expect(isCouponProblem(problem('validation_failed', 'lines[0].skuId'))).toBe(false);
  });
});
