// Consumers and companies: numbers checked through the core, matching across channels in the
// configured order, the web checkout linking guests by e-mail, and the register's search and history.
import type { Customer, CustomerHistory, CustomerMatch } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { expectProblem } from '../register/register.testing';
import { useCrm } from './crm.testing';

const { h, api, create, sellTo, guestOrder, customerOfOrder, count, asRegister } = useCrm();

describe('validation of consumers and companies', () => {
  it('refuses a bad check digit, a bad date and a bad organisation number, naming each field; nothing is written', async () => {
    const before = await count('customers');
    const cases: [Record<string, unknown>, string[]][] = [
      [{ kind: 'consumer', personalNumber: '19900101-0018' }, ['personalNumber']],
      [{ kind: 'consumer', personalNumber: '19901301-0013' }, ['personalNumber']], // month 13, Luhn right
      [{ kind: 'company', orgNumber: '556016-0681' }, ['orgNumber']],
      [
        { kind: 'consumer', personalNumber: '19900101-0018', orgNumber: '556016-0681' },
        ['personalNumber', 'orgNumber'],
      ],
      [{ kind: 'company', orgNumber: '556016-0680', personalNumber: '19900101-0017' }, ['personalNumber']],
    ];
    for (const [body, fields] of cases) {
      const refused = await api('POST', '/api/customers', { name: 'Fel Nummer', ...body });
      expectProblem(refused, 400, 'validation_failed');
      expect(
        refused
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual([...fields].sort());
    }
    expect(await count('customers')).toBe(before);
  });

  it('takes a samordningsnummer and normalizes numbers; a company with contacts, addresses, terms and credit', async () => {
    const coordination = await create({
      name: 'Sam Ordning',
      kind: 'consumer',
      personalNumber: '701063-2391',
    });
    expect(coordination).toMatchObject({ kind: 'consumer', personalNumber: '19701063-2391' });
    const address = {
      name: 'Bolaget AB',
      street: 'Storgatan 1',
      postalCode: '111 22',
      city: 'Stockholm',
      country: 'SE',
    };
    const company = await create({
      name: 'Bolaget AB',
      orgNumber: '5560160680',
      contacts: [
        { name: 'Karin Inköp', email: 'karin@bolaget.example', role: 'Inköpare' },
        { name: 'Per Ekonomi' },
      ],
      deliveryAddress: address,
      invoiceAddress: { ...address, street: 'Box 12' },
      paymentTermsDays: 30,
      creditLimit: 5_000_000,
    });
    expect(company).toMatchObject({
      kind: 'company',
      orgNumber: '556016-0680',
      paymentTermsDays: 30,
      creditLimit: 5_000_000,
      invoiceAddress: { street: 'Box 12' },
      contacts: [
        { name: 'Karin Inköp', email: 'karin@bolaget.example', phone: null, role: 'Inköpare' },
        { name: 'Per Ekonomi', email: null, phone: null, role: null },
      ],
    });
    const changed = await api('PATCH', `/api/customers/${company.id}`, {
      version: 1,
      contacts: [{ name: 'Per Ekonomi', phone: '08-123 456' }],
      creditLimit: null,
    });
    expect(changed.json()).toMatchObject({
      version: 2,
      creditLimit: null,
      contacts: [{ name: 'Per Ekonomi' }],
    });
  });

  it('refuses a bad number or a taken card on change and leaves the customer as it was', async () => {
    const a = await create({ name: 'Kort Ett', cardNumber: 'KORT-1001' });
    const b = await create({ name: 'Kort Två', email: 'tva@example.se' });
    expectProblem(
      await api('PATCH', `/api/customers/${b.id}`, { version: 1, cardNumber: 'KORT-1001' }),
      409,
      'duplicate',
      'cardNumber',
    );
    expectProblem(
      await api('PATCH', `/api/customers/${b.id}`, {
        version: 1,
        personalNumber: '19900101-0018',
        name: 'Nytt',
      }),
      400,
      'validation_failed',
      'personalNumber',
    );
    expectProblem(
      await api('PATCH', `/api/customers/${b.id}`, { version: 1, creditLimit: -1 }),
      400,
      'validation_failed',
      'creditLimit',
    );
    expect((await api('GET', `/api/customers/${b.id}`)).json()).toMatchObject({
      name: 'Kort Två',
      version: 1,
      cardNumber: null,
      personalNumber: null,
    });
    expect((await api('GET', `/api/customers/${a.id}`)).json()).toMatchObject({ cardNumber: 'KORT-1001' });
  });
});

describe('matching an incoming customer', () => {
  it('tries e-mail first by default, then the numbers; the order is a company setting', async () => {
    const anna = await create({ name: 'Anna Match', email: 'anna.match@example.se' });
    const firm = await create({ name: 'Match AB', orgNumber: '202100-5489' });
    const incoming = { name: 'Anna på Match AB', email: 'ANNA.MATCH@example.se', orgNumber: '2021005489' };
    const first = await api('POST', '/api/customers/match', incoming);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ isNew: false, matchedOn: 'email', customer: { id: anna.id } });

    expect((await api('GET', '/api/customers/settings')).json()).toEqual({
      matchOrder: ['email', 'orgNumber', 'personalNumber'],
    });
    const set = await api('PUT', '/api/customers/settings', { matchOrder: ['orgNumber', 'email'] });
    expect(set.json()).toEqual({ matchOrder: ['orgNumber', 'email'] });
    const second = (await api('POST', '/api/customers/match', incoming)).json() as CustomerMatch;
    expect(second).toMatchObject({ isNew: false, matchedOn: 'orgNumber', customer: { id: firm.id } });

    expectProblem(
      await api('PUT', '/api/customers/settings', { matchOrder: ['email', 'email'] }),
      400,
      'validation_failed',
      'matchOrder',
    );
    expectProblem(
      await api('PUT', '/api/customers/settings', { matchOrder: ['email'] }, h.cashier),
      403,
      'forbidden',
    );
    expect((await api('GET', '/api/customers/settings')).json()).toEqual({
      matchOrder: ['orgNumber', 'email'],
    });
    await api('PUT', '/api/customers/settings', { matchOrder: ['email', 'orgNumber', 'personalNumber'] });
  });

  it('creates an unknown customer once; a bad number is refused and creates nobody', async () => {
    const before = await count('customers');
    const refused = await api('POST', '/api/customers/match', {
      name: 'Ny',
      email: 'ny@example.se',
      personalNumber: '19900101-0018',
    });
    expectProblem(refused, 400, 'validation_failed', 'personalNumber');
    expect(await count('customers')).toBe(before);
    const made = await api('POST', '/api/customers/match', {
      name: 'Ny',
      email: 'ny@example.se',
      personalNumber: '199001010017',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      isNew: true,
      customer: { kind: 'consumer', personalNumber: '19900101-0017' },
    });
    const byNumber = (
      await api('POST', '/api/customers/match', { name: 'Ny', personalNumber: '900101-0017' })
    ).json();
    expect(byNumber).toMatchObject({
      isNew: false,
      matchedOn: 'personalNumber',
      customer: { id: made.json().customer.id },
    });
    expect(await count('customers')).toBe(before + 1);
  });

  it('links guest web orders by e-mail to one customer, the same one the register matches', async () => {
    const first = await guestOrder('greta@example.se', 'Greta Gäst');
    const second = await guestOrder('Greta@Example.se', 'Greta G');
    const customerId = await customerOfOrder(first.id);
    expect(customerId).not.toBeNull();
    expect(await customerOfOrder(second.id)).toBe(customerId);
    const atRegister = await asRegister('POST', '/customers', { name: 'Greta', email: 'greta@example.se' });
    expect(atRegister.statusCode, atRegister.body).toBe(200);
    expect(atRegister.json().customer.id).toBe(customerId);
  });
});

