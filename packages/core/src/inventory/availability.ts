// What can still be promised: on-hand minus what web orders hold, and a bundle's share of its parts.

/** Units that can be sold or reserved: on-hand minus reserved, never below zero. */
export function availableQuantity(onHand: number, reserved: number): number {
  return Math.max(0, onHand - reserved);
}

/** One component of a bundle at one location: how many one bundle takes, and how many are available. */
export interface BundlePart {
  quantity: number;
  available: number;
}

/**
 * Whole bundles that can be made from the parts: the smallest floor(available / quantity) over the
 * components. A bundle without components cannot be made at all.
 */
export function bundleAvailability(parts: readonly BundlePart[]): number {
  if (parts.length === 0) return 0;
  let bundles = Number.POSITIVE_INFINITY;
  for (const part of parts) {
    bundles = Math.min(bundles, Math.floor(Math.max(0, part.available) / part.quantity));
  }
  return bundles;
}

/** A SKU and a number of units of it. */
export interface SkuQuantity {
  skuId: string;
  quantity: number;
}

/**
 * The component units that `quantity` bundles move, e.g. 2 × Fikapaket → 2 mugs, 2 coffee, 2 buns.
 * Components listed twice are added together.
 */
export function expandBundle(components: readonly SkuQuantity[], quantity: number): SkuQuantity[] {
  const units = new Map<string, number>();
  for (const part of components) {
    units.set(part.skuId, (units.get(part.skuId) ?? 0) + part.quantity * quantity);
  }
  return [...units].map(([skuId, total]) => ({ skuId, quantity: total }));
}
