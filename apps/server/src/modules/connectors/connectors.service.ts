// Connector configuration (managers): a 3PL connector per third-party location, its signing secret
// shown once, its base URL, on/off, and whether the web shop's home deliveries go to it; the
// message log. The fan-out starts at the newest event when a connector is created: it sends what
// happens from then on; the backfill sends the open orders from before, once.
import type {
  Connector,
  ConnectorMessage,
  ConnectorMessagesQuery,
  ConnectorWithSecret,
  CreateConnectorBody,
  UpdateConnectorBody,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { latestEventId } from '../../outbox/outbox.store';
import { findLocations } from '../locations/locations.lookups';
import * as store from './connectors.store';
import { countOpenLetters } from './dead-letters.store';
import { newSigningSecret } from './http-sender';
import { insertOutbound, listMessageRows, toMessage } from './messages.store';
import { listUnsentOpenOrderIds } from './wms-outbound.store';
import { newOrderMessage } from './wms-outbound-messages';

const notFound = (id: string) =>
  new DomainError('not_found', `No connector ${id}.`, [{ field: 'id', message: 'Unknown connector' }]);

/** The connector, or 404 naming `id`. */
export async function requireConnector(ctx: AppContext, id: string): Promise<store.ConnectorRow> {
  const row = await store.findConnector(ctx.db, id);
  if (!row) throw notFound(id);
  return row;
}

async function view(ctx: AppContext, rows: store.ConnectorRow[]): Promise<Connector[]> {
  const [pending, letters] = await Promise.all([store.countPending(ctx.db), countOpenLetters(ctx.db)]);
  return rows.map((row) =>
    store.toConnector(row, { pending: pending.get(row.id) ?? 0, deadLetters: letters.get(row.id) ?? 0 }),
  );
}

/** Creates a 3PL connector for a `third_party` location; the answer carries the secret this once. */
export async function createConnector(
  ctx: AppContext,
  input: CreateConnectorBody,
): Promise<ConnectorWithSecret> {
  const [location] = await findLocations(ctx.db, [input.locationId]);
  if (!location) {
    throw new DomainError('validation_failed', 'Unknown location.', [
      { field: 'locationId', message: 'Unknown location' },
    ]);
  }
  if (location.kind !== 'third_party') {
    throw new DomainError('validation_failed', 'A 3PL connector works a third-party location.', [
      { field: 'locationId', message: `Is a ${location.kind} location, not third_party` },
    ]);
  }
  const id = ctx.newId('con');
  const secret = newSigningSecret();
  const at = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    if (await store.findConnectorOfLocation(tx, location.id)) {
      throw new DomainError('duplicate', 'That location already has a connector.', [
        { field: 'locationId', message: 'Already connected' },
      ]);
    }
    await store.insertConnector(
      tx,
      {
        id,
        kind: '3pl',
        name: input.name ?? location.name,
        locationId: location.id,
        baseUrl: input.baseUrl,
        secret,
        isHomeDelivery: input.isHomeDelivery,
      },
      await latestEventId(tx),
      at,
    );
    if (input.isHomeDelivery) await store.clearHomeDelivery(tx, id);
  });
  const [connector] = await view(ctx, [(await store.findConnector(ctx.db, id))!]);
  return { ...connector!, secret };
}

export async function listConnectors(ctx: AppContext): Promise<Connector[]> {
  return view(ctx, await store.listConnectorRows(ctx.db));
}

/** Changes the base URL, on/off, or the home-delivery choice (one connector at a time has it). */
export async function updateConnector(
  ctx: AppContext,
  id: string,
  input: UpdateConnectorBody,
): Promise<Connector> {
  await ctx.db.transaction(async (tx) => {
    if (!(await store.updateConnector(tx, id, input, ctx.clock()))) throw notFound(id);
    if (input.isHomeDelivery) await store.clearHomeDelivery(tx, id);
  });
  const [connector] = await view(ctx, [await requireConnector(ctx, id)]);
  return connector!;
}

/** The newest messages first, of one connector or one order if asked. */
export async function listConnectorMessages(
  ctx: AppContext,
  query: ConnectorMessagesQuery,
): Promise<ConnectorMessage[]> {
  return (await listMessageRows(ctx.db, query)).map(toMessage);
}

/**
 * Queues `order.created` for the open home deliveries at the connector's location that it was
 * never sent (placed before it existed, or while it was off); returns how many. The dedupe key
 * `order.created:<orderId>` makes a second run (or a race with the fan-out) queue nothing new.
 */
export async function backfillConnector(ctx: AppContext, id: string): Promise<{ queued: number }> {
  return ctx.db.transaction(async (tx) => {
    const connector = await store.lockConnector(tx, id);
    if (!connector) throw notFound(id);
    if (!connector.locationId) return { queued: 0 };
    const at = ctx.clock();
    let queued = 0;
    for (const orderId of await listUnsentOpenOrderIds(tx, connector.id, connector.locationId)) {
      const message = await newOrderMessage(tx, ctx, connector, orderId, at);
      if (message) queued += await insertOutbound(tx, [message], at);
    }
    return { queued };
  });
}
