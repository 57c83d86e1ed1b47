import type { Promotion } from '@handla/api';
import { checkPromotionEffect } from '@handla/core';
import { describe, expect, it } from 'vitest';
import { bodyOf, EMPTY_RULE, valuesOf } from './rule-form';

describe('the promotion form', () => {
  it('turns typed kronor and percentages into öre and basis points', () => {
    const body = bodyOf({
      ...EMPTY_RULE,
      name: ' Spara ',
      type: 'spend_threshold',
      targetKind: 'all',
      minSpend: '500',
      amount: '49,50',
      store: false,
    });
    expect(body).toMatchObject({
      name: 'Spara',
      effect: { type: 'spend_threshold', target: { kind: 'all', ids: [] }, minSpend: 50000, amountOff: 4950 },
      channels: ['web'],
    });
    const percent = bodyOf({
      ...EMPTY_RULE,
      type: 'percent_off',
      targetIds: 'cat_a, cat_b',
      percent: '12,5',
    });
    expect(percent.effect).toEqual({
      type: 'percent_off',
      target: { kind: 'category', ids: ['cat_a', 'cat_b'] },
      percentBp: 1250,
    });
  });

  it('leaves untypable numbers for the checks to name', () => {
    const effect = bodyOf({ ...EMPTY_RULE, type: 'mix_match', targetIds: 'cat_a', price: 'gratis' }).effect;
    expect(checkPromotionEffect(effect).map((p) => p.field)).toEqual(['effect.price']);
  });

  it('shows a stored rule as it was typed', () => {
    const values = {
      ...EMPTY_RULE,
      name: 'Paket',
      type: 'bundle' as const,
      targetKind: 'product' as const,
      targetIds: 'prd_a',
      secondIds: 'prd_b',
      price: '2500,00',
    };
    const body = bodyOf(values);
    const stored = {
      ...body,
      id: 'prm_1',
      status: 'active',
      archivedAt: null,
      couponCount: 0,
      version: 1,
      createdAt: '',
      updatedAt: '',
    } as Promotion;
    expect(valuesOf(stored)).toEqual(values);
  });

  it('keeps the customer groups a rule is for, so saving an edit does not drop them', () => {
    const values = { ...EMPTY_RULE, name: 'B2B-rabatt', customerGroups: ['b2b-rabatt', 'company'] };
    const body = bodyOf(values);
    expect(body.customerGroups).toEqual(['b2b-rabatt', 'company']);
    const stored = { ...body, id: 'prm_2', status: 'active', archivedAt: null, couponCount: 0, version: 2 };
    expect(valuesOf({ ...stored, createdAt: '', updatedAt: '' } as Promotion).customerGroups).toEqual([
      'b2b-rabatt',
      'company',
    ]);
  });
});
