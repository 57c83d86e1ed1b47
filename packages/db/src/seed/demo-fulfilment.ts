// The fulfilment part of the demo data: the central warehouse releases paid delivery orders to
// picking in two batches a day, 10:00 and 14:00 Swedish time; the stores release by hand.
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';

/** The central warehouse's batch times (Europe/Stockholm). */
export const DEMO_RELEASE_TIMES = ['10:00', '14:00'] as const;

export async function seedDemoFulfilment(tx: Queryable, deps: Pick<DemoSeedDeps, 'now'>): Promise<void> {
  await tx.query(
    `insert into fulfilment_settings (location_id, mode, batch_times, updated_at, updated_by)
     select id, 'batches', $1, $2, 'seed' from locations where code = 'CENTRAL'
     on conflict (location_id) do nothing`,
    [DEMO_RELEASE_TIMES, deps.now],
  );
}
