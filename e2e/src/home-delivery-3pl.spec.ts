// Home delivery through the 3PL adapter, the simulated 3PL (its own process) misbehaving: it sends
// messages twice, holds some back so they arrive after the next one, and is down when the order
// goes out. A shopper orders three items for home delivery on a phone and pays by card; the 3PL
// has only two of them: the first parcel captures exactly those lines plus the shipping fee and the
// shopper's "shipped" mail (SMTP sink) carries its tracking number and link; the third item ships
// later in a second parcel with a second capture. The back office's order page shows both parcels
// (the 3PL's two "shipped" reports and the two captures), and the payment history adds up to the
// order's total to the öre.
//
// Set-up through the API, as the shop has no screen for it: the 3PL location (3PL-BORAS) gets a
// connector to the sim and becomes where home deliveries are fulfilled; it is switched off again
// afterwards, so later specs' home deliveries go to the central warehouse as before.
import type { ConnectorWithSecret, Order, Payment, Product, ShippingOrder, StockLocation } from '@handla/api';
import { DEMO_CREDENTIALS } from '@handla/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callAs, type StaffSession, signInOver } from '../../apps/server/src/testing/http-driver';
import { type Sim3plProcess, simArgs, spawnSim3pl } from '../../apps/sim-3pl/src/process';
import type { SentRecord } from '../../apps/sim-3pl/src/sender';
import { launchBrowser } from './browser';
import { mailsTo, orderForHomeDelivery, pickThree, stockUp } from './home-delivery';

const baseUrl = inject('baseUrl');
const sinkUrl = inject('sinkUrl');
const SHOPPER = {
  name: 'Hemma Leveransson',
  email: 'hemma.3pl.e2e@example.se',
  street: 'Lagergatan 3',
  postalCode: '503 38',
  city: 'Borås',
};

let browser: Browser;
let manager: StaffSession;
let sim: Sim3plProcess;
let connector: ConnectorWithSecret;
let locationId: string;
/** Three single-variant products; the 3PL has the first two, not the third. */
let products: Product[];

const api = <T>(method: string, path: string, body?: unknown) => callAs<T>(manager, method, path, body);

/** "1 234,50 kr" as the back office writes it (the spaces may be non-breaking). */
const kr = (amount: number) =>
  new RegExp(
    `${Math.floor(amount / 100)
      .toLocaleString('sv-SE')
      .replace(/\s/g, '\\s')},${String(amount % 100).padStart(2, '0')}\\s?kr`,
  );

