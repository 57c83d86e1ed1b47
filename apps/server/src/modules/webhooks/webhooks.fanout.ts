// The `webhooks.fanout` job: outbox events become one delivery per matching subscription. Each
// subscription has a cursor (the last event id it has seen), advanced in the same transaction
// that inserts its deliveries; subscriptions are locked `for update skip locked`, so processes
// running the job at once share the work and every event is fanned out exactly once.
import type { DomainEventDto } from '@handla/api';
import type { AppContext } from '../../context';
import { readEventsAfter } from '../../outbox/outbox.store';
import { insertDeliveries, type NewDelivery } from './webhooks.deliveries.store';
import { isSubscribedTo } from './webhooks.patterns';
import { lockSubscriptionsForFanOut, moveCursor } from './webhooks.store';

const BATCH_EVENTS = 1000;

/** What a receiver gets: the Standard Webhooks payload `{ type, timestamp, data }`. */
export function payloadOf(event: DomainEventDto) {
  return {
    type: event.type,
    timestamp: event.occurredAt,
    data: {
      ...event.data,
      eventId: event.id,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      storeId: event.storeId,
    },
  };
}

/** Fans out one batch of events to the subscriptions this process could lock. */
async function fanOutBatch(ctx: AppContext, now: Date): Promise<{ made: number; isCaughtUp: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const subscriptions = await lockSubscriptionsForFanOut(tx);
    if (subscriptions.length === 0) return { made: 0, isCaughtUp: true };
    const from = Math.min(...subscriptions.map((s) => s.lastEventId));
    const events = await readEventsAfter(tx, from, BATCH_EVENTS);
    const last = events.at(-1);
    if (!last) return { made: 0, isCaughtUp: true };
    const deliveries: NewDelivery[] = [];
    for (const subscription of subscriptions) {
      for (const event of events) {
        if (Number(event.id) <= subscription.lastEventId) continue;
        if (!isSubscribedTo(subscription.eventTypes, event.type)) continue;
        deliveries.push({
          id: ctx.newId('whd'),
          messageId: ctx.newId('msg'),
          subscriptionId: subscription.id,
          eventId: Number(event.id),
          eventType: event.type,
          resource: `${event.aggregateType}:${event.aggregateId}`,
          payload: payloadOf(event),
        });
      }
      if (Number(last.id) > subscription.lastEventId) await moveCursor(tx, subscription.id, Number(last.id));
    }
    await insertDeliveries(tx, deliveries, now);
    return { made: deliveries.length, isCaughtUp: events.length < BATCH_EVENTS };
  });
}

/** Fans out until caught up with the outbox (at most `maxBatches`); returns the deliveries made. */
export async function fanOutEvents(ctx: AppContext, now: Date, maxBatches = 20): Promise<number> {
  let made = 0;
  for (let i = 0; i < maxBatches; i++) {
    const batch = await fanOutBatch(ctx, now);
    made += batch.made;
    if (batch.isCaughtUp) break;
  }
  return made;
}
