// What the pricing services share: the company they price for, cursors, optimistic-concurrency
// checks and the mapping of constraint violations to domain errors.
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';

/** The company being priced for: its country and time zone apply where no store is named. */
export interface CompanyFacts {
  id: string;
  country: string;
  currency: string;
  timeZone: string;
}

// Companies have no module of their own yet; this one read stands in for its lookup.
export async function findCompanyFacts(q: Queryable): Promise<CompanyFacts> {
  const [row] = await q.query<CompanyFacts>(
    `select id, country, currency, time_zone as "timeZone" from companies order by created_at, id limit 1`,
  );
  if (!row) throw new Error('No company exists yet; run the seed first.');
  return row;
}

/** An opaque cursor from the sort key of the last item on a page. */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The sort key inside a cursor this API gave out; `validation_failed` on anything else. */
export function decodeCursor(cursor: string, arity: number): string[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (!Array.isArray(parts) || parts.length !== arity || !parts.every((p) => typeof p === 'string')) {
    throw new DomainError('validation_failed', 'The cursor is not one this API gave out.', [
      { field: 'cursor', message: 'Invalid cursor' },
    ]);
  }
  return parts;
}

/** `not_found` naming the field that pointed at nothing. */
export function notFound(what: string, id: string, field: string): DomainError {
  return new DomainError('not_found', `No ${what} ${id}.`, [{ field, message: `Unknown ${what}` }]);
}

/**
 * Optimistic concurrency for edits of one row: a new row is written without a version; changing
 * or removing an existing one must name the version the caller read, so nobody overwrites a change
 * they never saw. Throws `version_conflict` (409) otherwise.
 */
export function checkVersion(
  current: { version: number } | undefined,
  expected: number | undefined,
  what: string,
  field = 'version',
): void {
  if (current === undefined && expected === undefined) return;
  if (current === undefined) {
    throw new DomainError('version_conflict', `The ${what} was removed since version ${expected}.`, [
      { field, message: 'No longer exists' },
    ]);
  }
  if (expected === undefined) {
    throw new DomainError('version_conflict', `The ${what} exists (version ${current.version}).`, [
      { field, message: `Required: the version you are changing (now ${current.version})` },
    ]);
  }
  if (current.version !== expected) {
    throw new DomainError(
      'version_conflict',
      `The ${what} is at version ${current.version}, not ${expected}; reload it and try again.`,
      [{ field, message: `Stale: now ${current.version}` }],
    );
  }
}

/** Thrown when a conditional write found the row changed between the check and the write. */
export function raceLost(what: string): DomainError {
  return new DomainError('version_conflict', `The ${what} changed while this request ran; try again.`);
}

/** True for a PostgreSQL constraint violation of `code` (23505 unique, 23503 foreign key). */
export function isViolation(error: unknown, code: '23505' | '23503', constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.code === code &&
    (constraint === undefined || e.constraint === constraint)
  );
}
