// Inbound from the 3PL: each message id is applied once, each order's messages in `sequence`
// order. (1) One transaction, under a per-order advisory lock: the message is recorded (a repeat
// id writes nothing and is a `duplicate`), and either claimed to apply now (its turn) or `held`
// (an earlier one is missing). (2) Applied through the owning modules (wms-apply.ts); the mark
// "applied" advances the order's sequence under the same lock. (3) Held successors whose turn came
// are applied right after. A refusal files a dead letter and stops the order's line until it is
// retried or dismissed; a failure of ours (a provider not answering) leaves the message claimed
// for the `connectors.inbound` job to re-drive once its lease has passed.
import type { WmsInboundMessage } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { advanceSequence, type ConnectorRow, findConnector, nextSequenceOf } from './connectors.store';
import { failureOf, recordDeadLetter, registerDeadLetterHandler, resolveDeadLetterOf } from './dead-letters';
import * as messages from './messages.store';
import { applyWmsMessage, type InboundEnv } from './wms-apply';
import { announceMessage } from './wms-timeline';

export const INBOUND_DEAD_LETTER = 'wms.inbound';
const LEASE_MS = 60_000;
// Errors of ours, not of the message: retried by the job, never dead-lettered.
const TRANSIENT = new Set(['payment_failed', 'carrier_failed', 'service_unavailable', 'internal_error']);

export type InboundOutcome = {
  messageId: string;
  outcome: 'applied' | 'duplicate' | 'held' | 'dead_lettered';
  failure?: { field: string | null; reason: string };
};

type OrderMessage = Extract<WmsInboundMessage, { sequence: number }>;
const isOrderMessage = (m: WmsInboundMessage): m is OrderMessage => 'sequence' in m;

const resourceOf = (m: WmsInboundMessage) =>
  isOrderMessage(m)
    ? `order:${m.orderId}`
    : m.type === 'delivery.received'
      ? `purchase_order:${m.purchaseOrderId}`
      : 'stock';

/** Serializes the record-or-hold step with the sequence's advance, per connector and order. */
async function lockOrderLine(tx: Queryable, connectorId: string, orderId: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`wms:${connectorId}:${orderId}`]);
}

interface Claimed {
  rowId: number;
  message: WmsInboundMessage;
}

function markApplied(ctx: AppContext, c: ConnectorRow, claimed: Claimed) {
  return async (tx: Queryable) => {
    const m = claimed.message;
    if (isOrderMessage(m)) {
      await lockOrderLine(tx, c.id, m.orderId);
      await advanceSequence(tx, c.id, m.orderId, m.sequence);
    }
    await messages.setInboundStatus(tx, claimed.rowId, 'applied', ctx.clock());
    await resolveDeadLetterOf(tx, ctx, INBOUND_DEAD_LETTER, String(claimed.rowId), `connector:${c.id}`);
    await announceMessage(tx, ctx, { ...rowFacts(c, m), direction: 'in' }, 'applied');
  };
}

const rowFacts = (c: ConnectorRow, m: WmsInboundMessage) => ({
  connectorId: c.id,
  messageId: m.messageId,
  type: m.type,
  orderId: isOrderMessage(m) ? m.orderId : null,
});

async function deadLetter(
  ctx: AppContext,
  c: ConnectorRow,
  claimed: Claimed,
  failure: InboundOutcome['failure'],
) {
  const m = claimed.message;
  await ctx.db.transaction(async (tx) => {
    await messages.setInboundStatus(tx, claimed.rowId, 'dead_lettered', ctx.clock(), failure!.reason);
    await recordDeadLetter(tx, ctx, {
      kind: INBOUND_DEAD_LETTER,
      reference: String(claimed.rowId),
      connectorId: c.id,
      orderId: isOrderMessage(m) ? m.orderId : null,
      field: failure!.field,
      reason: failure!.reason,
      payload: m,
    });
    await announceMessage(
      tx,
      ctx,
      { ...rowFacts(c, m), direction: 'in' },
      `dead-lettered: ${failure!.reason}`,
    );
  });
}

/** Applies a claimed message: applied, dead-lettered (refused), or left claimed for the job (ours). */
async function applyClaimed(
  ctx: AppContext,
  env: InboundEnv,
  c: ConnectorRow,
  claimed: Claimed,
): Promise<InboundOutcome> {
  const { messageId } = claimed.message;
  try {
    await applyWmsMessage(ctx, env, c, claimed.message, markApplied(ctx, c, claimed));
    return { messageId, outcome: 'applied' };
  } catch (error) {
    if (!(error instanceof DomainError) || TRANSIENT.has(error.code)) {
      // Stays `applying` under its lease: the job tries again when the lease has passed.
      return { messageId, outcome: 'held', failure: failureOf(error) };
    }
    const failure = failureOf(error);
    await deadLetter(ctx, c, claimed, failure);
    return { messageId, outcome: 'dead_lettered', failure };
  }
}

/** Applies the held messages of the order whose turn has come, one after the other. */
async function applyHeldFrom(
  ctx: AppContext,
  env: InboundEnv,
  c: ConnectorRow,
  orderId: string,
  from: number,
) {
  for (let sequence = from; ; sequence++) {
    const until = new Date(ctx.clock().getTime() + LEASE_MS);
    const row = await ctx.db.transaction((tx) => messages.claimHeld(tx, c.id, orderId, sequence, until));
    if (!row) return;
    const done = await applyClaimed(ctx, env, c, {
      rowId: row.id,
      message: row.payload as WmsInboundMessage,
    });
    if (done.outcome !== 'applied') return;
  }
}

