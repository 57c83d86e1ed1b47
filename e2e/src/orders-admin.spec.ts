// The back office's orders in a real browser: an order a marketplace placed through the API is
// found by its external reference, opens with its lines and timeline, and a line edit is saved,
// announced and shows up in the timeline.
import type { AdminOrder, PickupSlotDay, Product, StockLocation, Store } from '@handla/api';
import { DEMO_CREDENTIALS } from '@handla/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callAs, type StaffSession, signInOver } from '../../apps/server/src/testing/http-driver';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const REFERENCE = `E2E-${Date.now()}`;
let browser: Browser;
let page: Page;
let manager: StaffSession;
let placed: AdminOrder;

beforeAll(async () => {
  manager = await signInOver(baseUrl, 'manager');
  const api = <T>(method: string, path: string, body?: unknown) => callAs<T>(manager, method, path, body);
  const { items: stores } = await api<{ items: Store[] }>('GET', '/api/stores');
  const store = stores.find((s) => s.code === 'STHLM')!;
  const { items: products } = await api<{ items: Product[] }>('GET', '/api/products?limit=200');
  const product = products.find((p) => !p.isBundle && p.skus.length === 1 && p.name.sv === 'Kaffebryggare')!;
  const sku = product.skus[0]!;
  await api('POST', '/api/stock/receipts', {
    skuId: sku.id,
    locationId: (await api<{ items: StockLocation[] }>('GET', '/api/locations')).items.find(
      (l) => l.code === 'STHLM-BUTIK',
    )!.id,
    quantity: 5,
    reason: 'e2e orders',
  });
  // The last slot of the next open day: never too soon, whatever the time of the run.
  const today = await api<PickupSlotDay>('GET', `/api/stores/${store.id}/pickup-slots?items=2`);
  const date = today.openDates.find((d) => d > today.date) ?? today.date;
  const day = await api<PickupSlotDay>('GET', `/api/stores/${store.id}/pickup-slots?items=2&date=${date}`);
  const slot = day.slots.at(-1)!;
  placed = await api<AdminOrder>('POST', '/api/orders', {
    channel: 'cdon',
    externalReference: REFERENCE,
    locale: 'sv',
    customer: { name: 'Marknads Platsson', email: 'marknad.e2e@example.se' },
    lines: [{ skuId: sku.id, quantity: 2, unitPrice: sku.priceInclVat.amount }],
    fulfilment: { kind: 'pickup', storeId: store.id, slot: slot.startsAt },
    payment: { method: 'in_store' },
  });

  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${baseUrl}/admin/#/orders`);
  const { email, password } = DEMO_CREDENTIALS.find((c) => c.role === 'manager')!;
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
});
afterAll(() => browser?.close());

describe('orders in the back office', () => {
  it('finds the API order by its reference, shows lines and timeline, and saves a line edit', async () => {
    expect(placed.externalReference).toBe(REFERENCE);
    await page.getByLabel('Sök order').fill(REFERENCE.toLowerCase());
    const link = page.getByRole('link', { name: placed.order.number, exact: true });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { name: new RegExp(`Order ${placed.order.number}`) }).waitFor();
    expect(await page.locator('body').textContent()).toContain(`cdon ${REFERENCE}`);
    const timeline = page.getByRole('region', { name: 'Händelser' });
    await timeline.getByText('order.created').waitFor();

    const quantity = page.getByLabel(/^Antal för /);
    await quantity.fill('1');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Ordern är ändrad; kunden har fått besked.').waitFor();
    await timeline.getByText('order.updated').waitFor();
    await timeline.getByText('message.order_changed').first().waitFor();
    expect(await page.getByLabel(/^Antal för /).inputValue()).toBe('1');
  });
});