describe('the register finds a customer and sees their history', () => {
  let kund: Customer;
  it('finds by card (scan), phone digits, name and number', async () => {
    kund = await create({
      name: 'Stina Stamkund',
      email: 'stina@example.se',
      phone: '070-765 43 21',
      cardNumber: 'LOJ-4711',
      kind: 'consumer',
      personalNumber: '19850709-9805',
    });
    await create({ name: 'LOJ-4711 Namnlik', email: 'annan@example.se' });
    const ids = async (q: string) =>
      ((await asRegister('GET', `/customers?q=${encodeURIComponent(q)}`)).json().items as Customer[]).map(
        (c) => c.id,
      );
    expect((await ids('LOJ-4711'))[0]).toBe(kund.id); // the scanned card first
    expect(await ids('0707654321')).toEqual([kund.id]);
    expect(await ids('765 43')).toEqual([kund.id]);
    expect(await ids('Stamkund')).toEqual([kund.id]);
    expect(await ids('850709')).toEqual([kund.id]);
  });

  it('lists their web orders and store receipts in time order, for the register’s device only', async () => {
    const order = await guestOrder('stina@example.se');
    expect(await customerOfOrder(order.id)).toBe(kund.id);
    h.now = new Date(+h.now + 60_000);
    const receiptId = await sellTo(kund.id);
    const history = await asRegister('GET', `/customers/${kund.id}/history`);
    expect(history.statusCode, history.body).toBe(200);
    const items = (history.json() as CustomerHistory).items;
    expect(items.map((i) => [i.kind, i.id])).toEqual([
      ['order', order.id],
      ['receipt', receiptId],
    ]);
    expect(items[1]).toMatchObject({ channel: 'store', status: 'sale', storeName: expect.any(String) });
    const noDevice = await api('GET', `/api/registers/${order.id}/customers/${kund.id}/history`);
    expect(noDevice.statusCode).toBe(404);
  });
});
