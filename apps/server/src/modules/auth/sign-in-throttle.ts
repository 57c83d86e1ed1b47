// Throttling of password sign-ins, shared by staff (`login_failures`) and shopper accounts
// (`customer_login_failures`): at most 5 failures per e-mail and 30 per client address in 15
// minutes. Failures are rows, so every server process sees the same count.
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';

const WINDOW_MS = 15 * 60_000;
// Per e-mail: a person mistyping a few times. Per address: a shop's shared IP, but not a botnet.
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_CLIENT = 30;

/** The tables that log failed sign-ins (a fixed list: the name goes into the SQL text). */
export type FailureTable = 'login_failures' | 'customer_login_failures';

export interface SignInThrottle {
  /** Throws `too_many_attempts` when the e-mail or the client has failed too often lately. */
  assertAllowed(q: Queryable, now: Date): Promise<void>;
  recordFailure(q: Queryable, now: Date): Promise<void>;
  /** After a good sign-in: forget this e-mail's failures, and everyone's old ones. */
  clear(q: Queryable, now: Date): Promise<void>;
}

/** The throttle for one sign-in attempt of `email` from `clientAddress`. */
export function signInThrottle(table: FailureTable, email: string, clientAddress: string): SignInThrottle {
  const emailKey = `email:${email.toLowerCase()}`;
  const clientKey = `client:${clientAddress}`;
  return {
    async assertAllowed(q, now) {
      const rows = await q.query<{ key: string; failures: number }>(
        `select throttle_key as key, count(*)::int as failures from ${table}
          where throttle_key = any($1) and failed_at > $2 group by throttle_key`,
        [[emailKey, clientKey], new Date(+now - WINDOW_MS)],
      );
      const count = (key: string) => rows.find((r) => r.key === key)?.failures ?? 0;
      if (count(emailKey) >= MAX_FAILURES_PER_EMAIL || count(clientKey) >= MAX_FAILURES_PER_CLIENT) {
        throw new DomainError('too_many_attempts', 'Too many failed sign-ins; try again in 15 minutes.');
      }
    },
    async recordFailure(q, now) {
      await q.query(`insert into ${table} (throttle_key, failed_at) select unnest($1::text[]), $2`, [
        [emailKey, clientKey],
        now,
      ]);
    },
    async clear(q, now) {
      await q.query(`delete from ${table} where throttle_key = $1 or failed_at < $2`, [
        emailKey,
        new Date(+now - WINDOW_MS),
      ]);
    },
  };
}
