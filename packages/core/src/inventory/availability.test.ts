import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableQuantity, bundleAvailability, expandBundle } from './availability';

describe('availableQuantity', () => {
  it('is on-hand minus reserved', () => {
    expect(availableQuantity(10, 3)).toBe(7);
    expect(availableQuantity(3, 3)).toBe(0);
  });

  it('never goes below zero, even when a register sale took on-hand below zero', () => {
    expect(availableQuantity(-2, 0)).toBe(0);
    expect(availableQuantity(2, 5)).toBe(0);
  });
});

describe('bundleAvailability', () => {
  it('is the smallest floor(available / quantity) over the components', () => {
    expect(
      bundleAvailability([
        { quantity: 1, available: 9 },
        { quantity: 2, available: 9 },
        { quantity: 3, available: 30 },
      ]),
    ).toBe(4);
  });

  it('is zero when a component is missing or the bundle has none', () => {
    expect(
      bundleAvailability([
        { quantity: 1, available: 5 },
        { quantity: 1, available: 0 },
      ]),
    ).toBe(0);
    expect(bundleAvailability([])).toBe(0);
  });

  const parts = fc.array(
    fc.record({ quantity: fc.integer({ min: 1, max: 12 }), available: fc.integer({ min: -5, max: 500 }) }),
    { minLength: 1, maxLength: 6 },
  );

  it('never exceeds any component’s floor and is never negative', () => {
    fc.assert(
      fc.property(parts, (components) => {
        const bundles = bundleAvailability(components);
        expect(bundles).toBeGreaterThanOrEqual(0);
        for (const part of components) {
          expect(bundles).toBeLessThanOrEqual(Math.floor(Math.max(0, part.available) / part.quantity));
        }
      }),
    );
  });

  it('can always be built: bundles × quantity fits in every component, one more does not', () => {
    fc.assert(
      fc.property(parts, (components) => {
        const bundles = bundleAvailability(components);
        expect(components.every((p) => bundles * p.quantity <= Math.max(0, p.available))).toBe(true);
        expect(components.some((p) => (bundles + 1) * p.quantity > Math.max(0, p.available))).toBe(true);
      }),
    );
  });
});

describe('expandBundle', () => {
  it('multiplies each component by the number of bundles', () => {
    expect(
      expandBundle(
        [
          { skuId: 'mug', quantity: 1 },
          { skuId: 'bun', quantity: 2 },
        ],
        3,
      ),
    ).toEqual([
      { skuId: 'mug', quantity: 3 },
      { skuId: 'bun', quantity: 6 },
    ]);
  });

  it('adds up a component listed twice', () => {
    expect(
      expandBundle(
        [
          { skuId: 'bun', quantity: 1 },
          { skuId: 'bun', quantity: 2 },
        ],
        2,
      ),
    ).toEqual([{ skuId: 'bun', quantity: 6 }]);
  });
});
