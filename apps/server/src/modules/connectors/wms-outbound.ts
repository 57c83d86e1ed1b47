// Outbound to the 3PL. The `connectors.fanout` job reads the outbox after each connector's cursor
// (connectors locked `for update skip locked`, cursor moved in the same transaction as the
// messages it queues — so every event is looked at once) and queues: an order paid for home
// delivery from the connector's location, that order's cancel, a purchase order to the location.
// The `connectors.send` job POSTs them signed, in order per order, with back-off; after
// CONNECTOR_RETRY.maxAttempts failures a message is dead and a dead letter is filed.
import type { DomainEventDto, WmsExpectedDeliveryOut, WmsOrderOut } from '@handla/api';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { readEventsAfter } from '../../outbox/outbox.store';
import { findPurchaseOrder } from '../inventory/purchase-orders.store';
import { findOrder, findShippingMethod, listOrderLines } from '../orders/orders.store';
import { httpWarehouse, type WmsOutbound } from './connector.port';
import { type ConnectorRow, lockConnectorsForFanOut, moveCursor } from './connectors.store';
import { recordDeadLetter, registerDeadLetterHandler, resolveDeadLetterOf } from './dead-letters';
import { CONNECTOR_RETRY, nextRetryAt, type SendOutcome } from './http-sender';
import * as messages from './messages.store';
import { announceMessage } from './wms-timeline';

const BATCH_EVENTS = 500;
const SEND_BATCH = 50;
// Longer than the send timeout, so a slow warehouse's message is not claimed twice.
const CLAIM_LEASE_MS = 60_000;
export const OUTBOUND_DEAD_LETTER = 'wms.outbound';

const isOpenOrder = (status: string) => status === 'placed' || status === 'accepted';

async function orderMessage(tx: Queryable, ctx: AppContext, orderId: string, at: Date) {
  const order = await findOrder(tx, { id: orderId });
  if (order?.fulfilment !== 'delivery' || !isOpenOrder(order.status)) return null;
  const method = order.shippingMethodId ? await findShippingMethod(tx, order.shippingMethodId) : undefined;
  const address = order.deliveryAddress;
  const lines = (await listOrderLines(tx, [order.id])).filter((l) => l.state !== 'removed');
  const message: WmsOrderOut = {
    messageId: ctx.newId('wmo'),
    type: 'order.created',
    orderId: order.id,
    orderNumber: order.number,
    lines: lines.map((l) => ({
      orderLineId: l.id,
      sku: l.sku,
      name: [l.productNameSv, l.variantName].filter(Boolean).join(' – '),
      quantity: l.quantity,
    })),
    shipTo: {
      name: address?.name ?? order.customerName,
      street: address?.street ?? '',
      postalCode: address?.postalCode ?? '',
      city: address?.city ?? '',
      country: address?.country ?? 'SE',
      phone: order.customerPhone,
      email: order.customerEmail,
    },
    carrier: { carrierCode: method?.carrier ?? '', serviceCode: method?.serviceCode ?? '' },
    sentAt: at.toISOString(),
  };
  return { order, message };
}

async function expectedDelivery(tx: Queryable, ctx: AppContext, purchaseOrderId: string, at: Date) {
  const po = await findPurchaseOrder(tx, purchaseOrderId);
  if (!po) return null;
  const skus = await tx.query<{ id: string; sku: string }>('select id, sku from skus where id = any($1)', [
    po.lines.map((l) => l.skuId),
  ]);
  const codeOf = new Map(skus.map((s) => [s.id, s.sku]));
  const message: WmsExpectedDeliveryOut = {
    messageId: ctx.newId('wmo'),
    type: 'delivery.expected',
    purchaseOrderId: po.id,
    purchaseOrderNumber: po.id,
    expectedAt: po.expectedOn,
    lines: po.lines.map((l) => ({ sku: codeOf.get(l.skuId) ?? l.skuId, quantity: l.orderedQuantity })),
    sentAt: at.toISOString(),
  };
  return { po, message };
}

/** The outbound messages one event means for one connector (usually none). */
async function messagesFor(
  tx: Queryable,
  ctx: AppContext,
  connector: ConnectorRow,
  event: DomainEventDto,
  at: Date,
): Promise<messages.NewMessage[]> {
  const base = { connectorId: connector.id, sequence: null, status: 'pending' as const };
  if (event.type === 'order.placed' || event.type === 'order.accepted') {
    const made = await orderMessage(tx, ctx, event.aggregateId, at);
    if (!made || made.order.locationId !== connector.locationId) return [];
    return [
      {
        ...base,
        messageId: made.message.messageId,
        type: made.message.type,
        resource: `order:${made.order.id}`,
        orderId: made.order.id,
        payload: made.message,
        dedupeKey: `order.created:${made.order.id}`,
      },
    ];
  }
  if (event.type === 'order.cancelled') {
    const orderId = event.aggregateId;
    // Only an order the warehouse was sent, and not when the warehouse itself cancelled it.
    const sent = await tx.query(
      `select 1 from connector_messages where connector_id = $1 and dedupe_key = $2
         and not exists (select 1 from connector_messages i where i.connector_id = $1 and i.direction = 'in'
                           and i.order_id = $3 and i.type = 'order.cancelled' and i.status = 'applied')`,
      [connector.id, `order.created:${orderId}`, orderId],
    );
    if (sent.length === 0) return [];
    const messageId = ctx.newId('wmo');
    return [
      {
        ...base,
        messageId,
        type: 'order.cancel',
        resource: `order:${orderId}`,
        orderId,
        payload: { messageId, type: 'order.cancel', orderId, sentAt: at.toISOString() },
        dedupeKey: `order.cancel:${orderId}`,
      },
    ];
  }
  if (event.type === 'purchase_order.created') {
    const made = await expectedDelivery(tx, ctx, event.aggregateId, at);
    if (!made || made.po.locationId !== connector.locationId) return [];
    return [
      {
        ...base,
        messageId: made.message.messageId,
        type: made.message.type,
        resource: `purchase_order:${made.po.id}`,
        orderId: null,
        payload: made.message,
        dedupeKey: `delivery.expected:${made.po.id}`,
      },
    ];
  }
  return [];
}

