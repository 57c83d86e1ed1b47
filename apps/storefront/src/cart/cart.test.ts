import type { Product } from '@handla/api';
import { describe, expect, it } from 'vitest';
import {
  addToCart,
  type CartLine,
  cartItemCount,
  cartTotal,
  lineFor,
  MAX_QUANTITY,
  parseStoredCart,
  repriceCart,
  setCartQuantity,
} from './cart';

const product: Product = {
  id: 'prd_1',
  slug: 't-shirt',
  name: { sv: 'T-shirt', en: 'T-shirt' },
  description: { sv: '', en: '' },
  brand: null,
  category: null,
  isBundle: false,
  imageUrl: null,
  fromPriceInclVat: { amount: 19900, currency: 'SEK' },
  skus: [
    {
      id: 'sku_m',
      sku: 'TS-M',
      ean: null,
      options: { Färg: 'Svart', Storlek: 'M' },
      priceInclVat: { amount: 19900, currency: 'SEK' },
    },
    {
      id: 'sku_xl',
      sku: 'TS-XL',
      ean: null,
      options: { Färg: 'Svart', Storlek: 'XL' },
      priceInclVat: { amount: 22900, currency: 'SEK' },
    },
  ],
};
const line = (skuId: string, quantity = 1): CartLine => lineFor(product, skuId, quantity)!;

describe('the cart', () => {
  it('names the variant from its options and takes the shown price', () => {
    expect(line('sku_xl')).toMatchObject({ variantName: 'Svart / XL', unitPrice: 22900, currency: 'SEK' });
    expect(lineFor(product, 'sku_nope', 1)).toBeNull();
  });

  it('merges the same SKU into one line and caps the quantity', () => {
    let lines = addToCart([], line('sku_m', 2));
    lines = addToCart(lines, line('sku_m', 3));
    lines = addToCart(lines, line('sku_xl'));
    expect(lines.map((l) => [l.skuId, l.quantity])).toEqual([
      ['sku_m', 5],
      ['sku_xl', 1],
    ]);
    expect(cartItemCount(lines)).toBe(6);
    expect(cartTotal(lines)).toBe(5 * 19900 + 22900);
    expect(addToCart(lines, line('sku_m', 500))[0]!.quantity).toBe(MAX_QUANTITY);
  });

  it('removes a line when its quantity is set to zero', () => {
    const lines = setCartQuantity([line('sku_m'), line('sku_xl')], 'sku_m', 0);
    expect(lines.map((l) => l.skuId)).toEqual(['sku_xl']);
    expect(setCartQuantity(lines, 'sku_xl', 4)[0]!.quantity).toBe(4);
  });

  it('re-prices against the catalog and drops what is no longer for sale', () => {
    const stale = [
      { ...line('sku_m'), unitPrice: 17900 },
      line('sku_xl'),
      { ...line('sku_m'), skuId: 'sku_gone' },
    ];
    const result = repriceCart(stale, [product]);
    expect(result.changed).toEqual([{ skuId: 'sku_m', before: 17900, after: 19900 }]);
    expect(result.removed.map((l) => l.skuId)).toEqual(['sku_gone']);
    expect(result.lines.map((l) => [l.skuId, l.unitPrice])).toEqual([
      ['sku_m', 19900],
      ['sku_xl', 22900],
    ]);
  });

  it("takes the shop's currency: a line shown in kronor, now sold in euros, is changed", () => {
    const euros: Product = {
      ...product,
      skus: product.skus.map((s) => ({ ...s, priceInclVat: { amount: 1790, currency: 'EUR' } })),
    };
    const result = repriceCart([line('sku_m', 1)], [euros]);
    expect(result.changed).toEqual([{ skuId: 'sku_m', before: 19900, after: 1790 }]);
    expect(result.lines[0]).toMatchObject({ unitPrice: 1790, currency: 'EUR' });
  });

  it('reads back only well-formed lines from storage', () => {
    const saved = JSON.parse(
      JSON.stringify([line('sku_m', 2), { skuId: 'x' }, null, { ...line('sku_xl'), quantity: 1.5 }]),
    );
    expect(parseStoredCart(saved)).toEqual([line('sku_m', 2)]);
    expect(parseStoredCart('not a cart')).toEqual([]);
  });
});
