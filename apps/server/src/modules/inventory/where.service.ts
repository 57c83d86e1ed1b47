// "Where is this SKU in stock?" across every location, for the register and the shop. A bundle has
// no stock of its own: at each location it is as available as its scarcest component allows.
import type { SkuAvailability, SkuLocationStock, SkuWhereabouts } from '@handla/api';
import { availableQuantity, bundleAvailability, DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { findSkuFacts, listBundleComponents } from '../catalog/catalog.lookups';
import { listLocations } from '../locations/locations.lookups';
import * as store from './inventory.store';

/** Every location with the SKU's on-hand, reserved and available (zero where it has none). */
export async function whereIsSku(ctx: AppContext, skuId: string): Promise<SkuWhereabouts> {
  const [sku] = await findSkuFacts(ctx.db, [skuId]);
  if (!sku)
    throw new DomainError('not_found', `No SKU ${skuId}.`, [{ field: 'skuId', message: 'Unknown SKU' }]);
  const components = sku.isBundle
    ? (await listBundleComponents(ctx.db, [skuId])).map((c) => ({
        skuId: c.componentSkuId,
        quantity: c.quantity,
      }))
    : [{ skuId, quantity: 1 }];
  const [locations, levels] = await Promise.all([
    listLocations(ctx.db),
    store.levelsOfSkus(
      ctx.db,
      components.map((c) => c.skuId),
    ),
  ]);
  const levelAt = new Map(levels.map((l) => [`${l.skuId}\u0000${l.locationId}`, l]));
  const rows: SkuLocationStock[] = locations.map((location) => {
    const parts = components.map((c) => {
      const level = levelAt.get(`${c.skuId}\u0000${location.id}`);
      return { quantity: c.quantity, onHand: level?.onHand ?? 0, reserved: level?.reserved ?? 0 };
    });
    // For one plain SKU this is just its own figures (quantity 1); for a bundle, whole bundles.
    const onHand = sku.isBundle
      ? bundleAvailability(parts.map((p) => ({ quantity: p.quantity, available: p.onHand })))
      : parts[0]!.onHand;
    const available = bundleAvailability(
      parts.map((p) => ({ quantity: p.quantity, available: availableQuantity(p.onHand, p.reserved) })),
    );
    const reserved = sku.isBundle ? Math.max(0, onHand - available) : parts[0]!.reserved;
    return { location, onHand, reserved, available };
  });
  return {
    skuId,
    isBundle: sku.isBundle,
    components: sku.isBundle ? components : [],
    totalOnHand: rows.reduce((sum, r) => sum + Math.max(0, r.onHand), 0),
    totalAvailable: rows.reduce((sum, r) => sum + r.available, 0),
    locations: rows,
  };
}

/** What the shop may show: available per store, and in warehouses for delivery. Active SKUs only. */
export async function skuAvailability(ctx: AppContext, skuId: string): Promise<SkuAvailability> {
  const [sku] = await findSkuFacts(ctx.db, [skuId]);
  if (sku?.status !== 'active') {
    throw new DomainError('not_found', `No SKU ${skuId}.`, [{ field: 'skuId', message: 'Unknown SKU' }]);
  }
  const where = await whereIsSku(ctx, skuId);
  return {
    skuId,
    stores: where.locations.flatMap(({ location, available }) =>
      location.kind === 'store' && location.storeId
        ? [{ storeId: location.storeId, locationId: location.id, available }]
        : [],
    ),
    warehouseAvailable: where.locations
      .filter(({ location }) => location.kind !== 'store')
      .reduce((sum, { available }) => sum + available, 0),
  };
}
