import type { Product } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { priceForShop } from './shop-prices';

const sek = (amount: number) => ({ amount, currency: 'SEK' });
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const product = (id: string, skus: [string, number][]): Product => ({
  id,
  slug: id,
  name: { sv: id, en: id },
  description: { sv: '', en: '' },
  brand: null,
  category: null,
  isBundle: false,
  imageUrl: null,
  fromPriceInclVat: sek(Math.min(...skus.map(([, p]) => p))),
  skus: skus.map(([skuId, price]) => ({
    id: skuId,
    sku: skuId,
    ean: null,
    options: {},
    priceInclVat: sek(price),
  })),
});

describe('priceForShop', () => {
  it('sells at the shop’s prices, from its lowest, and only the variants its list prices', () => {
    const products = [
      product('shirt', [
        ['s', 29_900],
        ['m', 29_900],
        ['l', 34_900],
      ]),
      product('mug', [['mug', 9_900]]),
    ];
    const prices = new Map([
      ['m', eur(2590)],
      ['l', eur(2990)],
    ]);
    const priced = priceForShop(products, prices);
    expect(priced).toHaveLength(1);
    expect(priced[0]!.skus.map((s) => [s.id, s.priceInclVat])).toEqual([
      ['m', eur(2590)],
      ['l', eur(2990)],
    ]);
    expect(priced[0]!.fromPriceInclVat).toEqual(eur(2590));
  });
});
