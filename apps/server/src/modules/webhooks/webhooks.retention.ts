// The delivery log would otherwise grow by one row per event and subscription forever. Delivered
// deliveries are kept for a while (for the back office's log and redelivery), then deleted in
// small batches so the job never holds many locks; failed ones stay until someone acts on them.
import type { AppContext } from '../../context';
import { deleteDeliveredBefore } from './webhooks.deliveries.store';

/** How long a delivered delivery stays in the log. */
export const DELIVERED_KEPT_DAYS = 30;
const BATCH = 1_000;
const MAX_BATCHES = 20;

/** Deletes delivered deliveries older than the retention; returns how many went. */
export async function pruneDeliveryLog(ctx: AppContext, now: Date): Promise<number> {
  const before = new Date(now.getTime() - DELIVERED_KEPT_DAYS * 24 * 60 * 60_000);
  let deleted = 0;
  for (let i = 0; i < MAX_BATCHES; i += 1) {
    const batch = await ctx.db.transaction((tx) => deleteDeliveredBefore(tx, before, BATCH));
    deleted += batch;
    if (batch < BATCH) break;
  }
  return deleted;
}
