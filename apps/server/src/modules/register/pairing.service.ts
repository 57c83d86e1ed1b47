// Pairing a device with a register: a manager makes a one-time code, the device trades it and its
// public key for a device token. One active device per register, since one device keeps the
// register's journal chain; pairing a replacement revokes the old one.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { PairDeviceBody, PairedDevice, RegisterPairingCode } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { tokenHashOf } from './device-auth';
import * as store from './devices.store';

const CODE_MINUTES = 15;
const codeHashOf = (code: string) => createHash('sha256').update(code).digest('base64url');

/** A fresh 8-digit pairing code for the register, valid for 15 minutes. */
export async function createPairingCode(
  ctx: AppContext,
  registerId: string,
  createdBy: string,
): Promise<RegisterPairingCode> {
  const now = ctx.clock();
  const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
  const expiresAt = new Date(+now + CODE_MINUTES * 60_000);
  await store.insertPairingCode(ctx.db, {
    codeHash: codeHashOf(code),
    registerId,
    createdBy,
    createdAt: now,
    expiresAt,
  });
  return { code, registerId, expiresAt: expiresAt.toISOString() };
}

/** Trades a valid code for a device token; the code is spent even if pairing fails later. */
export async function pairDevice(ctx: AppContext, input: PairDeviceBody): Promise<PairedDevice> {
  const now = ctx.clock();
  const token = randomBytes(32).toString('base64url');
  const deviceId = ctx.newId('dev');
  return ctx.db.transaction(async (tx) => {
    const code = await store.takePairingCode(tx, codeHashOf(input.code.replaceAll(/\s|-/g, '')), now);
    if (!code) {
      throw new DomainError('invalid_credentials', 'The pairing code is wrong, used or expired.', [
        { field: 'code', message: 'Unknown, used or expired code' },
      ]);
    }
    const register = (await store.findRegister(tx, code.registerId))!;
    const revoked = await store.revokeDevicesOf(tx, register.id, now);
    await store.insertDevice(tx, {
      id: deviceId,
      registerId: register.id,
      name: input.name ?? register.name,
      tokenHash: tokenHashOf(token),
      publicKey: input.publicKey,
      pairedBy: code.createdBy,
      pairedAt: now,
    });
    await emitEvent(
      tx,
      {
        type: 'register.paired',
        aggregateType: 'register',
        aggregateId: register.id,
        storeId: register.storeId,
        data: { registerId: register.id, deviceId, pairedBy: code.createdBy, revokedDevices: revoked },
      },
      now,
    );
    return { deviceId, deviceToken: token, registerId: register.id, storeId: register.storeId };
  });
}
