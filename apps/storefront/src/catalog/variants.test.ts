import type { Sku } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { initialSelection, optionAxes, skuForSelection, valueExists } from './variants';

const sku = (id: string, options: Record<string, string>): Sku => ({
  id,
  sku: id,
  ean: null,
  options,
  priceInclVat: { amount: 100, currency: 'SEK' },
});
// Black comes in S and M, white only in M.
const skus = [
  sku('bs', { Färg: 'Svart', Storlek: 'S' }),
  sku('bm', { Färg: 'Svart', Storlek: 'M' }),
  sku('wm', { Färg: 'Vit', Storlek: 'M' }),
];

describe('the variant picker', () => {
  it('lists the options and their values in catalog order', () => {
    expect(optionAxes(skus)).toEqual([
      { name: 'Färg', values: ['Svart', 'Vit'] },
      { name: 'Storlek', values: ['S', 'M'] },
    ]);
  });

  it('finds the SKU of a complete choice, none for an incomplete one', () => {
    expect(skuForSelection(skus, { Färg: 'Vit', Storlek: 'M' })?.id).toBe('wm');
    expect(skuForSelection(skus, { Färg: 'Vit' })).toBeUndefined();
    expect(skuForSelection(skus, { Färg: 'Vit', Storlek: 'S' })).toBeUndefined();
    expect(skuForSelection([sku('one', {})], {})?.id).toBe('one');
  });

  it('knows which values exist with the other choices kept', () => {
    expect(valueExists(skus, { Färg: 'Vit', Storlek: 'M' }, 'Storlek', 'S')).toBe(false);
    expect(valueExists(skus, { Färg: 'Svart', Storlek: 'M' }, 'Storlek', 'S')).toBe(true);
    expect(valueExists(skus, { Färg: 'Svart', Storlek: 'S' }, 'Färg', 'Vit')).toBe(false);
  });

  it('starts on the first variant', () => {
    expect(initialSelection(skus)).toEqual({ Färg: 'Svart', Storlek: 'S' });
  });
});
