// Helpers for the register's HTTP tests: the demo registers, a paired device with its own
// ECDSA P-256 key pair (as the browser register makes it), and requests as that device.
import type { DevicePublicKey, RegisterSetup } from '@handla/api';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { signIn, type TestApp } from '../../testing/test-app';
import { SimulatedRegister } from './simulated-register.testing';

/** The demo's staff numbers and PINs (packages/db/src/seed/demo-register.ts). */
export const DEMO_PINS = {
  cashierSthlm: { staffNumber: '101', pin: '1234' },
  cashierGbg: { staffNumber: '102', pin: '1234' },
  manager: { staffNumber: '201', pin: '2468' },
  owner: { staffNumber: '301', pin: '1357' },
} as const;

/** The demo cashier's (Stockholm) and manager's staff ids as a register's setup lists them. */
export function demoStaffIds(setup: RegisterSetup) {
  const staffId = (staffNumber: string) => setup.cashiers.find((c) => c.staffNumber === staffNumber)!.staffId;
  return {
    cashierId: staffId(DEMO_PINS.cashierSthlm.staffNumber),
    managerId: staffId(DEMO_PINS.manager.staffNumber),
  };
}

/** The paired device's register as the browser runs it, continuing from `head`: by default where the server's journal stood in `setup`. */
export function simulatorFor(
  device: TestDevice,
  setup: RegisterSetup,
  head: SimulatedRegister['head'] = setup.journalHead,
) {
  return SimulatedRegister.create({
    registerId: device.registerId,
    registerCode: setup.register.code,
    privateKey: device.keys.privateKey,
    head,
  });
}

/** A demo register by its code (KASSA-1, KASSA-2 in Stockholm; KASSA-1 in Göteborg). */
export async function demoRegister(t: TestApp, storeCode: 'STHLM' | 'GBG', code = 'KASSA-1') {
  const [row] = await t.ctx.db.query<{ id: string; storeId: string }>(
    `select r.id, r.store_id as "storeId" from registers r join stores s on s.id = r.store_id
      where s.code = $1 and r.code = $2`,
    [storeCode, code],
  );
  return row!;
}

/** A device as the register app has it after pairing: token, key pair and register. */
export interface TestDevice {
  registerId: string;
  deviceId: string;
  token: string;
  keys: CryptoKeyPair;
  headers: Record<string, string>;
}

/** Makes a key pair and a pairing code as `managerCookie`, and pairs. */
export async function pairTestDevice(
  t: TestApp,
  registerId: string,
  managerCookie?: string,
): Promise<TestDevice> {
  const cookie = managerCookie ?? (await signIn(t.app, 'owner'));
  const code = await t.app.inject({
    method: 'POST',
    url: `/api/registers/${registerId}/pairings`,
    headers: { cookie },
  });
  expect(code.statusCode, code.body).toBe(201);
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const publicKey = (await crypto.subtle.exportKey('jwk', keys.publicKey)) as DevicePublicKey;
  const paired = await t.app.inject({
    method: 'POST',
    url: '/api/devices/pair',
    payload: { code: code.json().code, publicKey },
  });
  expect(paired.statusCode, paired.body).toBe(201);
  const { deviceId, deviceToken } = paired.json();
  return {
    registerId,
    deviceId,
    token: deviceToken,
    keys,
    headers: { authorization: `Device ${deviceToken}` },
  };
}

/** Sends a request with `headers`. */
export function send(
  t: TestApp,
  headers: Record<string, string>,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Expects a problem with `status`, `code` and, if given, an error naming `field`. */
export function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  code: string,
  field?: string,
) {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  expect(body.code).toBe(code);
  if (field) expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
}
