// CONTRACT READY
// The dead-letter list: what an integration could not apply or deliver, waiting for a person.
// Each letter has a `kind`; the module that owns the kind registers a handler that retries it
// (and, if it must, reacts to a dismissal). Usage:
//   registerDeadLetterHandler('erp.outbound', { retry: async (ctx, letter) => ({ isResolved: true }) });
//   await recordDeadLetter(tx, ctx, { kind: 'erp.outbound', reference: messageId, reason, … });
import type { DeadLetter, DeadLettersQuery } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import * as store from './dead-letters.store';

export type { DeadLetterRow } from './dead-letters.store';

/** A retry's result: fixed (the letter closes), or still failing with the field and reason. */
export type RetryOutcome = { isResolved: true } | { isResolved: false; field: string | null; reason: string };

/** What a kind's owner does when staff press Retry or Dismiss. */
export interface DeadLetterHandler {
  /** Re-apply or re-send; a thrown DomainError counts as still failing with its first field. */
  retry(ctx: AppContext, letter: store.DeadLetterRow): Promise<RetryOutcome>;
  /** Called after the letter is dismissed (e.g. to let messages waiting behind it go on). */
  dismissed?(ctx: AppContext, letter: store.DeadLetterRow): Promise<void>;
}

// One registry per process; each module registers its kinds when its routes are registered.
const handlers = new Map<string, DeadLetterHandler>();

export function registerDeadLetterHandler(kind: string, handler: DeadLetterHandler): void {
  handlers.set(kind, handler);
}

/** What went wrong, for a new letter (or an update of the open one with the same kind and reference). */
export interface DeadLetterInput {
  kind: string;
  reference: string;
  reason: string;
  field?: string | null;
  connectorId?: string | null;
  orderId?: string | null;
  payload: unknown;
}

/** Records a dead letter inside the caller's transaction; returns its id. */
export function recordDeadLetter(
  q: Queryable,
  ctx: Pick<AppContext, 'newId' | 'clock'>,
  input: DeadLetterInput,
): Promise<string> {
  return store.upsertOpenLetter(
    q,
    {
      id: ctx.newId('dlt'),
      kind: input.kind,
      reference: input.reference,
      reason: input.reason.slice(0, 1000),
      field: input.field ?? null,
      connectorId: input.connectorId ?? null,
      orderId: input.orderId ?? null,
      payload: input.payload,
    },
    ctx.clock(),
  );
}

/** The first field and the message of a refusal, as a letter records them. */
export function failureOf(error: unknown): { field: string | null; reason: string } {
  if (error instanceof DomainError) {
    const first = error.fields?.[0];
    return {
      field: first?.field ?? null,
      reason:
        first && first.message !== error.message ? `${error.message} (${first.message})` : error.message,
    };
  }
  return { field: null, reason: error instanceof Error ? error.message : String(error) };
}

/** Open letters first, then the newest. */
export async function listDeadLetters(ctx: AppContext, query: DeadLettersQuery): Promise<DeadLetter[]> {
  return (await store.listLetters(ctx.db, query)).map(store.toDeadLetter);
}

async function requireOpenLetter(ctx: AppContext, id: string): Promise<store.DeadLetterRow> {
  const letter = await store.findLetter(ctx.db, id);
  if (!letter) {
    throw new DomainError('not_found', `No dead letter ${id}.`, [
      { field: 'id', message: 'Unknown dead letter' },
    ]);
  }
  if (letter.status !== 'open') {
    throw new DomainError('invalid_state', `The dead letter is ${letter.status}.`, [
      { field: 'id', message: `Already ${letter.status}` },
    ]);
  }
  return letter;
}

function handlerOf(letter: store.DeadLetterRow): DeadLetterHandler {
  const handler = handlers.get(letter.kind);
  if (!handler) throw new DomainError('invalid_state', `Nothing here can retry a ${letter.kind} letter.`);
  return handler;
}

/** Retries an open letter with its kind's handler: success closes it; a failure is noted on it. */
export async function retryDeadLetter(ctx: AppContext, id: string, actorId: string): Promise<DeadLetter> {
  const letter = await requireOpenLetter(ctx, id);
  let outcome: RetryOutcome;
  try {
    outcome = await handlerOf(letter).retry(ctx, letter);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    outcome = { isResolved: false, ...failureOf(error) };
  }
  const at = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await store.noteRetry(tx, id, at, outcome.isResolved ? null : outcome);
    if (outcome.isResolved)
      await store.closeLetter(tx, id, { status: 'resolved', by: actorId, reason: null, at });
  });
  return store.toDeadLetter((await store.findLetter(ctx.db, id))!);
}

/** Closes an open letter without fixing it, with the person's reason. */
export async function dismissDeadLetter(
  ctx: AppContext,
  id: string,
  actorId: string,
  reason: string,
): Promise<DeadLetter> {
  const letter = await requireOpenLetter(ctx, id);
  const isClosed = await store.closeLetter(ctx.db, id, {
    status: 'dismissed',
    by: actorId,
    reason,
    at: ctx.clock(),
  });
  if (isClosed) await handlers.get(letter.kind)?.dismissed?.(ctx, letter);
  return store.toDeadLetter((await store.findLetter(ctx.db, id))!);
}

/** Closes the open letter of `kind` and `reference`, if any (the thing was fixed another way). */
export async function resolveDeadLetterOf(
  q: Queryable,
  ctx: Pick<AppContext, 'clock'>,
  kind: string,
  reference: string,
  by: string,
): Promise<void> {
  const letter = await store.findOpenLetter(q, kind, reference);
  if (letter)
    await store.closeLetter(q, letter.id, { status: 'resolved', by, reason: null, at: ctx.clock() });
}
