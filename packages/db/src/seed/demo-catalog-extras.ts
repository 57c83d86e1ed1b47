// The catalog module's additions to the demo data, written after the base demo in the same transaction.
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';

/** Adds the catalog demo data; reads the ids it needs from the rows the base demo wrote. */
export async function seedDemoCatalog(_tx: Queryable, _deps: DemoSeedDeps): Promise<void> {}
