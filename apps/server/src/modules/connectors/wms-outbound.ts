// Outbound to the 3PL. The `connectors.fanout` job reads the outbox after each connector's cursor
// (connectors locked `for update skip locked`, cursor moved in the same transaction as the
// messages it queues — so every event is looked at once) and queues what `messagesFor` makes of
// it (orders, their new lines and cancels; purchase orders likewise). The `connectors.send` job
// POSTs them signed, in order per order, with back-off; after CONNECTOR_RETRY.maxAttempts failures
// (or a 409 refusal) a message is dead and a dead letter is filed.
import type { AppContext } from '../../context';
import { readEventsAfter } from '../../outbox/outbox.store';
import { httpWarehouse, type WmsOutbound } from './connector.port';
import { lockConnectorsForFanOut, moveCursor } from './connectors.store';
import { recordDeadLetter, registerDeadLetterHandler, resolveDeadLetterOf } from './dead-letters';
import { CONNECTOR_RETRY, nextRetryAt, type SendOutcome } from './http-sender';
import * as messages from './messages.store';
import { messagesFor } from './wms-outbound-messages';
import { announceMessage } from './wms-timeline';

const BATCH_EVENTS = 500;
const SEND_BATCH = 50;
// Longer than the send timeout, so a slow warehouse's message is not claimed twice.
const CLAIM_LEASE_MS = 60_000;
export const OUTBOUND_DEAD_LETTER = 'wms.outbound';

async function fanOutBatch(ctx: AppContext): Promise<{ made: number; isCaughtUp: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const connectors = await lockConnectorsForFanOut(tx);
    if (connectors.length === 0) return { made: 0, isCaughtUp: true };
    const from = Math.min(...connectors.map((c) => c.lastEventId));
    const events = await readEventsAfter(tx, from, BATCH_EVENTS);
    const last = events.at(-1);
    if (!last) return { made: 0, isCaughtUp: true };
    const at = ctx.clock();
    let made = 0;
    for (const connector of connectors) {
      for (const event of events) {
        if (Number(event.id) <= connector.lastEventId) continue;
        // Queued right away: a later event of the batch compares its lines with these.
        made += await messages.insertOutbound(tx, await messagesFor(tx, ctx, connector, event, at), at);
      }
      await moveCursor(tx, connector.id, Number(last.id));
    }
    return { made, isCaughtUp: events.length < BATCH_EVENTS };
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
        reason:
          result.statusCode === 409
            ? `${message.type} refused by the warehouse: ${result.responseBody || result.error}`
            : `${message.type} not taken after ${message.attempts} attempts: ${result.error ?? 'no answer'}`,
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
    // 409 is the warehouse refusing the command (e.g. new lines for an order it is picking):
    // asking again will not change its mind, so a person gets the dead letter now.
    const isRefused = result.statusCode === 409;
    const retryAt =
      result.isDelivered || isRefused ? null : nextRetryAt(CONNECTOR_RETRY, message.attempts, ctx.clock());
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
