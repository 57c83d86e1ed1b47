// Webhook subscriptions (with their signing secret), the delivery log and redelivery.
import { randomBytes } from 'node:crypto';
import type {
  CreateWebhookBody,
  UpdateWebhookBody,
  WebhookDeliveriesQuery,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookSubscription,
  WebhookWithSecret,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { decodeCursor, pageOf } from '../inventory/cursor';
import * as deliveries from './webhooks.deliveries.store';
import { checkPatterns } from './webhooks.patterns';
import * as store from './webhooks.store';

/** A Standard Webhooks secret: "whsec_" and the base64 of 32 random bytes (the spec asks 24–64). */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

const notFound = (id: string) =>
  new DomainError('not_found', `No webhook subscription ${id}.`, [
    { field: 'id', message: 'Unknown webhook' },
  ]);

async function requireSubscription(ctx: AppContext, id: string) {
  const row = await store.findSubscription(ctx.db, id);
  if (!row) throw notFound(id);
  return row;
}

/** Subscribes `url` to events from now on; the answer carries the secret, the only time it is shown. */
export async function createWebhook(ctx: AppContext, input: CreateWebhookBody): Promise<WebhookWithSecret> {
  const id = ctx.newId('whk');
  const secret = newSecret();
  const eventTypes = checkPatterns(input.eventTypes);
  await store.insertSubscription(
    ctx.db,
    { id, url: input.url, eventTypes, description: input.description, secret },
    ctx.clock(),
  );
  return { ...store.toSubscription((await store.findSubscription(ctx.db, id))!), secret };
}

export async function listWebhooks(ctx: AppContext): Promise<WebhookSubscription[]> {
  return (await store.listSubscriptionRows(ctx.db)).map(store.toSubscription);
}

export async function getWebhook(ctx: AppContext, id: string): Promise<WebhookSubscription> {
  return store.toSubscription(await requireSubscription(ctx, id));
}

/** Changes the given fields; disabling stops deliveries, enabling again listens from now on. */
export async function updateWebhook(
  ctx: AppContext,
  id: string,
  input: UpdateWebhookBody,
): Promise<WebhookSubscription> {
  const eventTypes = input.eventTypes ? checkPatterns(input.eventTypes) : undefined;
  if (!(await store.updateSubscription(ctx.db, id, { ...input, eventTypes }, ctx.clock())))
    throw notFound(id);
  return getWebhook(ctx, id);
}

/** Replaces the signing secret at once; deliveries from now on are signed with the new one. */
export async function rotateWebhookSecret(ctx: AppContext, id: string): Promise<WebhookWithSecret> {
  const secret = newSecret();
  if (!(await store.updateSubscription(ctx.db, id, { secret }, ctx.clock()))) throw notFound(id);
  return { ...(await getWebhook(ctx, id)), secret };
}

/** Deletes a subscription and its delivery log. */
export async function deleteWebhook(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.db.transaction((tx) => store.deleteSubscription(tx, id)))) throw notFound(id);
}

/** A subscription's deliveries, newest event first, a page at a time. */
export async function listWebhookDeliveries(
  ctx: AppContext,
  subscriptionId: string,
  query: WebhookDeliveriesQuery,
): Promise<{ items: WebhookDelivery[]; nextCursor: string | null }> {
  await requireSubscription(ctx, subscriptionId);
  const after = decodeCursor(query.cursor, 1);
  const rows = await deliveries.listDeliveryRows(ctx.db, subscriptionId, {
    status: query.status,
    beforeEventId: after ? Number(after[0]) : null,
    limit: query.limit,
  });
  return pageOf(rows, query.limit, (row) => [String(row.eventId)], deliveries.toDelivery);
}

async function requireDelivery(ctx: AppContext, id: string) {
  const row = await deliveries.findDelivery(ctx.db, id);
  if (!row) {
    throw new DomainError('not_found', `No webhook delivery ${id}.`, [
      { field: 'deliveryId', message: 'Unknown delivery' },
    ]);
  }
  return row;
}

/** One delivery with the payload it sends and every attempt. */
export async function getWebhookDelivery(ctx: AppContext, id: string): Promise<WebhookDeliveryDetail> {
  const row = await requireDelivery(ctx, id);
  return {
    ...deliveries.toDelivery(row),
    payload: row.payload,
    attemptLog: await deliveries.listAttempts(ctx.db, id),
  };
}

/** Queues a delivery again now, with the same webhook-id and a fresh retry budget. */
export async function redeliverWebhook(ctx: AppContext, id: string): Promise<WebhookDeliveryDetail> {
  await requireDelivery(ctx, id);
  if (!(await deliveries.requeueDelivery(ctx.db, id, ctx.clock()))) {
    throw new DomainError('invalid_state', 'The delivery is being sent right now; try again in a moment.');
  }
  return getWebhookDelivery(ctx, id);
}