async function fanOutBatch(ctx: AppContext): Promise<{ made: number; isCaughtUp: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const connectors = await lockConnectorsForFanOut(tx);
    if (connectors.length === 0) return { made: 0, isCaughtUp: true };
    const from = Math.min(...connectors.map((c) => c.lastEventId));
    const events = await readEventsAfter(tx, from, BATCH_EVENTS);
    const last = events.at(-1);
    if (!last) return { made: 0, isCaughtUp: true };
    const at = ctx.clock();
    const queued: messages.NewMessage[] = [];
    for (const connector of connectors) {
      for (const event of events) {
        if (Number(event.id) <= connector.lastEventId) continue;
        queued.push(...(await messagesFor(tx, ctx, connector, event, at)));
      }
      await moveCursor(tx, connector.id, Number(last.id));
    }
    await messages.insertOutbound(tx, queued, at);
    return { made: queued.length, isCaughtUp: events.length < BATCH_EVENTS };
  });
}

/** Queues outbound messages until caught up with the outbox (at most `maxBatches`); returns how many. */
export async function fanOutToConnectors(ctx: AppContext, maxBatches = 20): Promise<number> {
  let made = 0;
  for (let i = 0; i < maxBatches; i++) {
    const batch = await fanOutBatch(ctx);
    made += batch.made;
    if (batch.isCaughtUp) break;
  }
  return made;
}

/** Records one attempt: sent, retrying, or dead with its letter; the order's timeline hears of it. */
async function recordOutcome(
  ctx: AppContext,
  message: messages.ClaimedMessage,
  result: SendOutcome,
  retryAt: Date | null,
): Promise<boolean> {
  const at = ctx.clock();
  const status = result.isDelivered ? 'sent' : retryAt ? 'retrying' : 'dead';
  return ctx.db.transaction(async (tx) => {
    const recorded = await messages.recordOutboundAttempt(tx, {
      id: message.id,
      attempt: message.attempts,
      status,
      retryAt,
      statusCode: result.statusCode,
      error: result.error,
      at,
    });
    if (!recorded) return false;
    if (status === 'dead') {
      await recordDeadLetter(tx, ctx, {
        kind: OUTBOUND_DEAD_LETTER,
        reference: String(message.id),
        connectorId: message.connectorId,
        orderId: message.orderId,
        field: null,
        reason: `${message.type} not taken after ${message.attempts} attempts: ${result.error ?? 'no answer'}`,
        payload: message.payload,
      });
    }
    if (status === 'sent') {
      await resolveDeadLetterOf(tx, ctx, OUTBOUND_DEAD_LETTER, String(message.id), 'system:connectors');
    }
    if (status !== 'retrying') await announceMessage(tx, ctx, message, status);
    return true;
  });
}

async function sendOne(ctx: AppContext, message: messages.ClaimedMessage): Promise<SendOutcome> {
  return httpWarehouse(message).send(message.payload as WmsOutbound, ctx.clock());
}

async function sendBatch(ctx: AppContext) {
  const now = ctx.clock();
  const claimed = await ctx.db.transaction((tx) =>
    messages.claimDueOutbound(tx, now, SEND_BATCH, CLAIM_LEASE_MS),
  );
  if (claimed.length === 0) return { claimed: 0, sent: 0 };
  // One claim holds at most one message per resource, so they may go out together.
  const results = await Promise.all(claimed.map((m) => sendOne(ctx, m)));
  let sent = 0;
  for (const [i, message] of claimed.entries()) {
    const result = results[i]!;
    const retryAt = result.isDelivered ? null : nextRetryAt(CONNECTOR_RETRY, message.attempts, ctx.clock());
    if ((await recordOutcome(ctx, message, result, retryAt)) && result.isDelivered) sent++;
  }
  return { claimed: claimed.length, sent };
}

/** Sends what is due, batch after batch while messages go through; returns how many were sent. */
export async function sendDueConnectorMessages(ctx: AppContext, maxBatches = 50): Promise<number> {
  let sent = 0;
  for (let i = 0; i < maxBatches; i++) {
    const batch = await sendBatch(ctx);
    sent += batch.sent;
    if (batch.claimed === 0 || batch.sent === 0) break;
  }
  return sent;
}

// Retry from the dead-letter list: send once more now; delivered closes the letter.
registerDeadLetterHandler(OUTBOUND_DEAD_LETTER, {
  async retry(ctx, letter) {
    const until = new Date(ctx.clock().getTime() + CLAIM_LEASE_MS);
    const message = await ctx.db.transaction((tx) =>
      messages.claimDeadOutbound(tx, Number(letter.reference), until),
    );
    if (!message)
      return { isResolved: false, field: null, reason: 'The message is not waiting for a retry.' };
    const result = await sendOne(ctx, message);
    await recordOutcome(ctx, message, result, null);
    return result.isDelivered
      ? { isResolved: true }
      : { isResolved: false, field: null, reason: `Still not taken: ${result.error ?? 'no answer'}` };
  },
});
