import { type RegisterCatalogItem, SaleDraftDto } from '@handla/api';
import {
  buildDayReport,
  computeReceipt,
  DomainError,
  type PromotionEffect,
  type PromotionRule,
  type ReceiptJournalPayload,
} from '@handla/core';
import { describe, expect, it } from 'vitest';
import { type Cart, cartReducer, emptyCart } from '../sale/cart';
import { draftOf, policyFor, previewReceipt } from '../sale/draft';
import { priceCart, withPromotions } from './cart-promotions';

const TEES = 'cat_tees';
const CLOTHES = 'cat_clothes';
const place = { at: '2026-06-15T10:00:00.000Z', storeId: 'sto_1', currency: 'SEK' };

function rule(
  id: string,
  name: string,
  effect: PromotionEffect,
  extra: Partial<PromotionRule> = {},
): PromotionRule {
  return {
    id,
    name,
    effect,
    priority: 0,
    isExclusive: false,
    isStackable: false,
    startsAt: null,
    endsAt: null,
    channels: ['web', 'store'],
    storeIds: null,
    membersOnly: false,
    customerGroups: [],
    requiresCoupon: false,
    ...extra,
  };
}

const RULES: PromotionRule[] = [
  rule(
    'prm_tees',
    '3 för 2 på t-shirts',
    { type: 'x_for_y', target: { kind: 'category', ids: [TEES] }, buy: 3, pay: 2 },
    { priority: 10 },
  ),
  rule(
    'prm_wool',
    'Medlemspris Fjällull −15 %',
    { type: 'percent_off', target: { kind: 'brand', ids: ['Fjällull'] }, percentBp: 1500 },
    { membersOnly: true, priority: 6 },
  ),
  rule(
    'prm_coupon',
    'Sommarkupong: 50 kr på 500 kr',
    { type: 'spend_threshold', target: { kind: 'all', ids: [] }, minSpend: 50_000, amountOff: 5_000 },
    { requiresCoupon: true },
  ),
  rule(
    'prm_web',
    'Bara på webben',
    { type: 'percent_off', target: { kind: 'all', ids: [] }, percentBp: 5000 },
    { channels: ['web'] },
  ),
];

function item(skuId: string, price: number, facts: Partial<RegisterCatalogItem> = {}): RegisterCatalogItem {
  return {
    skuId,
    sku: `SKU-${skuId}`,
    ean: null,
    productId: `prd_${skuId}`,
    name: { sv: `Vara ${skuId}`, en: `Item ${skuId}` },
    options: {},
    unitPriceInclVat: price,
    regularUnitPriceInclVat: price,
    campaignId: null,
    vatRateBp: 2500,
    taxClass: 'standard',
    warrantyText: null,
    isBundle: false,
    categoryIds: [],
    brand: null,
    ...facts,
  };
}

const tee = (sku: string, price: number) => item(sku, price, { categoryIds: [TEES, CLOTHES] });
const sweater = item('wool', 89_900, { brand: 'Fjällull' });
const coffee = item('coffee', 4_995, { vatRateBp: 1200 });

function cartOf(...items: RegisterCatalogItem[]): Cart {
  return items.reduce(
    (cart, it, i) => cartReducer(cart, { type: 'add', item: it, lineId: `l${i}` }),
    emptyCart('c'),
  );
}

const member = { id: 'cus_1', name: 'Mia Medlem', isMember: true, groups: ['consumer'] };
const coupon = { code: 'SOMMAR26', ruleId: 'prm_coupon', isShared: true };

