import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import {
  DEMO_PINS,
  demoRegister,
  expectProblem,
  pairTestDevice,
  send,
  type TestDevice,
} from './register.testing';

let t: TestApp;
let sthlm: { id: string; storeId: string };
let gbg: { id: string; storeId: string };
let device: TestDevice;
beforeAll(async () => {
  t = await createTestApp();
  sthlm = await demoRegister(t, 'STHLM');
  gbg = await demoRegister(t, 'GBG');
  device = await pairTestDevice(t, sthlm.id, await signIn(t.app, 'manager'));
});
afterAll(() => t.close());

describe('the register list', () => {
  it('shows managers every register with its paired device, cashiers their own store only', async () => {
    const manager = { cookie: await signIn(t.app, 'manager') };
    const all = (await send(t, manager, 'GET', '/api/registers')).json().items as {
      id: string;
      storeId: string;
      pairedAt: string | null;
    }[];
    expect(all.map((r) => r.id)).toEqual(expect.arrayContaining([sthlm.id, gbg.id]));
    expect(all.find((r) => r.id === sthlm.id)!.pairedAt).not.toBeNull();
    const cashier = { cookie: await signIn(t.app, 'cashier') };
    const own = (await send(t, cashier, 'GET', '/api/registers')).json().items as { storeId: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.storeId === sthlm.storeId)).toBe(true);
    expectProblem(await send(t, {}, 'GET', '/api/registers'), 401, 'unauthenticated');
  });
});

describe('customer search at the register', () => {
  it('finds the demo company customer for its own device, refuses others and a short query', async () => {
    const found = await send(t, device.headers, 'GET', `/api/registers/${sthlm.id}/customers?q=kanel`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((c: { name: string }) => c.name)).toContain('Café Kanelbullen AB');
    const none = await send(t, device.headers, 'GET', `/api/registers/${sthlm.id}/customers?q=zzzz`);
    expect(none.json().items).toEqual([]);
    expectProblem(
      await send(t, device.headers, 'GET', `/api/registers/${gbg.id}/customers?q=kanel`),
      403,
      'forbidden',
    );
    expectProblem(
      await send(t, {}, 'GET', `/api/registers/${sthlm.id}/customers?q=kanel`),
      401,
      'device_not_paired',
    );
    const short = await send(t, device.headers, 'GET', `/api/registers/${sthlm.id}/customers?q=k`);
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('q');
  });
});

describe('pairing', () => {
  it('lets managers of the store and owners make codes, not cashiers or other stores’ managers', async () => {
    const manager = { cookie: await signIn(t.app, 'manager') };
    expect((await send(t, manager, 'POST', `/api/registers/${sthlm.id}/pairings`)).statusCode).toBe(201);
    expectProblem(await send(t, manager, 'POST', `/api/registers/${gbg.id}/pairings`), 403, 'forbidden');
    const cashier = { cookie: await signIn(t.app, 'cashier') };
    expectProblem(await send(t, cashier, 'POST', `/api/registers/${sthlm.id}/pairings`), 403, 'forbidden');
    expectProblem(await send(t, {}, 'POST', `/api/registers/${sthlm.id}/pairings`), 401, 'unauthenticated');
  });

  it('trades a code once; a used or wrong code is refused naming the field', async () => {
    const owner = { cookie: await signIn(t.app, 'owner') };
    const { code } = (await send(t, owner, 'POST', `/api/registers/${gbg.id}/pairings`)).json();
    const publicKey = { kty: 'EC', crv: 'P-256', x: 'abc', y: 'def' };
    const first = await send(t, {}, 'POST', '/api/devices/pair', { code, publicKey });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ registerId: gbg.id, storeId: gbg.storeId });
    expectProblem(
      await send(t, {}, 'POST', '/api/devices/pair', { code, publicKey }),
      401,
      'invalid_credentials',
      'code',
    );
    expectProblem(
      await send(t, {}, 'POST', '/api/devices/pair', { code, publicKey: { kty: 'RSA' } }),
      400,
      'validation_failed',
    );
  });

  it('revokes the earlier device of the register when a new one pairs', async () => {
    const kassa2 = await demoRegister(t, 'STHLM', 'KASSA-2');
    const old = await pairTestDevice(t, kassa2.id);
    expect((await send(t, old.headers, 'GET', `/api/registers/${kassa2.id}/setup`)).statusCode).toBe(200);
    const replacement = await pairTestDevice(t, kassa2.id);
    expectProblem(
      await send(t, old.headers, 'GET', `/api/registers/${kassa2.id}/setup`),
      401,
      'device_not_paired',
    );
    expect((await send(t, replacement.headers, 'GET', `/api/registers/${kassa2.id}/setup`)).statusCode).toBe(
      200,
    );
  });
});

