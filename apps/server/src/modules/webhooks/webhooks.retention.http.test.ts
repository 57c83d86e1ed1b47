// The delivery log is pruned: delivered deliveries go after the retention, failed ones stay for a person.
import { describe, expect, it } from 'vitest';
import { useDeliveryHarness } from './webhooks.harness';
import { DELIVERED_KEPT_DAYS } from './webhooks.retention';

const h = useDeliveryHarness();
const DAY = 24 * 60 * 60_000;

describe('the webhook delivery log', () => {
  it('keeps delivered deliveries for the retention, then deletes them; failed ones stay', async () => {
    const subscription = await h.subscribe(['order.*']);
    await h.emitOrderEvent('ord_kept', 'order.placed');
    await h.emitOrderEvent('ord_failed', 'order.placed');
    expect(await h.runJobs()).toBe(2);
    // One of the two gave up long ago: it must survive the pruning.
    await h.t.ctx.db.query(
      `update webhook_deliveries set status = 'failed', delivered_at = null where resource = 'order:ord_failed'`,
    );

    h.later((DELIVERED_KEPT_DAYS - 1) * DAY);
    expect((await h.t.app.jobs.runOnce('webhooks.prune'))['webhooks.prune']).toBe(0);
    expect(await h.deliveriesOf(subscription.id)).toHaveLength(2);

    h.later(2 * DAY);
    expect((await h.t.app.jobs.runOnce('webhooks.prune'))['webhooks.prune']).toBe(1);
    const left = await h.deliveriesOf(subscription.id);
    expect(left.map((d) => d.status)).toEqual(['failed']);
    const attempts = await h.t.ctx.db.query<{ n: number }>(
      `select count(*)::int as n from webhook_attempts a
         left join webhook_deliveries d on d.id = a.delivery_id where d.id is null`,
    );
    expect(attempts[0]!.n).toBe(0);
  });
});