describe('the register prices its cart with the shared engine', () => {
  it('gives each line its discounts by name and a receipt whose total is the engine’s to the öre', () => {
    let cart = cartOf(tee('a', 24_900), tee('b', 19_900), tee('c', 19_900), sweater, coffee);
    cart = cartReducer(cart, { type: 'customer', customer: member });
    cart = cartReducer(cart, { type: 'coupon', coupon });
    const priced = withPromotions(cart, RULES, place);
    const engine = priceCart(cart, RULES, place);

    // The cheapest t-shirt is free; the member gets 15 % off the sweater; the coupon's 50 kr is spread.
    const names = priced.lines.map((l) => (l.promotionDiscounts ?? []).map((d) => d.name));
    expect(names[2]).toContain('3 för 2 på t-shirts');
    expect(names[3]).toContain('Medlemspris Fjällull −15 %');
    expect(names.flat()).not.toContain('Bara på webben');
    expect(priced.appliedCouponCodes).toEqual(['SOMMAR26']);

    const receipt = previewReceipt(priced, 'SEK', false, 'cashier');
    expect(receipt.total).toBe(engine.total);
    expect(receipt.discountTotal).toBe(engine.discountTotal);
    expect(receipt.vat.byRate).toEqual(engine.vat.byRate);
    expect(receipt.lines.map((l) => l.amountInclVat)).toEqual(engine.lines.map((l) => l.amountInclVat));

    // What the register sends passes the API's schema and carries the coupon to redeem.
    const draft = draftOf(priced, 'SEK', false, [{ method: 'card_standalone', amount: receipt.total }]);
    expect(SaleDraftDto.safeParse(draft).success).toBe(true);
    expect(draft.couponCodes).toEqual(['SOMMAR26']);
  });

  it('applies member rules only with a member attached, and a coupon only when its rule gives a discount', () => {
    const cart = cartReducer(cartOf(sweater), { type: 'coupon', coupon });
    const guest = withPromotions(cart, RULES, place);
    expect(guest.lines[0]!.promotionDiscounts?.map((d) => d.ruleId)).toEqual(['prm_coupon']);
    const asMember = withPromotions(cartReducer(cart, { type: 'customer', customer: member }), RULES, place);
    expect(asMember.lines[0]!.promotionDiscounts?.map((d) => d.ruleId)).toEqual(['prm_wool', 'prm_coupon']);
    // 899 kr passes the 500 kr threshold: the coupon applies.
    expect(guest.appliedCouponCodes).toEqual(['SOMMAR26']);
    const small = withPromotions(cartReducer(cartOf(coffee), { type: 'coupon', coupon }), RULES, place);
    expect(small.appliedCouponCodes ?? []).toEqual([]);
    expect(draftOf(small, 'SEK', false, []).couponCodes).toBeUndefined();
  });

  it('applies a customer-group rule ("B2B-rabatt") for a customer in the group, not for one outside', () => {
    const b2b = rule(
      'prm_b2b',
      'B2B-rabatt −10 %',
      { type: 'percent_off', target: { kind: 'all', ids: [] }, percentBp: 1000 },
      { customerGroups: ['b2b-rabatt'] },
    );
    const cart = cartOf(coffee);
    const inGroup = { id: 'cus_2', name: 'Bygg AB', groups: ['company', 'b2b-rabatt'] };
    const outside = { id: 'cus_3', name: 'Annat AB', groups: ['company'] };
    const priced = (customer?: typeof inGroup) =>
      withPromotions(customer ? cartReducer(cart, { type: 'customer', customer }) : cart, [b2b], place);
    expect(priced(inGroup).lines[0]!.promotionDiscounts?.map((d) => d.name)).toEqual(['B2B-rabatt −10 %']);
    expect(priced(inGroup).lines[0]!.promotionDiscounts?.map((d) => d.amount)).toEqual([500]);
    expect(priced(outside).lines[0]!.promotionDiscounts ?? []).toEqual([]);
    expect(priced().lines[0]!.promotionDiscounts ?? []).toEqual([]);
  });

  it('leaves web order lines, returns and lines without catalog facts alone, and keeps an unchanged cart', () => {
    const cart = cartOf(tee('a', 100), tee('b', 100), tee('c', 100));
    const priced = withPromotions(cart, RULES, place);
    expect(withPromotions(priced, RULES, place)).toBe(priced);
    const handedOver = {
      ...cart,
      lines: cart.lines.map((l) => ({ ...l, orderLineId: `ol_${l.lineId}` })),
    };
    expect(withPromotions(handedOver, RULES, place).lines.every((l) => !l.promotionDiscounts)).toBe(true);
    const oldSnapshot = { ...cart, lines: cart.lines.map(({ productId: _p, ...l }) => l) };
    expect(withPromotions(oldSnapshot, RULES, place).lines.every((l) => !l.promotionDiscounts)).toBe(true);
  });

  it('takes a manual discount on what the promotions leave, within the role limit of that', () => {
    // The same t-shirt scanned three times: one line of 3.
    let cart = withPromotions(cartOf(tee('a', 10_000), tee('a', 10_000), tee('a', 10_000)), RULES, place);
    expect(cart.lines).toHaveLength(1);
    const lineId = cart.lines[0]!.lineId;
    cart = cartReducer(cart, {
      type: 'lineDiscount',
      lineId,
      discount: { kind: 'percent', value: 2000, reason: 'Fläck' },
    });
    const receipt = previewReceipt(cart, 'SEK', false, 'cashier');
    // 3 × 100 kr, one free (100 kr), then 20 % of the 200 kr left.
    expect(receipt.lines[0]).toMatchObject({
      grossAmount: 30_000,
      promotionDiscountAmount: 10_000,
      lineDiscountAmount: 4_000,
      amountInclVat: 16_000,
    });
    expect(receipt.discountTotal).toBe(14_000);
    // An amount discount can take at most what the promotions left.
    const tooMuch = cartReducer(cart, {
      type: 'lineDiscount',
      lineId,
      discount: { kind: 'amount', value: 20_001, reason: 'Fel' },
    });
    expect(() => previewReceipt(tooMuch, 'SEK', false, 'manager')).toThrow(DomainError);
  });

  it('refuses promotion discounts that do not add up, naming the field', () => {
    const base = draftOf(withPromotions(cartOf(tee('a', 100)), RULES, place), 'SEK', false, []);
    const line = base.lines[0]!;
    const refusal = (lines: typeof base.lines) => {
      try {
        computeReceipt({ ...base, lines, payments: [] }, policyFor('cashier'));
      } catch (error) {
        return (error as DomainError).fields?.map((f) => f.field);
      }
      return null;
    };
    expect(refusal([{ ...line, promotionDiscounts: [{ ruleId: 'r', name: 'R', amount: 101 }] }])).toEqual([
      'lines[0].promotionDiscounts',
    ]);
    expect(refusal([{ ...line, promotionDiscounts: [{ ruleId: 'r', name: '', amount: 0 }] }])).toEqual([
      'lines[0].promotionDiscounts[0].name',
      'lines[0].promotionDiscounts[0].amount',
    ]);
    expect(
      refusal([{ ...line, quantity: -1, promotionDiscounts: [{ ruleId: 'r', name: 'R', amount: 1 }] }]),
    ).toContain('lines[0].promotionDiscounts');
  });

  it('counts promotions in the day report’s discounts', () => {
    let cart = cartReducer(cartOf(tee('a', 10_000), tee('b', 10_000), tee('c', 10_000)), {
      type: 'customer',
      customer: member,
    });
    cart = withPromotions(cart, RULES, place);
    const total = previewReceipt(cart, 'SEK', false, 'cashier').total;
    const receipt = computeReceipt(
      draftOf(cart, 'SEK', false, [{ method: 'card_standalone', amount: total }]),
      policyFor('cashier'),
    );
    const payload: ReceiptJournalPayload = {
      receiptId: 'rcp_1',
      receiptNumber: 1,
      cashierId: 'stf_1',
      receipt,
      controlUnit: { controlCode: 'X', serialNumber: 'Y' },
    };
    const report = buildDayReport({
      kind: 'x',
      registerId: 'reg_1',
      currency: 'SEK',
      createdAt: place.at,
      entries: [
        {
          registerId: 'reg_1',
          kind: 'receipt',
          at: place.at,
          payload,
          sequence: 1,
          previousHash: '',
          hash: 'h',
          signature: 's',
        },
      ],
    });
    expect(report.discounts).toEqual({ count: 1, amount: 10_000 });
  });
});