describe('GET /api/registers/:id/setup', () => {
  it('gives the device its store, company, priced catalog, cashiers with PIN hashes and journal head', async () => {
    const response = await send(t, device.headers, 'GET', `/api/registers/${sthlm.id}/setup`);
    expect(response.statusCode, response.body).toBe(200);
    const setup = response.json();
    expect(setup.register).toMatchObject({ id: sthlm.id, storeId: sthlm.storeId, code: 'KASSA-1' });
    expect(setup.company).toMatchObject({ name: 'Demo Butik AB', currency: 'SEK' });
    expect(setup.catalog.items.length).toBeGreaterThan(40);
    const item = setup.catalog.items.find((i: { ean: string | null }) => i.ean);
    expect(item).toMatchObject({ unitPriceInclVat: expect.any(Number), vatRateBp: expect.any(Number) });
    const numbers = setup.cashiers.map((c: { staffNumber: string }) => c.staffNumber);
    expect(numbers).toEqual(expect.arrayContaining(['101', '201', '301']));
    expect(numbers).not.toContain('102'); // Göteborg's cashier
    expect(setup.cashiers[0].pinHash).toMatch(/^pbkdf2-sha256\$/);
    expect(setup.journalHead).toEqual({ sequence: 0, hash: '', receiptNumber: 0 });
  });

  it('refuses a missing or unknown token and another register’s device', async () => {
    expectProblem(await send(t, {}, 'GET', `/api/registers/${sthlm.id}/setup`), 401, 'device_not_paired');
    expectProblem(
      await send(t, { authorization: 'Device nope' }, 'GET', `/api/registers/${sthlm.id}/setup`),
      401,
      'device_not_paired',
    );
    expectProblem(await send(t, device.headers, 'GET', `/api/registers/${gbg.id}/setup`), 403, 'forbidden');
  });
});

describe('cashier sign-in', () => {
  const signInAt = (body: object, headers = device.headers) =>
    send(t, headers, 'POST', `/api/registers/${sthlm.id}/cashier-sessions`, body);

  it('signs in a cashier with number and PIN', async () => {
    const response = await signInAt(DEMO_PINS.cashierSthlm);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ staffNumber: '101', role: 'cashier', registerId: sthlm.id });
    const manager = await signInAt(DEMO_PINS.manager);
    expect(manager.json()).toMatchObject({ role: 'manager' });
  });

  it('refuses another store’s cashier, and a wrong PIN', async () => {
    expectProblem(await signInAt(DEMO_PINS.cashierGbg), 401, 'invalid_credentials', 'pin');
    expectProblem(await signInAt({ staffNumber: '101', pin: '9999' }), 401, 'invalid_credentials', 'pin');
    expectProblem(await signInAt({ staffNumber: '101', pin: '12' }), 400, 'validation_failed', 'pin');
  });

  it('locks a number out after five wrong PINs, even with the right one', async () => {
    for (let i = 0; i < 5; i++) await signInAt({ staffNumber: '301', pin: '0000' });
    expectProblem(await signInAt(DEMO_PINS.owner), 429, 'too_many_attempts');
    expect((await signInAt(DEMO_PINS.manager)).statusCode).toBe(201);
  });
});

describe('settings', () => {
  it('lets a manager set the printer, and the device read it', async () => {
    const manager = { cookie: await signIn(t.app, 'manager') };
    const body = {
      printerHost: '127.0.0.1',
      printerPort: 9100,
      controlUnitSerial: null,
      isTrainingAllowed: true,
      idleLockMinutes: 3,
    };
    const saved = await send(t, manager, 'PUT', `/api/registers/${sthlm.id}/settings`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await send(t, device.headers, 'GET', `/api/registers/${sthlm.id}/settings`)).json()).toEqual(
      body,
    );
    const cashier = { cookie: await signIn(t.app, 'cashier') };
    expectProblem(
      await send(t, cashier, 'PUT', `/api/registers/${sthlm.id}/settings`, body),
      403,
      'forbidden',
    );
    expectProblem(
      await send(t, manager, 'PUT', `/api/registers/${sthlm.id}/settings`, { ...body, printerPort: 0 }),
      400,
      'validation_failed',
      'printerPort',
    );
  });
});
