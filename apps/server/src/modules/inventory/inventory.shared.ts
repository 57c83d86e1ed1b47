// What every inventory service needs: who is acting, checked SKUs and locations, bundles expanded
// to their components, the public shape of rows, and the stock events that follow a change.
import type { StockLevel, StockLocation, StockMovement } from '@handla/api';
import { availableQuantity, DomainError, expandBundle, type SkuQuantity } from '@handla/core';
import type { Queryable } from '@handla/db';
import { emitEvents, type NewEvent } from '../../outbox/emit';
import { findSkuFacts, listBundleComponents, type SkuFacts } from '../catalog/catalog.lookups';
import { findLocations } from '../locations/locations.lookups';
import type { LevelRow, MovementRow } from './inventory.store';

/** Who changes stock: a staff member or an API key; cashiers only at their own store's locations. */
export interface StockActor {
  id: string;
  storeId: string | null;
  isStoreBound: boolean;
}

/** Throws `forbidden` when a store-bound actor works at another store's location. */
export function assertMayWorkAt(actor: StockActor, location: StockLocation, field = 'locationId'): void {
  if (actor.isStoreBound && (actor.storeId === null || location.storeId !== actor.storeId)) {
    throw new DomainError('forbidden', 'Cashiers handle stock at their own store only.', [
      { field, message: 'Not a location of your store' },
    ]);
  }
}

/** The location, or `validation_failed` naming `field`. */
export async function requireLocation(q: Queryable, locationId: string, field = 'locationId') {
  const [location] = await findLocations(q, [locationId]);
  if (!location) throw invalid(field, 'Unknown location', `No location ${locationId}.`);
  return location;
}

/** A field error as a 400 `validation_failed`. */
export function invalid(field: string, message: string, detail = `Check ${field}.`): DomainError {
  return new DomainError('validation_failed', detail, [{ field, message }]);
}

/**
 * Facts for each SKU, in input order, or `validation_failed` naming the field of the first unknown
 * one. Bundles hold no stock of their own, so they are refused unless `allowBundles`.
 */
export async function requireSkus(
  q: Queryable,
  skuIds: readonly string[],
  fieldOf: (index: number) => string,
  options: { allowBundles?: boolean } = {},
): Promise<SkuFacts[]> {
  const facts = new Map((await findSkuFacts(q, skuIds)).map((f) => [f.skuId, f]));
  return skuIds.map((skuId, i) => {
    const fact = facts.get(skuId);
    if (!fact) throw invalid(fieldOf(i), 'Unknown SKU', `No SKU ${skuId}.`);
    if (fact.isBundle && !options.allowBundles) {
      throw invalid(fieldOf(i), 'A bundle holds no stock; use its components', `${skuId} is a bundle.`);
    }
    return fact;
  });
}

/** The stocked SKUs that `quantity` of `sku` moves: itself, or a bundle's components. */
export async function stockedUnits(q: Queryable, sku: SkuFacts, quantity: number): Promise<SkuQuantity[]> {
  if (!sku.isBundle) return [{ skuId: sku.skuId, quantity }];
  const components = await listBundleComponents(q, [sku.skuId]);
  if (components.length === 0) throw invalid('skuId', 'This bundle has no components');
  return expandBundle(
    components.map((c) => ({ skuId: c.componentSkuId, quantity: c.quantity })),
    quantity,
  ).sort((a, b) => (a.skuId < b.skuId ? -1 : 1));
}

/** The public shape of a level row. */
export function toStockLevel(row: LevelRow): StockLevel {
  return {
    skuId: row.skuId,
    locationId: row.locationId,
    onHand: row.onHand,
    reserved: row.reserved,
    available: availableQuantity(row.onHand, row.reserved),
    isCountNeeded: row.countNeededAt !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The public shape of a ledger row. */
export function toStockMovement(row: MovementRow): StockMovement {
  return { ...row, occurredAt: row.occurredAt.toISOString() };
}

const keyOf = (skuId: string, locationId: string) => `${skuId}\u0000${locationId}`;

/** Sums signed quantities per SKU and location: what a set of movements did to each level. */
export function deltasOf(moves: readonly { skuId: string; locationId: string; quantity: number }[]) {
  const deltas = new Map<string, number>();
  for (const m of moves)
    deltas.set(keyOf(m.skuId, m.locationId), (deltas.get(keyOf(m.skuId, m.locationId)) ?? 0) + m.quantity);
  return deltas;
}

/** What changed the levels: the movement kind (or reserve/release) and the document behind it. */
export interface LevelChange {
  cause: string;
  reference: string | null;
  /** Signed units per level, to tell which levels this change took below zero. */
  deltas?: Map<string, number>;
}

/**
 * Writes the transaction's events in one outbox statement, as its last write: the `leading`
 * document events, then `stock.changed` for each level and `stock.count_needed` for each level this
 * change took from zero or above to below zero.
 */
export async function emitStockEvents(
  tx: Queryable,
  at: Date,
  work: {
    leading?: NewEvent[];
    levels?: readonly LevelRow[];
    change?: LevelChange;
    /** The locations of the levels when the caller has them already (saves a query). */
    locations?: readonly StockLocation[];
  },
): Promise<void> {
  const levels = work.levels ?? [];
  const wanted = [...new Set(levels.map((l) => l.locationId))];
  const known = work.locations ?? [];
  const locations = wanted.every((id) => known.some((l) => l.id === id))
    ? known
    : await findLocations(tx, wanted);
  const stores = new Map(locations.map((l) => [l.id, l.storeId]));
  const events: NewEvent[] = [...(work.leading ?? [])];
  const sorted = [...levels].sort((a, b) =>
    keyOf(a.skuId, a.locationId) < keyOf(b.skuId, b.locationId) ? -1 : 1,
  );
  for (const level of sorted) {
    const { skuId, locationId, onHand, reserved, available } = toStockLevel(level);
    const base = { aggregateType: 'sku', aggregateId: skuId, storeId: stores.get(locationId) ?? null };
    const { cause = 'change', reference = null, deltas } = work.change ?? {};
    events.push({
      ...base,
      type: 'stock.changed',
      data: { skuId, locationId, onHand, reserved, available, cause, reference },
    });
    const delta = deltas?.get(keyOf(skuId, locationId)) ?? 0;
    if (onHand < 0 && onHand - delta >= 0) {
      events.push({ ...base, type: 'stock.count_needed', data: { skuId, locationId, onHand } });
    }
  }
  await emitEvents(tx, events, at);
}

/** Throws `version_conflict` when the document changed since the caller read it. */
export function assertVersion(current: number, sent: number, what: string): void {
  if (current !== sent) {
    throw new DomainError(
      'version_conflict',
      `The ${what} changed since you read it (version ${current} now).`,
      [{ field: 'version', message: `Is ${current}, you sent ${sent}` }],
    );
  }
}

/** A 404 for a document that does not exist. */
export function documentNotFound(what: string, id: string): DomainError {
  return new DomainError('not_found', `No ${what} ${id}.`, [{ field: 'id', message: `Unknown ${what}` }]);
}

/** Refuses a SKU listed twice in `lines`, naming the second occurrence. */
export function assertDistinctSkus(lines: readonly { skuId: string }[], field = 'lines'): void {
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    if (seen.has(line.skuId)) throw invalid(`${field}.${i}.skuId`, 'Listed twice');
    seen.add(line.skuId);
  }
}
