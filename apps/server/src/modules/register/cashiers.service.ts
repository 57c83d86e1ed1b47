// Cashier sign-in at a register: staff number + PIN, throttled per number and per register,
// and the manager approvals that commands carry (a manager's number + PIN).
import type { CashierSession, CashierSignInBody, Role } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import * as store from './devices.store';
import { DUMMY_PIN_HASH, verifyPin } from './pin';

const THROTTLE_WINDOW_MS = 15 * 60_000;
// Per number: someone mistyping. Per register: someone walking through the staff numbers.
const MAX_FAILURES_PER_NUMBER = 5;
const MAX_FAILURES_PER_REGISTER = 20;

/** The register a PIN is checked at. */
export interface PinPlace {
  registerId: string;
  storeId: string;
  companyId: string;
}

/** Checks a staff number and PIN at a register; wrong ones count towards the throttle. */
export async function checkStaffPin(ctx: AppContext, place: PinPlace, input: CashierSignInBody, field = '') {
  const now = ctx.clock();
  const since = new Date(+now - THROTTLE_WINDOW_MS);
  const numberKey = `${place.registerId}:${input.staffNumber}`;
  const registerKey = `${place.registerId}:*`;
  if (
    (await store.countPinFailures(ctx.db, numberKey, since)) >= MAX_FAILURES_PER_NUMBER ||
    (await store.countPinFailures(ctx.db, registerKey, since)) >= MAX_FAILURES_PER_REGISTER
  ) {
    throw new DomainError('too_many_attempts', 'Too many wrong PINs; try again in 15 minutes.');
  }
  const cashier = await store.findCashierByNumber(ctx.db, place.companyId, input.staffNumber);
  const isMatch = await verifyPin(input.pin, cashier?.pinHash ?? DUMMY_PIN_HASH);
  const worksHere = cashier && (cashier.storeId === null || cashier.storeId === place.storeId);
  if (!cashier || !isMatch || !worksHere) {
    await store.recordPinFailure(ctx.db, numberKey, now);
    await store.recordPinFailure(ctx.db, registerKey, now);
    throw new DomainError('invalid_credentials', 'The staff number or the PIN is wrong.', [
      { field: `${field}pin`, message: 'Wrong staff number or PIN' },
    ]);
  }
  await store.clearPinFailures(ctx.db, numberKey);
  return cashier;
}

/** Signs a cashier in at the register: who is selling from now on. */
export async function signInCashier(
  ctx: AppContext,
  place: PinPlace,
  input: CashierSignInBody,
): Promise<CashierSession> {
  const cashier = await checkStaffPin(ctx, place, input);
  return {
    staffId: cashier.staffId,
    staffNumber: cashier.staffNumber,
    name: cashier.name,
    role: cashier.role,
    registerId: place.registerId,
    signedInAt: ctx.clock().toISOString(),
  };
}

const MANAGER_ROLES: readonly Role[] = ['manager', 'owner'];

/** A manager's approval (number + PIN) for something a cashier may not do alone; returns the manager. */
export async function checkManagerApproval(
  ctx: AppContext,
  place: PinPlace,
  approval: CashierSignInBody,
  field: string,
) {
  const manager = await checkStaffPin(ctx, place, approval, field);
  if (!MANAGER_ROLES.includes(manager.role)) {
    throw new DomainError('forbidden', 'The approval must come from a manager.', [
      { field: `${field}staffNumber`, message: 'Not a manager' },
    ]);
  }
  return manager;
}
