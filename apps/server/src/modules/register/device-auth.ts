// Who is calling a register route: a paired device (`Authorization: Device <token>`) or staff.
// These routes declare `access: 'public'` for the shared access layer and are guarded here instead,
// per route, so no route of this module is open by accident: every handler starts with a guard.
import { createHash } from 'node:crypto';
import { DomainError } from '@handla/core';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import type { Principal } from '../../http/access';
import { type DeviceRow, findActiveDevice, findRegister, type RegisterRow } from './devices.store';

/** The sha256 of a device token: the database never holds the token itself. */
export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

const DEVICE_SCHEME = /^Device\s+(\S+)$/;

/** The paired device behind the request, or null when it sends no device token. */
export async function deviceOf(ctx: AppContext, request: FastifyRequest): Promise<DeviceRow | null> {
  const match = DEVICE_SCHEME.exec(request.headers.authorization ?? '');
  if (!match) return null;
  const device = await findActiveDevice(ctx.db, tokenHashOf(match[1]!));
  if (!device)
    throw new DomainError('device_not_paired', 'This device token is unknown or revoked; pair again.');
  return device;
}

/** The register, or 404 naming the id. */
export async function requireRegister(ctx: AppContext, registerId: string): Promise<RegisterRow> {
  const register = await findRegister(ctx.db, registerId);
  if (!register) {
    throw new DomainError('not_found', `No register ${registerId}.`, [
      { field: 'id', message: 'Unknown register' },
    ]);
  }
  return register;
}

/** A device paired with this very register; another register's device gets 403. */
export async function requireDeviceOf(
  ctx: AppContext,
  request: FastifyRequest,
  registerId: string,
): Promise<DeviceRow> {
  const device = await deviceOf(ctx, request);
  if (!device)
    throw new DomainError('device_not_paired', 'Send Authorization: Device <token> from a paired device.');
  if (device.registerId !== registerId) {
    throw new DomainError('forbidden', 'This device is paired with another register.', [
      { field: 'id', message: 'Not this device’s register' },
    ]);
  }
  return device;
}

/** True when staff may work with registers of `storeId`: owners and company-wide staff anywhere, others at their store. */
export function isStaffOfStore(
  principal: Principal | null,
  storeId: string,
  roles: readonly string[],
): boolean {
  if (principal?.kind !== 'staff' || !roles.includes(principal.role)) return false;
  return principal.role === 'owner' || principal.storeId === null || principal.storeId === storeId;
}

/** Staff of the register's store with one of `roles`; 401 without a session, 403 otherwise. */
export function assertStaffOfStore(
  principal: Principal | null,
  register: RegisterRow,
  roles: readonly string[],
): Extract<Principal, { kind: 'staff' }> {
  if (principal?.kind !== 'staff') throw new DomainError('unauthenticated', 'Sign in first.');
  if (!isStaffOfStore(principal, register.storeId, roles)) {
    throw new DomainError('forbidden', 'Only staff of this register’s store may do this.');
  }
  return principal;
}

/** Either a device of this register or staff of its store with one of `roles`. */
export async function requireDeviceOrStaff(
  ctx: AppContext,
  request: FastifyRequest,
  register: RegisterRow,
  roles: readonly string[],
): Promise<{ device: DeviceRow | null }> {
  if (DEVICE_SCHEME.test(request.headers.authorization ?? '')) {
    return { device: await requireDeviceOf(ctx, request, register.id) };
  }
  assertStaffOfStore(request.principal, register, roles);
  return { device: null };
}
