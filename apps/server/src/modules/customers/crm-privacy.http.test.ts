// Merging duplicates (history moves, a tombstone stays) and personal data: the export holds
// everything about the person; erasure anonymizes them while receipts and the signed journal stay.
import type { Customer, CustomerErasure, CustomerExport } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { expectProblem } from '../register/register.testing';
import { useCrm } from './crm.testing';

const { h, s, api, create, sellTo, guestOrder, customerOfOrder, eventTypes, asRegister } = useCrm();

const receiptCustomer = async (id: string) =>
  (await h.t.ctx.db.query<{ id: string }>('select customer_id as id from receipts where id = $1', [id]))[0]!
    .id;

describe('merging duplicates', () => {
  it('moves orders and receipts to the kept customer, keeps a tombstone, emits customer.merged', async () => {
    const kept = await create({ name: 'Olle Online', email: 'olle@example.se' });
    const dup = await create({ name: 'Olle i butiken', phone: '070-111 22 33', cardNumber: 'LOJ-9001' });
    const order = await guestOrder('olle@example.se');
    const receiptId = await sellTo(dup.id);
    expect(await customerOfOrder(order.id)).toBe(kept.id);

    expectProblem(
      await api('POST', `/api/customers/${dup.id}/merge`, { intoId: kept.id }, h.cashier),
      403,
      'forbidden',
    );
    expectProblem(
      await api('POST', `/api/customers/${dup.id}/merge`, { intoId: dup.id }),
      400,
      'validation_failed',
      'intoId',
    );
    expectProblem(
      await api('POST', `/api/customers/${dup.id}/merge`, { intoId: 'cus_nobody' }),
      404,
      'not_found',
      'intoId',
    );
    expect(await receiptCustomer(receiptId)).toBe(dup.id);

    const merged = await api('POST', `/api/customers/${dup.id}/merge`, { intoId: kept.id });
    expect(merged.statusCode, merged.body).toBe(200);
    // The kept customer takes what it lacked: the phone and the loyalty card.
    expect(merged.json()).toMatchObject({
      id: kept.id,
      email: 'olle@example.se',
      phone: '070-111 22 33',
      cardNumber: 'LOJ-9001',
    });
    expect(await receiptCustomer(receiptId)).toBe(kept.id);
    expect((await api('GET', `/api/customers/${dup.id}`)).json()).toMatchObject({
      mergedIntoId: kept.id,
      cardNumber: null,
    });
    expect(await eventTypes(kept.id)).toContain('customer.merged');

    const history = (await api('GET', `/api/customers/${dup.id}/history`)).json();
    expect(history.customerId).toBe(kept.id);
    expect(history.items.map((i: { id: string }) => i.id)).toEqual([order.id, receiptId]);
    const listed = (await api('GET', '/api/customers?q=Olle&limit=50')).json().items as Customer[];
    expect(listed.map((c) => c.id)).toEqual([kept.id]);

    expectProblem(
      await api('POST', `/api/customers/${dup.id}/merge`, { intoId: kept.id }),
      409,
      'conflict',
      'id',
    );
    expectProblem(
      await api('PATCH', `/api/customers/${dup.id}`, { version: 2, name: 'Zombie' }),
      409,
      'conflict',
      'id',
    );
  });
});

describe('personal data', () => {
  let person: Customer;
  let orderId: string;
  let receiptId: string;

  it('exports everything held about the person as JSON, to managers only', async () => {
    person = await create({
      name: 'Erik Exportsson',
      email: 'erik@example.se',
      phone: '070-222 33 44',
      kind: 'consumer',
      personalNumber: '19900101-0017',
      deliveryAddress: { name: 'Erik', street: 'Hemvägen 2', postalCode: '123 45', city: 'Solna' },
      contacts: [{ name: 'Erik själv', email: 'erik@example.se' }],
    });
    orderId = (await guestOrder('erik@example.se', 'Erik Exportsson')).id;
    receiptId = await sellTo(person.id);
    expectProblem(
      await api('GET', `/api/customers/${person.id}/export`, undefined, h.cashier),
      403,
      'forbidden',
    );
    const exported = await api('GET', `/api/customers/${person.id}/export`);
    expect(exported.statusCode, exported.body).toBe(200);
    const data = exported.json() as CustomerExport;
    expect(data.customer).toMatchObject({
      personalNumber: '19900101-0017',
      contacts: [{ name: 'Erik själv' }],
    });
    expect(data.orders).toEqual([
      expect.objectContaining({
        id: orderId,
        customerName: 'Erik Exportsson',
        customerEmail: 'erik@example.se',
      }),
    ]);
    expect(data.orders[0]!.lines.length).toBeGreaterThan(0);
    expect(data.receipts).toEqual([expect.objectContaining({ id: receiptId, kind: 'sale' })]);
    expect(data.receipts[0]!.lines).toHaveLength(1);
    expect(data.messages.length).toBeGreaterThan(0);
    // The order's confirmation, to the e-mail given at the checkout.
    expect(data.messages.map((m) => m.to)).toContain('erik@example.se');
  });

  it('erases the person: anonymized everywhere, receipts and the signed journal untouched', async () => {
    const receiptsBefore = await h.t.ctx.db.query('select * from receipts where id = $1', [receiptId]);
    const linesBefore = await h.t.ctx.db.query('select * from receipt_lines where receipt_id = $1', [
      receiptId,
    ]);
    const journalBefore = await h.t.ctx.db.query(
      'select * from register_journal order by register_id, sequence',
    );
    const totalBefore = (await api('GET', `/api/customers/${person.id}/export`)).json().orders[0]
      .totalInclVat;

    expectProblem(
      await api('POST', `/api/customers/${person.id}/erase`, undefined, h.cashier),
      403,
      'forbidden',
    );
    const erased = await api('POST', `/api/customers/${person.id}/erase`);
    expect(erased.statusCode, erased.body).toBe(200);
    const result = erased.json() as CustomerErasure;
    expect(result).toMatchObject({
      ordersAnonymized: 1,
      customer: { name: 'Raderad kund', email: null, phone: null },
    });
    expect(result.messagesAnonymized).toBeGreaterThan(0);
    expect(result.customer).toMatchObject({ personalNumber: null, deliveryAddress: null, contacts: [] });
    expect(result.customer.erasedAt).not.toBeNull();

    const after = (await api('GET', `/api/customers/${person.id}/export`)).json() as CustomerExport;
    expect(after.orders[0]).toMatchObject({
      customerName: 'Raderad kund',
      customerPhone: null,
      totalInclVat: totalBefore,
    });
    expect(after.orders[0]!.customerEmail).not.toContain('erik');
    expect(JSON.stringify(after)).not.toMatch(/erik@|Exportsson|Hemvägen|19900101/i);
    const order = await api('GET', `/api/orders/${orderId}`);
    expect(order.statusCode, order.body).toBe(200);
    expect(order.json().customer.name).toBe('Raderad kund');

    expect(await h.t.ctx.db.query('select * from receipts where id = $1', [receiptId])).toEqual(
      receiptsBefore,
    );
    expect(await h.t.ctx.db.query('select * from receipt_lines where receipt_id = $1', [receiptId])).toEqual(
      linesBefore,
    );
    expect(await h.t.ctx.db.query('select * from register_journal order by register_id, sequence')).toEqual(
      journalBefore,
    );
    const verified = await api('GET', `/api/registers/${s.sthlm.registerId}/journal/verify`);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ ok: true });
    expect(await eventTypes(person.id)).toContain('customer.erased');
    const found = await asRegister('GET', '/customers?q=erik%40example.se');
    expect(found.json().items).toEqual([]);
  });
});