async function applyThenSuccessors(ctx: AppContext, env: InboundEnv, c: ConnectorRow, claimed: Claimed) {
  const done = await applyClaimed(ctx, env, c, claimed);
  const m = claimed.message;
  if (done.outcome === 'applied' && isOrderMessage(m))
    await applyHeldFrom(ctx, env, c, m.orderId, m.sequence + 1);
  return done;
}

/** Records, then applies or holds, one message. */
async function acceptOne(
  ctx: AppContext,
  env: InboundEnv,
  c: ConnectorRow,
  m: WmsInboundMessage,
): Promise<InboundOutcome> {
  const at = ctx.clock();
  const recorded = await ctx.db.transaction(async (tx) => {
    let next: number | null = null;
    if (isOrderMessage(m)) {
      await lockOrderLine(tx, c.id, m.orderId);
      next = await nextSequenceOf(tx, c.id, m.orderId);
    }
    const isEarly = isOrderMessage(m) && next !== null && m.sequence > next;
    const isStale = isOrderMessage(m) && next !== null && m.sequence < next;
    const isNew = await messages.insertInbound(
      tx,
      {
        ...rowFacts(c, m),
        resource: resourceOf(m),
        sequence: isOrderMessage(m) ? m.sequence : null,
        payload: m,
        status: isEarly ? 'held' : 'applying',
      },
      at,
      new Date(at.getTime() + LEASE_MS),
    );
    if (!isNew) return { kind: 'duplicate' as const };
    const row = (await messages.findMessage(tx, c.id, 'in', m.messageId))!;
    return {
      kind: isEarly ? ('held' as const) : isStale ? ('stale' as const) : ('apply' as const),
      rowId: row.id,
      next,
    };
  });
  if (recorded.kind === 'duplicate') return { messageId: m.messageId, outcome: 'duplicate' };
  if (recorded.kind === 'held') return { messageId: m.messageId, outcome: 'held' };
  const claimed = { rowId: recorded.rowId, message: m };
  if (recorded.kind === 'stale') {
    const failure = {
      field: 'sequence',
      reason: `Sequence ${(m as OrderMessage).sequence} was used by another message of the order (next is ${recorded.next})`,
    };
    await deadLetter(ctx, c, claimed, failure);
    return { messageId: m.messageId, outcome: 'dead_lettered', failure };
  }
  return applyThenSuccessors(ctx, env, c, claimed);
}

/** Takes a connector's messages in the order given; each answered applied, duplicate, held or dead_lettered. */
export async function acceptWmsMessages(
  ctx: AppContext,
  env: InboundEnv,
  c: ConnectorRow,
  list: readonly WmsInboundMessage[],
): Promise<InboundOutcome[]> {
  const out: InboundOutcome[] = [];
  for (const m of list) out.push(await acceptOne(ctx, env, c, m));
  return out;
}

/** The `connectors.inbound` job: re-drives messages a crash or a failure of ours left behind. */
export async function applyStrandedMessages(ctx: AppContext, env: InboundEnv, limit = 100): Promise<number> {
  const now = ctx.clock();
  const rows = await ctx.db.transaction((tx) =>
    messages.claimStrandedInbound(tx, now, new Date(now.getTime() + LEASE_MS), limit),
  );
  let applied = 0;
  for (const row of rows) {
    const c = (await findConnector(ctx.db, row.connectorId))!;
    const done = await applyThenSuccessors(ctx, env, c, {
      rowId: row.id,
      message: row.payload as WmsInboundMessage,
    });
    if (done.outcome === 'applied') applied++;
  }
  return applied;
}

/** Registers retry and dismissal of inbound dead letters (`env` gives tracking links their host). */
export function registerInboundDeadLetters(env: InboundEnv): void {
  registerDeadLetterHandler(INBOUND_DEAD_LETTER, {
    async retry(ctx, letter) {
      const row = await messages.findMessageById(ctx.db, Number(letter.reference));
      const c = row && (await findConnector(ctx.db, row.connectorId));
      if (!row || !c)
        return { isResolved: false, field: null, reason: 'The message or its connector is gone.' };
      const m = row.payload as WmsInboundMessage;
      if (isOrderMessage(m) && m.sequence > (await nextSequenceOf(ctx.db, c.id, m.orderId))) {
        return {
          isResolved: false,
          field: 'sequence',
          reason: 'An earlier message of the order is still missing.',
        };
      }
      const until = new Date(ctx.clock().getTime() + LEASE_MS);
      if (!(await messages.claimInbound(ctx.db, row.id, 'dead_lettered', until))) {
        return { isResolved: false, field: null, reason: 'The message is being applied right now.' };
      }
      const done = await applyThenSuccessors(ctx, env, c, { rowId: row.id, message: m });
      return done.outcome === 'applied'
        ? { isResolved: true }
        : {
            isResolved: false,
            field: done.failure?.field ?? null,
            reason: done.failure?.reason ?? done.outcome,
          };
    },
    async dismissed(ctx, letter) {
      // The order's later messages were waiting behind this one: let them go on without it.
      const row = await messages.findMessageById(ctx.db, Number(letter.reference));
      const c = row && (await findConnector(ctx.db, row.connectorId));
      const m = row?.payload as WmsInboundMessage | undefined;
      if (!c || !m || !isOrderMessage(m)) return;
      const moved = await ctx.db.transaction(async (tx) => {
        await lockOrderLine(tx, c.id, m.orderId);
        return advanceSequence(tx, c.id, m.orderId, m.sequence);
      });
      if (moved) await applyHeldFrom(ctx, env, c, m.orderId, m.sequence + 1);
    },
  });
}
