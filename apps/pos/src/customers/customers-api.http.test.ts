// The register's customer calls against the real server over HTTP, as the paired device: the
// search a scan makes, the history, and the new-customer form's match-or-create with its 400s.
// The register app calls relative paths; here `fetch` is the real one with the listening app's
// origin put in front.
import { ApiError } from '@handla/api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoRegister, pairTestDevice } from '../../../server/src/modules/register/register.testing';
import { createTestApp, type TestApp } from '../../../server/src/testing/test-app';
import { customerWithCard, EMPTY_NEW_CUSTOMER, formFieldErrors, newCustomerBody } from './customer-view';
import { type CustomersApi, customersApi } from './customers-api';

let t: TestApp;
let api: CustomersApi;

beforeAll(async () => {
  t = await createTestApp();
  const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (path: string, init?: RequestInit) => realFetch(`${origin}${path}`, init));
  const device = await pairTestDevice(t, (await demoRegister(t, 'STHLM')).id);
  api = customersApi(device.registerId, device.token);
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await t.close();
});

const customerCount = async () =>
  (await t.ctx.db.query<{ n: number }>('select count(*)::integer as n from customers'))[0]!.n;

describe('customers at the register, as the paired device', () => {
  it('creates a new customer from the form, and the same e-mail again finds them instead of a duplicate', async () => {
    const form = {
      ...EMPTY_NEW_CUSTOMER,
      name: ' Kassa Kund ',
      phone: '070-111 22 33',
      email: 'kassa@example.se',
    };
    const created = await api.matchOrCreate(newCustomerBody(form));
    expect(created).toMatchObject({ isNew: true, customer: { name: 'Kassa Kund', phone: '070-111 22 33' } });
    const before = await customerCount();
    const again = await api.matchOrCreate(newCustomerBody({ ...form, name: 'Kassa K.' }));
    expect(again).toMatchObject({ isNew: false, matchedOn: 'email', customer: { id: created.customer.id } });
    expect(await customerCount()).toBe(before);
  });

  it('turns a bad personal number into a field error on the form, and creates nobody', async () => {
    const before = await customerCount();
    const error = await api
      .matchOrCreate(
        newCustomerBody({ ...EMPTY_NEW_CUSTOMER, name: 'Fel Nummer', personalNumber: '19850709-9806' }),
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect(Object.keys(formFieldErrors(error))).toEqual(['personalNumber']);
    expect(await customerCount()).toBe(before);
  });

  it('finds by phone digits, and a scanned card goes straight to its customer', async () => {
    const { customer } = await api.matchOrCreate({ name: 'Telefon Kund', phone: '070-444 55 66' });
    expect((await api.search('0704445566')).items.map((c) => c.id)).toEqual([customer.id]);
    // Cards are given out in the back office; the register only scans them.
    await t.ctx.db.query(`update customers set card_number = 'LOJ-9001' where id = $1`, [customer.id]);
    const scanned = await api.search('LOJ-9001');
    expect(customerWithCard(scanned.items, 'LOJ-9001')?.id).toBe(customer.id);
  });

  it('shows a history (empty for a new customer) for the device', async () => {
    const { customer } = await api.matchOrCreate({ name: 'Ny Historik', email: 'historik@example.se' });
    expect(await api.history(customer.id)).toEqual({ customerId: customer.id, items: [] });
  });
});
