// Shared set-up of the CRM tests: the orders harness with paired registers, calls as staff, a
// register sale to a customer (signed, journaled), and guest web checkouts.
import type { CheckoutResult, Customer, RegisterSetup } from '@handla/api';
import { beforeAll, expect } from 'vitest';
import { useHandover } from '../orders/handover.testing';
import { send } from '../register/register.testing';
import { SimulatedRegister } from '../register/simulated-register.testing';

export function useCrm() {
  const harness = useHandover();
  const { h, s, asRegister, checkout, pickupBody } = harness;
  let sim: SimulatedRegister;
  let setup: RegisterSetup;

  beforeAll(async () => {
    setup = (await asRegister('GET', '/setup')).json() as RegisterSetup;
    sim = await SimulatedRegister.create({
      registerId: s.sthlm.registerId,
      registerCode: setup.register.code,
      privateKey: s.sthlm.keys.privateKey,
      head: setup.journalHead,
    });
  });

  /** A request as staff (the manager unless `cookie` says otherwise). */
  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, cookie?: string) =>
    send(h.t, { cookie: cookie ?? h.manager }, method, url, payload);

  /** Creates a customer as the manager; expects 201. */
  const create = async (body: Record<string, unknown>): Promise<Customer> => {
    const created = await api('POST', '/api/customers', body);
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as Customer;
  };

  /** A completed Stockholm register sale of one item to `customerId`; returns the receipt id. */
  const sellTo = async (customerId: string): Promise<string> => {
    const item = setup.catalog.items.find((i) => !i.isBundle && i.unitPriceInclVat > 0)!;
    const command = await sim.receipt({
      cashierId: s.cashier,
      customerId,
      lines: [
        {
          skuId: item.skuId,
          skuCode: item.sku,
          name: item.name.sv,
          quantity: 1,
          unitPriceInclVat: item.unitPriceInclVat,
          vatRateBp: item.vatRateBp,
        },
      ],
    });
    const sent = await asRegister('POST', '/commands', { commands: [command] });
    expect(sent.statusCode, sent.body).toBe(200);
    const receiptId = sent.json().results[0].receiptId as string;
    expect(receiptId).toBe((command as { receiptId: string }).receiptId);
    return receiptId;
  };

  /** A guest pickup order placed with `email`; returns it. */
  const guestOrder = async (email: string, name = 'Gäst Kund') => {
    const placed = await checkout(await pickupBody({ customer: { name, email, phone: '070-000 00 00' } }));
    expect(placed.statusCode, placed.body).toBe(201);
    return (placed.json() as CheckoutResult).order;
  };

  /** The customer an order is linked to. */
  const customerOfOrder = async (orderId: string) =>
    (
      await h.t.ctx.db.query<{ id: string | null }>('select customer_id as id from orders where id = $1', [
        orderId,
      ])
    )[0]!.id;

  const count = async (table: string) =>
    (await h.t.ctx.db.query<{ n: number }>(`select count(*)::integer as n from ${table}`))[0]!.n;

  const eventTypes = async (aggregateId: string) =>
    (
      await h.t.ctx.db.query<{ type: string }>(
        'select type from outbox_events where aggregate_id = $1 order by id',
        [aggregateId],
      )
    ).map((e) => e.type);

  return { ...harness, api, create, sellTo, guestOrder, customerOfOrder, count, eventTypes };
}
