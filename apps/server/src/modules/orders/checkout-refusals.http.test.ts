// Every bad input of the checkout: a 4xx naming the field, and nothing reserved, booked, charged,
// written or queued.
import type { CheckoutBody } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { useOrdersHttp } from './orders.http-harness';

const { h, firstSlot, pickupBody, checkout, snapshot } = useOrdersHttp();

async function expectRefused(body: unknown, status: number, code: string, field: string) {
  const before = await snapshot();
  const response = await checkout(body);
  expect(response.statusCode, response.body).toBe(status);
  const problem = response.json() as { code: string; errors: { field: string }[] };
  expect(problem.code).toBe(code);
  expect(problem.errors.map((e) => e.field)).toContain(field);
  expect(await snapshot()).toEqual(before);
}

const withSlot = (body: CheckoutBody, slot: string): CheckoutBody => ({
  ...body,
  fulfilment: { kind: 'pickup', storeId: h.store.STHLM!, slot },
});

describe('POST /api/checkout refuses bad input and changes nothing', () => {
  it('an unknown SKU', async () => {
    const body = await pickupBody();
    body.lines[0]!.skuId = 'sku_does_not_exist';
    await expectRefused(body, 400, 'validation_failed', 'lines[0].skuId');
  });

  it('a SKU no longer for sale', async () => {
    const [row] = await h.t.ctx.db.query<{ id: string }>(
      `select s.id from skus s where s.id <> all($1) order by s.sku desc limit 1`,
      [h.skus.map((s) => s.id)],
    );
    await h.t.ctx.db.query(`update skus set status = 'discontinued' where id = $1`, [row!.id]);
    const body = await pickupBody();
    body.lines.push({ skuId: row!.id, quantity: 1, unitPrice: 100 });
    await expectRefused(body, 409, 'sku_unavailable', 'lines[2].skuId');
  });

  it('a quantity above what the store has', async () => {
    const body = await pickupBody();
    body.lines[1]!.quantity = 999;
    await expectRefused(body, 409, 'insufficient_stock', 'lines[1].quantity');
  });

  it('a quantity of zero', async () => {
    const body = await pickupBody();
    body.lines[0]!.quantity = 0;
    await expectRefused(body, 400, 'validation_failed', 'lines.0.quantity');
  });

  it('a tampered price', async () => {
    const body = await pickupBody();
    body.lines[1]!.unitPrice -= 100;
    await expectRefused(body, 409, 'price_changed', 'lines[1].unitPrice');
  });

  it('an invalid e-mail or phone number', async () => {
    const body = await pickupBody();
    await expectRefused(
      { ...body, customer: { ...body.customer, email: 'anna@' } },
      400,
      'validation_failed',
      'customer.email',
    );
    await expectRefused(
      { ...body, customer: { ...body.customer, phone: 'ring mig' } },
      400,
      'validation_failed',
      'customer.phone',
    );
  });

  it('a slot in the past, a closed slot and a full slot', async () => {
    const body = await pickupBody();
    await expectRefused(withSlot(body, '2026-11-30T10:00:00Z'), 409, 'slot_unavailable', 'fulfilment.slot');
    // Sunday 6 December 2026, 03:00 in Stockholm: the store is closed.
    await expectRefused(withSlot(body, '2026-12-06T02:00:00Z'), 409, 'slot_unavailable', 'fulfilment.slot');
    const slot = await firstSlot('STHLM', true);
    await h.t.ctx.db.query('update pickup_settings set capacity_orders = 1 where store_id = $1', [
      h.store.STHLM,
    ]);
    expect((await checkout(withSlot(await pickupBody(), slot))).statusCode).toBe(201);
    await expectRefused(withSlot(body, slot), 409, 'slot_full', 'fulfilment.slot');
    await h.t.ctx.db.query('update pickup_settings set capacity_orders = 6 where store_id = $1', [
      h.store.STHLM,
    ]);
  });

  it('an unknown store or shipping method', async () => {
    const body = await pickupBody();
    await expectRefused(
      { ...body, fulfilment: { kind: 'pickup', storeId: 'sto_nope', slot: 'asap' } },
      400,
      'validation_failed',
      'fulfilment.storeId',
    );
    await expectRefused(
      {
        ...body,
        fulfilment: {
          kind: 'delivery',
          shippingMethodId: 'shm_nope',
          address: { name: 'A', street: 'Gatan 1', postalCode: '12345', city: 'Sthlm', country: 'SE' },
        },
      },
      400,
      'validation_failed',
      'fulfilment.shippingMethodId',
    );
  });

  it('an unknown field', async () => {
    await expectRefused({ ...(await pickupBody()), discount: 100 }, 400, 'validation_failed', 'discount');
  });
});
