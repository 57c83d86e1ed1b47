// SQL for the back office's view of drop-ship supplier webhooks: which suppliers have one, and
// clearing one (sending and setting live in drop-ship.webhook.ts).
import type { SupplierWebhookSummary } from '@handla/api';
import type { Queryable } from '@handla/db';

/** The suppliers with a webhook, by supplier name; never the secret. */
export async function listSupplierWebhooks(q: Queryable): Promise<SupplierWebhookSummary[]> {
  const rows = await q.query<{ supplierId: string; url: string; updatedAt: Date }>(
    `select w.supplier_id as "supplierId", w.url, w.updated_at as "updatedAt"
       from dropship_supplier_webhooks w join suppliers s on s.id = w.supplier_id
      order by s.name, s.id`,
  );
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export async function supplierExists(q: Queryable, supplierId: string): Promise<boolean> {
  return (await q.query('select 1 from suppliers where id = $1', [supplierId])).length > 0;
}

/**
 * Removes the supplier's webhook. Its deliveries still waiting are marked failed in the same
 * transaction: the send job only claims deliveries of suppliers with a webhook, so they would
 * otherwise wait for ever, and go out as old orders if a webhook were set again. The supplier
 * still has each order by mail.
 */
export async function deleteSupplierWebhookIn(q: Queryable, supplierId: string, now: Date): Promise<void> {
  await q.query('delete from dropship_supplier_webhooks where supplier_id = $1', [supplierId]);
  await q.query(
    `update dropship_webhook_deliveries set status = 'failed', claimed_until = null,
       last_error = 'webhook removed', next_attempt_at = $2
     where supplier_id = $1 and status = 'pending'`,
    [supplierId, now],
  );
}
