import type { RegisterCatalogItem } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { type Cart, cartReducer, emptyCart, itemCount } from './cart';

function item(skuId: string, price: number): RegisterCatalogItem {
  return {
    skuId,
    sku: `SKU-${skuId}`,
    ean: null,
    productId: 'p1',
    name: { sv: `Vara ${skuId}`, en: `Item ${skuId}` },
    options: { Färg: 'Röd', Storlek: 'M' },
    unitPriceInclVat: price,
    regularUnitPriceInclVat: price,
    campaignId: null,
    vatRateBp: 2500,
    taxClass: 'standard',
    warrantyText: null,
    isBundle: false,
  };
}

const add = (cart: Cart, skuId: string, lineId: string) =>
  cartReducer(cart, { type: 'add', item: item(skuId, 10_000), lineId });

describe('the cart', () => {
  it('adds a line per new SKU and one more to the last line when the same SKU is scanned again', () => {
    let cart = add(emptyCart('c1'), 'a', 'l1');
    cart = add(cart, 'a', 'l2');
    cart = add(cart, 'b', 'l3');
    cart = add(cart, 'a', 'l4');
    expect(cart.lines.map((l) => [l.skuId, l.quantity])).toEqual([
      ['a', 2],
      ['b', 1],
      ['a', 1],
    ]);
    expect(cart.lines[0]!.optionsText).toBe('Röd / M');
    expect(itemCount(cart)).toBe(4);
    expect(cart.selectedLineId).toBe('l4');
  });

  it('starts a new line after the last one got a discount, so the discount stays on one unit', () => {
    let cart = add(emptyCart('c1'), 'a', 'l1');
    cart = cartReducer(cart, {
      type: 'lineDiscount',
      lineId: 'l1',
      discount: { kind: 'percent', value: 1000, reason: 'Skadad' },
    });
    cart = add(cart, 'a', 'l2');
    expect(cart.lines).toHaveLength(2);
  });

  it('refuses a zero or fractional quantity and keeps the cart as it was', () => {
    const cart = add(emptyCart('c1'), 'a', 'l1');
    expect(cartReducer(cart, { type: 'quantity', lineId: 'l1', quantity: 0 })).toBe(cart);
    expect(cartReducer(cart, { type: 'quantity', lineId: 'l1', quantity: 1.5 })).toBe(cart);
    expect(cartReducer(cart, { type: 'quantity', lineId: 'l1', quantity: 3 }).lines[0]!.quantity).toBe(3);
  });

  it('selects the last remaining line after a removal', () => {
    let cart = add(add(emptyCart('c1'), 'a', 'l1'), 'b', 'l2');
    cart = cartReducer(cart, { type: 'select', lineId: 'l1' });
    cart = cartReducer(cart, { type: 'remove', lineId: 'l2' });
    expect(cart.selectedLineId).toBe('l1');
    expect(cartReducer(cart, { type: 'remove', lineId: 'l1' }).selectedLineId).toBeNull();
  });
});
