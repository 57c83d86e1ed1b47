// Drop-ship supplier orders by webhook: a supplier with a webhook URL gets each of its orders
// POSTed as JSON, signed per Standard Webhooks (the same signing as our own webhooks), besides the
// mail. The delivery row is written in the transaction that makes the supplier order (nothing
// leaves before commit); the `dropship.webhooks` job sends it and retries with back-off until the
// supplier answers 2xx, with the same webhook-id every time.
import { randomBytes } from 'node:crypto';
import type { Order, SupplierWebhook } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { sendSignedJson } from '../connectors/http-sender';
import { nextAttemptAt, SEND_TIMEOUT_MS } from '../webhooks/webhooks.send';

const CLAIM_LEASE_MS = 60_000;
const BATCH = 50;

/** What the supplier receives: their lines, the address, and the link to confirm shipment. */
export interface SupplierOrderPayload {
  type: 'supplier_order.created';
  supplierOrderId: string;
  orderNumber: string;
  lines: { sku: string; name: string; quantity: number }[];
  deliveryAddress: unknown;
  customer: { name: string; phone: string | null };
  confirmUrl: string;
}

/** Sets (or replaces) the supplier's webhook with a new secret; 404 naming `id` for no supplier. */
export async function setSupplierWebhook(
  ctx: AppContext,
  supplierId: string,
  url: string,
): Promise<SupplierWebhook> {
  const parsed = new URL(url);
  const isLocal = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLocal)) {
    throw new DomainError('validation_failed', 'A webhook URL must be https.', [
      { field: 'url', message: 'https (http only to localhost)' },
    ]);
  }
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const rows = await ctx.db.query(
    `insert into dropship_supplier_webhooks (supplier_id, url, secret, updated_at)
     select id, $2, $3, $4 from suppliers where id = $1
     on conflict (supplier_id) do update set url = excluded.url, secret = excluded.secret,
       updated_at = excluded.updated_at
     returning supplier_id`,
    [supplierId, url, secret, ctx.clock()],
  );
  if (rows.length === 0) {
    throw new DomainError('not_found', `No supplier ${supplierId}.`, [
      { field: 'id', message: 'Unknown supplier' },
    ]);
  }
  return { supplierId, url, secret };
}

/** In the caller's transaction: queues the POST of a new supplier order when its supplier has a webhook. */
export async function queueSupplierWebhookIn(
  tx: Queryable,
  ctx: AppContext,
  o: { supplierOrderId: string; supplierId: string; order: Order; confirmUrl: string },
): Promise<void> {
  const [hook] = await tx.query('select 1 from dropship_supplier_webhooks where supplier_id = $1', [
    o.supplierId,
  ]);
  if (!hook) return;
  const f = o.order.fulfilment;
  const payload: SupplierOrderPayload = {
    type: 'supplier_order.created',
    supplierOrderId: o.supplierOrderId,
    orderNumber: o.order.number,
    lines: o.order.lines.map((l) => ({
      sku: l.sku,
      name: l.variantName ? `${l.productName} (${l.variantName})` : l.productName,
      quantity: l.quantity,
    })),
    deliveryAddress: f.kind === 'delivery' ? f.address : null,
    customer: { name: o.order.customer.name, phone: o.order.customer.phone },
    confirmUrl: o.confirmUrl,
  };
  const now = ctx.clock();
  await tx.query(
    `insert into dropship_webhook_deliveries (id, supplier_order_id, supplier_id, payload, status,
       next_attempt_at, created_at)
     values ($1, $2, $3, $4, 'pending', $5, $5) on conflict (supplier_order_id) do nothing`,
    [ctx.newId('msg'), o.supplierOrderId, o.supplierId, JSON.stringify(payload), now],
  );
}

interface Claimed {
  id: string;
  payload: SupplierOrderPayload;
  attempts: number;
  url: string;
  secret: string;
}

/** The `dropship.webhooks` job: POSTs due deliveries; returns how many were delivered. */
export async function sendSupplierWebhooks(ctx: AppContext): Promise<number> {
  const now = ctx.clock();
  // Claimed with a lease (`skip locked`): another process takes other rows; a process that dies
  // leaves the lease to run out, and the POST goes again with the same webhook-id.
  const claimed = await ctx.db.transaction((tx) =>
    tx.query<Claimed>(
      `update dropship_webhook_deliveries d set claimed_until = $2
         from dropship_supplier_webhooks w
        where w.supplier_id = d.supplier_id and d.id in (
          select id from dropship_webhook_deliveries
           where status = 'pending' and next_attempt_at <= $1 and (claimed_until is null or claimed_until < $1)
           order by next_attempt_at limit $3 for update skip locked)
        returning d.id, d.payload, d.attempts, w.url, w.secret`,
      [now, new Date(+now + CLAIM_LEASE_MS), BATCH],
    ),
  );
  let delivered = 0;
  for (const d of claimed) {
    // The supplier's answer body is not kept: only whether it took the order.
    const outcome = await sendSignedJson({
      url: d.url,
      secret: d.secret,
      messageId: d.id,
      body: d.payload,
      at: now,
      timeoutMs: SEND_TIMEOUT_MS,
      userAgent: 'Handla-Webhooks/1',
      readBody: 'none',
    });
    const { isDelivered, statusCode, error } = outcome;
    const attempts = d.attempts + 1;
    const next = isDelivered ? null : nextAttemptAt(attempts, ctx.clock());
    // A webhook removed while this post was out failed the delivery: a failed post keeps that mark.
    await ctx.db.query(
      `update dropship_webhook_deliveries set attempts = $2, claimed_until = null, last_status_code = $3,
         last_error = $4, status = $5, next_attempt_at = coalesce($6, next_attempt_at),
         delivered_at = case when $5 = 'delivered' then $7 else delivered_at end
       where id = $1 and (status = 'pending' or $5 = 'delivered')`,
      [
        d.id,
        attempts,
        statusCode,
        isDelivered ? null : error,
        isDelivered ? 'delivered' : next ? 'pending' : 'failed',
        next,
        ctx.clock(),
      ],
    );
    if (isDelivered) delivered++;
  }
  return delivered;
}
