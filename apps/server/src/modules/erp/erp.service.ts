// The ERP connection of the staff member's company (set up, changed, secret rotated), its messages
// and the ERP's numbers kept as references, and a person's retry of a message the ERP did not take.
import {
  ERP_FLOWS,
  type ErpConnection,
  type ErpConnectionSaved,
  type ErpMessage,
  type ErpMessagesQuery,
  type ErpReference,
  type ErpReferencesQuery,
  type PutErpConnectionBody,
  type TimelineEntry,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { Principal } from '../../http/access';
import { type DeadLetterHandler, resolveDeadLetterOf } from '../connectors/dead-letters';
import { newSigningSecret } from '../connectors/http-sender';
import * as messages from './erp.messages.store';
import * as references from './erp.references.store';
import { ERP_TIME_ZONE } from './erp.rules';
import { sendDueErpMessages } from './erp.send';
import * as store from './erp.store';

async function companyOf(ctx: AppContext, staffUserId: string): Promise<string> {
  const companyId = await store.findStaffCompanyId(ctx.db, staffUserId);
  if (!companyId) throw new DomainError('unauthenticated', 'Sign in first.');
  return companyId;
}

async function viewConnection(ctx: AppContext, row: store.ConnectionRow): Promise<ErpConnection> {
  const counts = new Map((await messages.flowCounts(ctx.db, row.companyId)).map((c) => [c.flow, c]));
  const { timeZone } = await store.findCompanySettings(ctx.db, row.companyId);
  return {
    baseUrl: row.baseUrl,
    isEnabled: row.isEnabled,
    flows: row.flows,
    dailySalesAt: row.dailySalesAt,
    timeZone: timeZone || ERP_TIME_ZONE,
    dailySalesThrough: row.dailySalesThrough,
    flowStates: ERP_FLOWS.map((flow) => ({
      flow,
      isOn: row.flows.includes(flow),
      lastSentAt: counts.get(flow)?.lastSentAt?.toISOString() ?? null,
      pending: counts.get(flow)?.pending ?? 0,
      failed: counts.get(flow)?.failed ?? 0,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The company's connection, or null before one is set up. */
export async function getErpConnection(ctx: AppContext, staffUserId: string): Promise<ErpConnection | null> {
  const row = await store.findConnection(ctx.db, await companyOf(ctx, staffUserId));
  return row ? viewConnection(ctx, row) : null;
}

/**
 * Creates the connection (base URL required; every flow on unless given; it hears events from now
 * on) or changes the given fields. The secret is in the answer on create and on rotation only.
 */
export async function putErpConnection(
  ctx: AppContext,
  staffUserId: string,
  input: PutErpConnectionBody,
): Promise<ErpConnectionSaved> {
  const companyId = await companyOf(ctx, staffUserId);
  const now = ctx.clock();
  const existing = await store.findConnection(ctx.db, companyId);
  let secret: string | null = null;
  if (!existing) {
    if (!input.baseUrl) {
      throw new DomainError('validation_failed', 'A new ERP connection needs its base URL.', [
        { field: 'baseUrl', message: 'Required when setting up the connection' },
      ]);
    }
    secret = newSigningSecret();
    const isCreated = await store.insertConnection(
      ctx.db,
      {
        companyId,
        baseUrl: input.baseUrl,
        secret,
        isEnabled: input.isEnabled ?? true,
        flows: input.flows ?? ERP_FLOWS,
        dailySalesAt: input.dailySalesAt ?? '02:00',
      },
      now,
    );
    if (isCreated) {
      const created = (await store.findConnection(ctx.db, companyId))!;
      return { connection: await viewConnection(ctx, created), secret };
    }
    // Two managers set it up at once: the other one won and its secret stands; these changes apply.
    secret = null;
  }
  if (input.rotateSecret) secret = newSigningSecret();
  await store.updateConnection(
    ctx.db,
    companyId,
    {
      baseUrl: input.baseUrl,
      isEnabled: input.isEnabled,
      flows: input.flows,
      dailySalesAt: input.dailySalesAt,
      secret: secret ?? undefined,
    },
    now,
  );
  return { connection: await viewConnection(ctx, (await store.findConnection(ctx.db, companyId))!), secret };
}

/** The company's messages, newest first. */
export async function listErpMessages(
  ctx: AppContext,
  staffUserId: string,
  query: ErpMessagesQuery,
): Promise<ErpMessage[]> {
  const rows = await messages.listMessageRows(ctx.db, await companyOf(ctx, staffUserId), query);
  return rows.map(messages.toMessage);
}

/** The ERP's numbers, optionally for one kind and/or entity (`?kind=order&id=ord_…`). */
/** The ERP's numbers, for a manager or an API key with `erp:read` (each sees its own company's). */
export async function listErpReferences(
  ctx: AppContext,
  principal: Principal | null,
  query: ErpReferencesQuery,
): Promise<ErpReference[]> {
  const companyId =
    principal?.kind === 'apiKey'
      ? await store.findApiKeyCompanyId(ctx.db, principal.keyId)
      : await companyOf(ctx, principal?.kind === 'staff' ? principal.userId : '');
  if (!companyId) throw new DomainError('unauthenticated', 'Sign in first.');
  return references.listReferences(ctx.db, companyId, query);
}

/** The ERP number of one of our entities, or null (for views such as the order's). */
export async function findErpNumber(q: Queryable, key: references.EntityKey): Promise<string | null> {
  return references.findReferenceNumber(q, key);
}

/** Sends a failed (or waiting) message now, a failed one with a fresh retry budget; the message as it ends up. */
async function retryMessage(ctx: AppContext, id: string): Promise<messages.MessageRow> {
  const row = await messages.findMessage(ctx.db, id);
  if (!row) {
    throw new DomainError('not_found', `No ERP message ${id}.`, [
      { field: 'id', message: 'Unknown message' },
    ]);
  }
  if (row.status === 'sent') return row;
  if (!(await messages.requeueNow(ctx.db, id, ctx.clock()))) {
    throw new DomainError('invalid_state', `The message is ${row.status}; it cannot be sent again.`, [
      { field: 'id', message: `Message is ${row.status}` },
    ]);
  }
  await sendDueErpMessages(ctx, { only: { id } });
  return (await messages.findMessage(ctx.db, id))!;
}

/** A person's retry from the ERP page: the dead letter closes when the ERP takes the message. */
export async function retryErpMessage(ctx: AppContext, staffUserId: string, id: string): Promise<ErpMessage> {
  const companyId = await companyOf(ctx, staffUserId);
  const row = await messages.findMessage(ctx.db, id);
  if (!row || row.companyId !== companyId) {
    throw new DomainError('not_found', `No ERP message ${id}.`, [
      { field: 'id', message: 'Unknown message' },
    ]);
  }
  const after = await retryMessage(ctx, id);
  if (after.status === 'sent') await resolveDeadLetterOf(ctx.db, ctx, 'erp.outbound', id, staffUserId);
  return messages.toMessage(after);
}

/** Retry and dismiss from the integrations page's dead-letter list. */
export const erpDeadLetterHandler: DeadLetterHandler = {
  async retry(ctx, letter) {
    const after = await retryMessage(ctx, letter.reference);
    if (after.status === 'sent') return { isResolved: true };
    return { isResolved: false, field: null, reason: after.lastError ?? `Still ${after.status}` };
  },
  // Given up by a person: the entity's later messages may go on.
  async dismissed(ctx, letter) {
    await messages.dismissFailed(ctx.db, letter.reference);
  },
};

/** The order's messages to the ERP as timeline entries: each version, its outcome and the ERP's number. */
export async function erpTimelineEntries(
  q: Queryable,
  companyId: string,
  orderId: string,
): Promise<TimelineEntry[]> {
  const rows = await messages.listEntityMessageRows(q, { companyId, entityKind: 'order', entityId: orderId });
  return rows.map((row) => ({
    at: (row.sentAt ?? row.createdAt).toISOString(),
    kind: 'message',
    type: 'erp.order',
    summary: [`ERP v${row.version}`, row.erpNumber, row.status === 'sent' ? null : row.lastError]
      .filter(Boolean)
      .join(' – '),
    actor: null,
    amount: null,
    outcome: messages.toMessage(row).status,
  }));
}
