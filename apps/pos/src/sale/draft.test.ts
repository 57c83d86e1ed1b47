import { type RegisterCatalogItem, SaleDraftDto } from '@handla/api';
import { DomainError } from '@handla/core';
import { describe, expect, it } from 'vitest';
import { type Cart, cartReducer, emptyCart } from './cart';
import { draftOf, previewReceipt } from './draft';

function item(skuId: string, price: number, vatRateBp = 2500): RegisterCatalogItem {
  return {
    skuId,
    sku: `SKU-${skuId}`,
    ean: null,
    productId: 'p1',
    name: { sv: `Vara ${skuId}`, en: `Item ${skuId}` },
    options: {},
    unitPriceInclVat: price,
    regularUnitPriceInclVat: price,
    campaignId: null,
    vatRateBp,
    taxClass: 'standard',
    warrantyText: null,
    isBundle: false,
  };
}

function cartOf(...items: RegisterCatalogItem[]): Cart {
  return items.reduce(
    (cart, it, i) => cartReducer(cart, { type: 'add', item: it, lineId: `l${i}` }),
    emptyCart('c'),
  );
}

describe('the receipt shown while ringing up', () => {
  it('totals lines, a 10 % line discount and a receipt discount, with VAT per rate', () => {
    let cart = cartOf(item('a', 19_900), item('b', 4_950, 1200), item('c', 10_000));
    cart = cartReducer(cart, {
      type: 'lineDiscount',
      lineId: 'l0',
      discount: { kind: 'percent', value: 1000, reason: 'Skadad' },
    });
    cart = cartReducer(cart, {
      type: 'receiptDiscount',
      discount: { kind: 'amount', value: 1_000, reason: 'Stamkund' },
    });
    const receipt = previewReceipt(cart, 'SEK', false, 'cashier');
    expect(receipt.lines[0]!.lineDiscountAmount).toBe(1_990);
    expect(receipt.total).toBe(19_900 - 1_990 + 4_950 + 10_000 - 1_000);
    expect(receipt.roundingAmount).toBe(0);
    expect(receipt.vat.byRate.map((r) => r.vatRateBp).sort()).toEqual([1200, 2500]);
  });

  it('refuses a discount beyond the cashier’s limit, naming the line, and lets a manager give it', () => {
    let cart = cartOf(item('a', 10_000));
    cart = cartReducer(cart, {
      type: 'lineDiscount',
      lineId: 'l0',
      discount: { kind: 'percent', value: 4000, reason: 'Fel' },
    });
    let refusal: unknown;
    try {
      previewReceipt(cart, 'SEK', false, 'cashier');
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('forbidden');
    expect(JSON.stringify(refusal)).toContain('lines[0].discount.value');
    expect(previewReceipt(cart, 'SEK', false, 'manager').total).toBe(6_000);
  });

  it('has nothing to show for an empty cart (the screen shows zero itself)', () => {
    expect(() => previewReceipt(emptyCart('c'), 'SEK', false, 'cashier')).toThrow(DomainError);
  });
});

describe('the draft the register signs and sends', () => {
  it('carries a pay-in-store web order and its order lines, as the server’s contract reads them', () => {
    const base = cartOf(item('a', 19_900), item('b', 4_950));
    const cart: Cart = {
      ...base,
      webOrder: { id: 'ord_1', number: '1001' },
      lines: base.lines.map((line, i) => (i === 0 ? { ...line, orderLineId: 'orl_1' } : line)),
    };
    const draft = draftOf(cart, 'SEK', false, [{ method: 'card_standalone', amount: 24_850 }]);
    const sent = SaleDraftDto.parse(JSON.parse(JSON.stringify(draft)));
    expect(sent.webOrderId).toBe('ord_1');
    expect(sent.lines.map((l) => l.orderLineId ?? null)).toEqual(['orl_1', null]);
  });

  it('says nothing of web orders for an ordinary sale', () => {
    const draft = draftOf(cartOf(item('a', 19_900)), 'SEK', false, []);
    expect('webOrderId' in draft).toBe(false);
    expect('orderLineId' in draft.lines[0]!).toBe(false);
  });
});
