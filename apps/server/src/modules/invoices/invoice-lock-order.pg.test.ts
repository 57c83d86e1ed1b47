// PostgreSQL only (real concurrent transactions; `npm run test:pg`): web checkouts paid by invoice
// and register sales paid by invoice, many at once for one customer and one SKU, lock in the same
// order — customer, invoice counter, stock (invoices.checkout.ts `lockInvoiceSaleIn`) — so no
// deadlock reaches a caller, and no web invoice was issued beyond the credit limit.
import type { CheckoutResult, PickupSlotDay } from '@handla/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import { type InvoiceHarness, startInvoiceHarness } from './invoices.testing';

let h: InvoiceHarness;
beforeAll(async () => {
  h = await startInvoiceHarness();
});
afterAll(() => h.t.close());

async function companyShopper(creditLimit: number): Promise<{ cookie: string; customerId: string }> {
  const email = 'laskund@foretag.example';
  const signUp = await h.t.app.inject({
    method: 'POST',
    url: '/api/account/sign-up',
    payload: { email, password: 'hemligt-losen-1', name: 'Låskund' },
  });
  expect(signUp.statusCode, signUp.body).toBe(201);
  const [row] = await h.t.ctx.db.query<{ customerId: string }>(
    `update customers set kind = 'company', name = 'Låskund AB', credit_limit = $2
      where id = (select customer_id from customer_accounts where email = $1) returning id as "customerId"`,
    [email, creditLimit],
  );
  const cookie = `handla_customer=${signUp.cookies.find((c) => c.name === 'handla_customer')!.value}`;
  return { cookie, customerId: row!.customerId };
}

describe('web and register invoice sales at once (PostgreSQL)', () => {
  it('never deadlock and never issue a web invoice beyond the credit limit', async () => {
    const q = h.t.ctx.db;
    const [store] = await q.query<{ id: string; locationId: string }>(
      `select s.id, l.id as "locationId" from stores s join locations l on l.store_id = s.id and l.kind = 'store'
        where s.code = 'STHLM'`,
    );
    // One SKU both channels sell, with plenty in the store so stock never refuses a sale.
    const item = h.item(5_000);
    await q.query('update stock_levels set on_hand = on_hand + 500 where sku_id = $1 and location_id = $2', [
      item.skuId,
      store!.locationId,
    ]);
    const [price] = await resolvePrices(h.t.ctx, { skuIds: [item.skuId], at: h.t.ctx.clock() });
    const webPrice = price!.unitPriceInclVat.amount;
    const limit = webPrice * 6;
    const { cookie, customerId } = await companyShopper(limit);
    const day = (
      await h.t.app.inject({ url: `/api/stores/${store!.id}/pickup-slots` })
    ).json() as PickupSlotDay;
    // One order per slot, so no slot fills up.
    const slotOf = (n: number) => day.slots[n % day.slots.length]!.startsAt;

    const webCheckout = (n: number) =>
      h.t.app.inject({
        method: 'POST',
        url: '/api/checkout',
        headers: { cookie },
        payload: {
          checkoutId: `chk_lock_${n}`,
          locale: 'sv',
          customer: { name: 'Låskund AB', email: 'laskund@foretag.example', phone: '070-123 45 67' },
          lines: [{ skuId: item.skuId, quantity: 1, unitPrice: webPrice }],
          fulfilment: { kind: 'pickup', storeId: store!.id, slot: slotOf(n) },
          payment: { method: 'invoice' },
        },
      });
    // The register's sales go one after the other (its journal is a chain), each in its own
    // transaction, while the web checkouts race them and each other.
    const registerSales = (async () => {
      for (let i = 0; i < 6; i++) await h.sell(customerId, [item]);
    })();
    const web = await Promise.all(
      Array.from({ length: Math.min(12, day.slots.length) }, (_, n) => webCheckout(n)),
    );
    await registerSales;

    for (const response of web) {
      expect(response.body).not.toMatch(/deadlock/i);
      expect([201, 409], response.body).toContain(response.statusCode);
      if (response.statusCode === 409) expect(response.json().code).toBe('credit_limit_exceeded');
    }
    const placed = web.filter((r) => r.statusCode === 201).map((r) => (r.json() as CheckoutResult).order.id);
    expect(placed.length).toBeGreaterThan(0);

    // In the order they were issued (the number series is taken under the customer's lock), the
    // open balance after each web invoice stays within the limit; a register sale beyond it is
    // issued and flagged, as the offline rule says.
    const invoices = await q.query<{
      sourceKind: string;
      sourceId: string;
      total: number;
      isOverCreditLimit: boolean;
    }>(
      `select source_kind as "sourceKind", source_id as "sourceId", total_incl_vat::integer as total,
              is_over_credit_limit as "isOverCreditLimit"
         from invoices where customer_id = $1 order by number`,
      [customerId],
    );
    expect(invoices.filter((i) => i.sourceKind === 'receipt')).toHaveLength(6);
    expect(
      invoices
        .filter((i) => i.sourceKind === 'order')
        .map((i) => i.sourceId)
        .sort(),
    ).toEqual([...placed].sort());
    let balance = 0;
    for (const invoice of invoices) {
      balance += invoice.total;
      if (invoice.sourceKind === 'order') expect(balance).toBeLessThanOrEqual(limit);
      expect(invoice.isOverCreditLimit).toBe(balance > limit);
    }
  });
});
