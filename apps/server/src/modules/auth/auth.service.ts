// Signing staff in and out, finding who a request belongs to, and throttling guessers.
import { createHash, randomBytes } from 'node:crypto';
import type { LoginBody, StaffUser } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import * as store from './auth.store';
import { DUMMY_HASH, verifyPassword } from './password';
import { signInThrottle } from './sign-in-throttle';

/** How long a session lasts: one working day and then some. */
export const SESSION_HOURS = 12;

/** The session token's database id: its sha256, so a leaked table cannot be replayed. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function toStaffUser(row: store.StaffRow): StaffUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role, storeId: row.storeId };
}

/** Checks the password, opens a session and returns its token (for the cookie) and the user. */
export async function signInStaff(ctx: AppContext, input: LoginBody & { clientAddress: string }) {
  const now = ctx.clock();
  const throttle = signInThrottle('login_failures', input.email, input.clientAddress);
  await throttle.assertAllowed(ctx.db, now);
  const user = await store.findStaffByEmail(ctx.db, input.email);
  const isMatch = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user?.isActive || !isMatch) {
    await throttle.recordFailure(ctx.db, now);
    throw new DomainError('invalid_credentials', 'The e-mail or the password is wrong.');
  }
  const token = randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await throttle.clear(tx, now);
    await store.insertSession(tx, {
      id: sessionIdOf(token),
      staffUserId: user.id,
      createdAt: now,
      expiresAt: new Date(+now + SESSION_HOURS * 3_600_000),
    });
    await emitEvent(
      tx,
      {
        type: 'staff.signed_in',
        aggregateType: 'staff',
        aggregateId: user.id,
        storeId: user.storeId,
        data: { staffId: user.id, name: user.name, role: user.role },
      },
      now,
    );
  });
  return { token, user: toStaffUser(user) };
}

/** Ends the session behind `token`; unknown tokens are ignored. */
export async function signOutStaff(ctx: AppContext, token: string): Promise<void> {
  await store.deleteSession(ctx.db, sessionIdOf(token));
}

/** The live session for a cookie token, or null. */
export async function findSession(ctx: AppContext, token: string) {
  return (await store.findLiveSession(ctx.db, sessionIdOf(token), ctx.clock())) ?? null;
}

/** The staff member by id, as the apps see them. */
export async function getStaffUser(ctx: AppContext, id: string): Promise<StaffUser> {
  const row = await store.findStaffById(ctx.db, id);
  if (!row) throw new DomainError('not_found', 'No such staff member.');
  return toStaffUser(row);
}
