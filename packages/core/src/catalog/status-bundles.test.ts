import { describe, expect, it } from 'vitest';
import { assertValidBundleComponents, type ComponentCandidate, MAX_BUNDLE_COMPONENTS } from './bundles';
import { CATALOG_STATUSES, effectiveStatus } from './status';

describe('effectiveStatus', () => {
  it('is the more restrictive of product and SKU', () => {
    expect(effectiveStatus('active', 'active')).toBe('active');
    expect(effectiveStatus('active', 'hidden')).toBe('hidden');
    expect(effectiveStatus('hidden', 'active')).toBe('hidden');
    expect(effectiveStatus('discontinued', 'hidden')).toBe('discontinued');
    for (const s of CATALOG_STATUSES) expect(effectiveStatus(s, 'discontinued')).toBe('discontinued');
  });
});

describe('assertValidBundleComponents', () => {
  const plain = { isBundle: false, status: 'active' as const };
  const refusal = (components: ComponentCandidate[]) => {
    try {
      assertValidBundleComponents(components);
    } catch (error) {
      const e = error as { code: string; fields: { field: string }[] };
      return [e.code, e.fields[0]!.field];
    }
    return null;
  };

  it('accepts known, plain, sellable SKUs once each', () => {
    expect(
      refusal([
        { skuId: 'a', quantity: 1, facts: plain },
        { skuId: 'b', quantity: 2, facts: { isBundle: false, status: 'hidden' } },
      ]),
    ).toBeNull();
  });

  it('refuses none, too many, twice the same, unknown, a bundle and a discontinued SKU', () => {
    expect(refusal([])).toEqual(['validation_failed', 'components']);
    const many = Array.from({ length: MAX_BUNDLE_COMPONENTS + 1 }, (_, i) => ({
      skuId: `s${i}`,
      quantity: 1,
      facts: plain,
    }));
    expect(refusal(many)).toEqual(['validation_failed', 'components']);
    const a = { skuId: 'a', quantity: 1, facts: plain };
    expect(refusal([a, a])).toEqual(['validation_failed', 'components.1.skuId']);
    expect(refusal([a, { skuId: 'x', quantity: 1 }])).toEqual(['validation_failed', 'components.1.skuId']);
    expect(refusal([{ skuId: 'b', quantity: 1, facts: { isBundle: true, status: 'active' } }])).toEqual([
      'invalid_state',
      'components.0.skuId',
    ]);
    expect(
      refusal([a, { skuId: 'd', quantity: 1, facts: { isBundle: false, status: 'discontinued' } }]),
    ).toEqual(['invalid_state', 'components.1.skuId']);
  });
});