beforeAll(async () => {
  manager = await signInOver(baseUrl, 'manager');
  const { items: locations } = await api<{ items: StockLocation[] }>('GET', '/api/locations');
  locationId = locations.find((l) => l.code === '3PL-BORAS')!.id;
  products = await pickThree(api);
  // Handla's stock at the 3PL, so the checkout can reserve each item there.
  await stockUp(api, products, locationId, 'e2e: stock at the 3PL');
  const [a, b, c] = products.map((p) => p.skus[0]!.sku);
  sim = await spawnSim3pl(
    simArgs({
      seed: 3,
      faults: { duplicate: 0.5, reorder: 0.5 },
      workDelayMs: 300,
      stock: { [a!]: 5, [b!]: 5, [c!]: 0 },
    }),
  );
  connector = await api<ConnectorWithSecret>('POST', '/api/connectors', {
    locationId,
    baseUrl: sim.url,
    isHomeDelivery: true,
    name: 'Simulerad 3PL (e2e)',
  });
  await sim.control('POST', '/_control/connect', {
    handlaUrl: baseUrl,
    connectorId: connector.id,
    secret: connector.secret,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  if (connector)
    await api('PATCH', `/api/connectors/${connector.id}`, { isHomeDelivery: false, isEnabled: false });
  await sim?.stop();
  await browser?.close();
});

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE' });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

const shippingOf = (number: string) => api<ShippingOrder>('GET', `/api/shipping/orders?number=${number}`);
/** Parcels booked and captured to the end (a shipment under way is not yet `done`). */
const doneParcels = async (number: string) =>
  (await shippingOf(number)).shipments.filter((s) => s.status === 'done').length;
const capturesOf = async (paymentId: string) =>
  (await api<Payment>('GET', `/api/payments/${paymentId}`)).operations.filter(
    (o) => o.kind === 'capture' && o.outcome === 'succeeded',
  );
const mailsToShopper = () => mailsTo(sinkUrl, SHOPPER.email);

describe('home delivery through the simulated 3PL', () => {
  it('ships two items, then the third, each parcel captured and mailed, all of it adding up', async () => {
    const shop = await newPage({ width: 390, height: 844 });
    const { number } = await orderForHomeDelivery(shop, {
      baseUrl,
      products,
      shopper: SHOPPER,
      // The 3PL is down when the order goes out: Handla must retry until it takes it.
      beforePay: () => sim.control('POST', '/_control/down', { ms: 4000 }),
    });
    const [a, b, c] = products.map((p) => p.skus[0]!.sku);

    // First parcel: the two items the 3PL has.
    await expect.poll(() => doneParcels(number), { timeout: 45_000 }).toBe(1);
    let shipping = await shippingOf(number);
    const { orderId } = shipping;
    const order = (await api<{ order: Order }>('GET', `/api/admin/orders/${orderId}`)).order;
    expect(order.fulfilment.kind).toBe('delivery');
    const lineOf = (sku: string) => order.lines.find((l) => l.sku === sku)!;
    const fee = order.totals.shipping.amount;
    const [first] = shipping.shipments;
    expect(first!.fromLocationId).toBe(locationId);
    expect(first!.lines.map((l) => [l.sku, l.quantity]).sort()).toEqual(
      [
        [a, 1],
        [b, 1],
      ].sort(),
    );
    expect(first!.amount.amount).toBe(lineOf(a!).lineTotal.amount + lineOf(b!).lineTotal.amount + fee);
    expect(shipping.shippingState).toBe('partially_shipped');
    expect((await capturesOf(order.payment.id)).map((o) => o.amount?.amount)).toEqual([first!.amount.amount]);

    // The shopper's mail for it carries the tracking number and the tracking link.
    const tracking = first!.trackingNumber!;
    expect(tracking).toMatch(/^CA\d{9}SE$/);
    await expect
      .poll(async () => (await mailsToShopper()).some((m) => m.text.includes(tracking)), { timeout: 30_000 })
      .toBe(true);
    const mail = (await mailsToShopper()).find((m) => m.text.includes(tracking))!;
    expect(mail.text).toContain(`/api/shipping/track/${tracking}`);

    // Stock comes in at the 3PL: the third item ships in a second parcel, with its own capture.
    await sim.control('PUT', '/_control/stock', { items: { [c!]: 5 } });
    await expect.poll(() => doneParcels(number), { timeout: 45_000 }).toBe(2);
    shipping = await shippingOf(number);
    const second = shipping.shipments.find((s) => s.number === 2)!;
    expect(second.lines.map((l) => [l.sku, l.quantity])).toEqual([[c, 1]]);
    expect(second.amount.amount).toBe(lineOf(c!).lineTotal.amount);
    expect(second.trackingNumber).not.toBe(tracking);
    await expect.poll(async () => (await shippingOf(number)).status).toBe('shipped');
    await expect
      .poll(async () => (await mailsToShopper()).some((m) => m.text.includes(second.trackingNumber!)), {
        timeout: 30_000,
      })
      .toBe(true);

    // The payment history adds up to the öre: two captures, together the order's total.
    const captures = await capturesOf(order.payment.id);
    expect(captures.map((o) => o.amount?.amount)).toEqual([first!.amount.amount, second.amount.amount]);
    const payment = await api<Payment>('GET', `/api/payments/${order.payment.id}`);
    expect(payment.captured.amount).toBe(order.totals.total.amount);
    expect(first!.amount.amount + second.amount.amount).toBe(order.totals.total.amount);

    // The 3PL really misbehaved: it sent messages twice and out of order, and Handla retried its order.
    const records = (await sim.control<{ items: SentRecord[] }>('GET', '/_control/messages')).items;
    const ofOrder = records.filter((r) => r.orderId === orderId);
    expect(ofOrder.map((r) => r.type).sort()).toEqual(
      ['order.picking', 'order.received', 'order.shipped', 'order.shipped'].sort(),
    );
    expect(ofOrder.some((r) => r.repeats > 0 && r.outcomes.includes('duplicate'))).toBe(true);
    const { items: messages } = await api<{ items: { direction: string; attempts: number; type: string }[] }>(
      'GET',
      `/api/connectors/messages?orderId=${orderId}`,
    );
    expect(
      messages.find((m) => m.direction === 'out' && m.type === 'order.created')!.attempts,
    ).toBeGreaterThan(1);

    // The back office's order page shows both parcels: the 3PL's two reports and the two captures.
    const office = await newPage({ width: 1280, height: 900 });
    await office.goto(`${baseUrl}/admin/#/orders/${orderId}`);
    const { email, password } = DEMO_CREDENTIALS.find((x) => x.role === 'manager')!;
    await office.getByLabel('E-post').fill(email);
    await office.getByLabel('Lösenord').fill(password);
    await office.getByRole('button', { name: 'Logga in' }).click();
    await office.getByRole('heading', { name: new RegExp(`Order ${number}`) }).waitFor();
    const timeline = office.getByRole('region', { name: 'Händelser' });
    await timeline.getByText('order.shipped ← 3PL: applied').first().waitFor();
    expect(await timeline.getByText('order.shipped ← 3PL: applied').count()).toBe(2);
    const captureEntries = timeline.locator('li', { hasText: 'payment.capture' });
    expect(await captureEntries.count()).toBe(2);
    const captureTexts = await captureEntries.allTextContents();
    expect(captureTexts.some((t) => kr(first!.amount.amount).test(t))).toBe(true);
    expect(captureTexts.some((t) => kr(second.amount.amount).test(t))).toBe(true);
  }, 180_000);
});
