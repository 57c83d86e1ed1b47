// The `erp.fanout` job: outbox events become ERP messages — one per order or customer they touched,
// carrying its state, and only when that state changed since the entity's last message. Each
// connection has a cursor, advanced in the transaction that inserts its messages; connections are
// locked `for update skip locked`, so processes running the job at once never make a version twice.
import type { ErpEntityKind, ErpFlow } from '@handla/api';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { readEventsAfter } from '../../outbox/outbox.store';
import { insertMessageIfChanged, overwriteWithNewestState } from './erp.messages.store';
import {
  type EntityState,
  hashOf,
  listOrderIdsOfCustomers,
  readCustomerStates,
  readOrderStates,
} from './erp.payloads';
import { entitiesOf, FLOW_OF } from './erp.rules';
import { type ConnectionRow, lockEnabledConnections, moveCursor } from './erp.store';

const BATCH_EVENTS = 1000;

/** Queues a message for each state that changed; returns how many were queued. */
export async function queueStates(
  tx: Queryable,
  ctx: AppContext,
  companyId: string,
  entityKind: ErpEntityKind,
  states: readonly EntityState<unknown>[],
  now: Date,
): Promise<number> {
  const flow: ErpFlow = FLOW_OF[entityKind].flow;
  let made = 0;
  for (const entity of states) {
    if (entity.companyId !== companyId) continue;
    const isQueued = await insertMessageIfChanged(
      tx,
      {
        id: ctx.newId('erm'),
        messageId: ctx.newId('msg'),
        companyId,
        flow,
        entityKind,
        entityId: entity.id,
        payload: entity.state,
        payloadHash: hashOf(entity.state),
      },
      now,
    );
    if (isQueued) made += 1;
  }
  return made;
}

async function fanOutTo(
  tx: Queryable,
  ctx: AppContext,
  connection: ConnectionRow,
  events: Awaited<ReturnType<typeof readEventsAfter>>,
  now: Date,
): Promise<number> {
  const touched = entitiesOf(events.filter((e) => Number(e.id) > connection.lastEventId));
  let made = 0;
  if (connection.flows.includes('orders') && touched.orderIds.length > 0) {
    const states = await readOrderStates(tx, touched.orderIds);
    made += await queueStates(tx, ctx, connection.companyId, 'order', states, now);
  }
  if (connection.flows.includes('customers') && touched.customerIds.length > 0) {
    const states = await readCustomerStates(tx, touched.customerIds);
    made += await queueStates(tx, ctx, connection.companyId, 'customer', states, now);
    const erasedIds = states.filter((s) => s.state.erasedAt !== null).map((s) => s.id);
    if (erasedIds.length > 0) made += await followErasure(tx, ctx, connection, erasedIds, now);
  }
  return made;
}

/**
 * An erasure anonymized the person's orders too (without an order event): the ERP gets those
 * orders again, anonymized, and our message log keeps only the anonymized states.
 */
async function followErasure(
  tx: Queryable,
  ctx: AppContext,
  connection: ConnectionRow,
  erasedIds: readonly string[],
  now: Date,
): Promise<number> {
  const orderIds = await listOrderIdsOfCustomers(tx, erasedIds);
  let made = 0;
  if (connection.flows.includes('orders') && orderIds.length > 0) {
    made = await queueStates(
      tx,
      ctx,
      connection.companyId,
      'order',
      await readOrderStates(tx, orderIds),
      now,
    );
  }
  await overwriteWithNewestState(tx, connection.companyId, 'customer', erasedIds);
  await overwriteWithNewestState(tx, connection.companyId, 'order', orderIds);
  return made;
}

/** Fans out one batch of events to the connections this process could lock. */
async function fanOutBatch(ctx: AppContext, now: Date): Promise<{ made: number; isCaughtUp: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const connections = await lockEnabledConnections(tx);
    if (connections.length === 0) return { made: 0, isCaughtUp: true };
    const from = Math.min(...connections.map((c) => c.lastEventId));
    const events = await readEventsAfter(tx, from, BATCH_EVENTS);
    const last = events.at(-1);
    if (!last) return { made: 0, isCaughtUp: true };
    let made = 0;
    for (const connection of connections) {
      if (Number(last.id) <= connection.lastEventId) continue;
      made += await fanOutTo(tx, ctx, connection, events, now);
      await moveCursor(tx, connection.companyId, Number(last.id));
    }
    return { made, isCaughtUp: events.length < BATCH_EVENTS };
  });
}

/** Fans out until caught up with the outbox (at most `maxBatches`); returns the messages queued. */
export async function fanOutToErp(ctx: AppContext, now: Date, maxBatches = 20): Promise<number> {
  let made = 0;
  for (let i = 0; i < maxBatches; i++) {
    const batch = await fanOutBatch(ctx, now);
    made += batch.made;
    if (batch.isCaughtUp) break;
  }
  return made;
}
