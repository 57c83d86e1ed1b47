// The `erp.send` job: claim due messages (in order per entity), POST them signed to the ERP, and
// store the number it answers as the entity's reference — once; a different number for the same
// entity is a conflict and becomes a dead letter, as does a message that failed every attempt.
// At least once: a process that dies between sending and recording leaves the claim to expire,
// and the message goes out again with the same messageId, which the ERP answers with the same number.
import type { AppContext } from '../../context';
import { recordDeadLetter, resolveDeadLetterOf } from '../connectors/dead-letters';
import { CONNECTOR_RETRY, nextRetryAt, type SendOutcome, sendSignedJson } from '../connectors/http-sender';
import * as messages from './erp.messages.store';
import { messageBody } from './erp.payloads';
import * as references from './erp.references.store';
import { compareReference, erpNumberOf, FLOW_OF } from './erp.rules';

/** The dead-letter kind of a message the ERP did not take. */
export const ERP_DEAD_LETTER_KIND = 'erp.outbound';
// Longer than any send timeout, so a slow ERP's message is not claimed twice.
const CLAIM_LEASE_MS = 60_000;
const BATCH_SIZE = 50;

export interface SendOptions {
  /** Per request; the connectors' default (10 s) when not given. */
  timeoutMs?: number;
  /** Only this message (a person's retry). */
  only?: { id: string };
}

const keyOf = (m: messages.MessageRow) => ({
  companyId: m.companyId,
  entityKind: m.entityKind,
  entityId: m.entityId,
});

async function post(ctx: AppContext, message: messages.ClaimedMessage, options: SendOptions) {
  const erpNumber = await references.findReferenceNumber(ctx.db, keyOf(message));
  const body = messageBody(message, erpNumber);
  const url = `${message.baseUrl.replace(/\/+$/, '')}/${FLOW_OF[message.entityKind].path}`;
  const outcome = await sendSignedJson({
    url,
    secret: message.secret,
    messageId: message.messageId,
    body,
    at: ctx.clock(),
    timeoutMs: options.timeoutMs,
    userAgent: 'Handla-ERP/1',
  });
  return { outcome, body };
}

async function deadLetter(
  tx: Parameters<typeof recordDeadLetter>[0],
  ctx: AppContext,
  message: messages.MessageRow,
  body: unknown,
  reason: string,
  field: string | null,
) {
  await recordDeadLetter(tx, ctx, {
    kind: ERP_DEAD_LETTER_KIND,
    reference: message.id,
    reason,
    field,
    orderId: message.entityKind === 'order' ? message.entityId : null,
    payload: body,
  });
}

/** Records one attempt's outcome while the claim still holds the message; returns true when sent. */
async function recordOutcome(
  ctx: AppContext,
  message: messages.ClaimedMessage,
  outcome: SendOutcome,
  body: unknown,
): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    if (!(await messages.lockClaim(tx, message.id, message.attempts))) return false;
    const at = ctx.clock();
    const answered = outcome.isDelivered ? erpNumberOf(outcome.responseBody) : null;
    if (answered !== null) {
      const stored = await references.claimReference(tx, keyOf(message), answered, message.version, at);
      if (compareReference(stored.isNew ? null : stored.erpNumber, answered) !== 'conflict') {
        await references.noteVersionSent(tx, keyOf(message), message.version, at);
        await messages.markSent(tx, message.id, { statusCode: outcome.statusCode, erpNumber: answered, at });
        await resolveDeadLetterOf(tx, ctx, ERP_DEAD_LETTER_KIND, message.id, 'erp');
        return true;
      }
      const reason = `The ERP answered number ${answered} for ${message.entityKind} ${message.entityId}, which it numbered ${stored.erpNumber} before`;
      await messages.markFailedAttempt(tx, message.id, {
        statusCode: outcome.statusCode,
        error: reason,
        retryAt: null,
        erpNumber: answered,
      });
      await deadLetter(tx, ctx, message, body, reason, 'number');
      return false;
    }
    const error = outcome.isDelivered ? 'The answer carries no number' : (outcome.error ?? 'Not delivered');
    // A person's retry starts the back-off and the give-up count over.
    const retryAt = nextRetryAt(CONNECTOR_RETRY, message.attempts - message.attemptsBeforeRetry, at);
    await messages.markFailedAttempt(tx, message.id, { statusCode: outcome.statusCode, error, retryAt });
    if (!retryAt)
      await deadLetter(tx, ctx, message, body, `Given up after ${message.attempts} attempts: ${error}`, null);
    return false;
  });
}

/** Sends one claimed batch; returns how many were claimed and how many the ERP took. */
async function sendBatch(ctx: AppContext, options: SendOptions) {
  const claimed = await ctx.db.transaction((tx) =>
    messages.claimDueMessages(tx, ctx.clock(), BATCH_SIZE, CLAIM_LEASE_MS, options.only),
  );
  if (claimed.length === 0) return { claimed: 0, sent: 0 };
  // One claim holds at most one message per entity, so they may go out together.
  const posts = await Promise.all(claimed.map((message) => post(ctx, message, options)));
  let sent = 0;
  for (const [i, message] of claimed.entries()) {
    const { outcome, body } = posts[i]!;
    if (await recordOutcome(ctx, message, outcome, body)) sent += 1;
  }
  return { claimed: claimed.length, sent };
}

/**
 * Sends what is due on the context's clock, batch after batch while messages go through (one sent
 * may let the next of its entity go); returns how many the ERP took.
 */
export async function sendDueErpMessages(ctx: AppContext, options: SendOptions = {}, maxBatches = 50) {
  let sent = 0;
  for (let i = 0; i < maxBatches; i++) {
    const batch = await sendBatch(ctx, options);
    sent += batch.sent;
    if (batch.claimed === 0 || batch.sent === 0 || options.only) break;
  }
  return sent;
}
