// Home delivery from the central warehouse end to end (issue 8), the browser story of
// apps/server/src/modules/shipping/home-delivery.http.test.ts. On a phone a shopper orders three
// items for home delivery and pays by card; the order waits for the warehouse's next batch and is
// released by hand ("Släpp nu", as the back office does it) unless a batch time came first; the
// warehouse has only two: the first parcel's PDF label holds the tracking number in its text and in
// its barcode (read from the bars), and exactly those lines plus the shipping fee are captured; the shopper's mail (SMTP sink) and the
// order page show the tracking link; the third item ships later with a second capture; the shopper
// asks to return one item from the order page, staff receive it and it is refunded; the payment
// history adds up to the öre.
import type {
  Order,
  Payment,
  Product,
  ReleaseResult,
  ReturnRequest,
  Shipment,
  StockLocation,
} from '@handla/api';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeCode128 } from '../../apps/server/src/modules/shipping/code128.testing';
import { firstRgbImageOf, pdfText } from '../../apps/server/src/modules/shipping/shipping.testing';
import { callAs, type StaffSession, signInOver } from '../../apps/server/src/testing/http-driver';
import { launchBrowser } from './browser';
import { mailsTo, orderForHomeDelivery, pickThree, stockUp } from './home-delivery';

const baseUrl = inject('baseUrl');
const sinkUrl = inject('sinkUrl');
const SHOPPER = {
  name: 'Hedda Hemleveransson',
  email: 'hedda.hem.e2e@example.se',
  street: 'Storgatan 2',
  postalCode: '411 01',
  city: 'Göteborg',
};

let browser: Browser;
let manager: StaffSession;
let centralId: string;
/** Three single-variant products of different categories, in stock at the central warehouse. */
let products: Product[];

const api = <T>(method: string, path: string, body?: unknown) => callAs<T>(manager, method, path, body);

beforeAll(async () => {
  manager = await signInOver(baseUrl, 'manager');
  const { items: locations } = await api<{ items: StockLocation[] }>('GET', '/api/locations');
  centralId = locations.find((l) => l.code === 'CENTRAL')!.id;
  products = await pickThree(api);
  await stockUp(api, products, centralId, 'e2e: home delivery');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const statusOf = (token: string) => api<Order>('GET', `/api/orders/status/${token}`);
const mailsToShopper = () => mailsTo(sinkUrl, SHOPPER.email);
const succeeded = (payment: Payment, kind: string) =>
  payment.operations.filter((o) => o.kind === kind && o.outcome === 'succeeded').map((o) => o.amount!.amount);

describe('home delivery from the central warehouse', () => {
  it('releases, ships in two labelled parcels with a capture each, takes one item back and adds up to the öre', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'sv-SE' });
    const shop = await context.newPage();
    shop.on('pageerror', (error) => {
      throw error;
    });
    const { token } = await orderForHomeDelivery(shop, { baseUrl, products, shopper: SHOPPER });
    const orderUrl = shop.url();
    let order = await statusOf(token);
    expect(order.fulfilment.kind).toBe('delivery');
    const lineOf = (product: Product) => order.lines.find((l) => l.skuId === product.skus[0]!.id)!;
    const [a, b, c] = products.map(lineOf) as [Order['lines'][0], Order['lines'][0], Order['lines'][0]];
    const fee = order.totals.shipping.amount;

    // The warehouse releases in batches (10:00 and 14:00 Stockholm time): the order waits, then
    // "Släpp nu" takes it. A run across a batch time finds it released already: nothing to press.
    expect(['placed', 'picking']).toContain(order.status);
    if (order.status === 'placed') {
      const release = await api<ReleaseResult>('POST', `/api/fulfilment/locations/${centralId}/release`);
      expect(release.releasedOrders).toBeGreaterThanOrEqual(1);
    }
    expect((await statusOf(token)).status).toBe('picking');

    // The warehouse has only two: the first parcel, with exactly those lines and the fee captured.
    const ship = (key: string, lines: Order['lines']) =>
      api<Shipment>('POST', `/api/shipping/orders/${order.id}/shipments`, {
        idempotencyKey: `${key}-${order.id}`,
        lines: lines.map((l) => ({ orderLineId: l.id, quantity: 1 })),
      });
    const first = await ship('e2e-home-1', [a, b]);
    expect(first.amount.amount).toBe(a.lineTotal.amount + b.lineTotal.amount + fee);
    const tracking = first.trackingNumber!;
    expect(tracking).toBeTruthy();
    expect(succeeded(await api<Payment>('GET', `/api/payments/${order.payment.id}`), 'capture')).toEqual([
      first.amount.amount,
    ]);

    // Its label: a PDF whose text holds the tracking number, and whose barcode's bars say it.
    const label = await fetch(new URL(first.labelUrl!, baseUrl), { headers: { cookie: manager.cookie } });
    expect(label.status).toBe(200);
    expect(label.headers.get('content-type')).toContain('application/pdf');
    const pdf = Buffer.from(await label.arrayBuffer());
    expect(await pdfText(pdf)).toContain(tracking);
    expect(decodeCode128(firstRgbImageOf(pdf))).toBe(tracking);

    // The shopper's mail carries the tracking link.
    await expect
      .poll(async () => (await mailsToShopper()).some((m) => m.text.includes(first.trackingUrl!)), {
        timeout: 30_000,
      })
      .toBe(true);

    // The order page shows the parcel and its tracking link, and that more is to come.
    await shop.goto(orderUrl);
    const parcels = shop.getByRole('region', { name: 'Leveranser' });
    const trackLink = parcels.getByRole('link', { name: `Spåra paketet ${tracking}` });
    await trackLink.waitFor();
    expect(await trackLink.getAttribute('href')).toBe(first.trackingUrl);
    await parcels.getByText('Delvis skickad').waitFor();
    expect(await parcels.getByRole('heading', { name: 'Paket 1' }).count()).toBe(1);

    // The third item ships later, with its own capture.
    const second = await ship('e2e-home-2', [c]);
    expect(second.amount.amount).toBe(c.lineTotal.amount);
    expect(second.trackingNumber).not.toBe(tracking);
    await expect.poll(async () => (await statusOf(token)).status).toBe('shipped');
    await shop.reload();
    await parcels.getByRole('link', { name: `Spåra paketet ${second.trackingNumber}` }).waitFor();
    await parcels.getByText('Allt är skickat.').waitFor();

    // One item comes back: the shopper asks for the return on the order page, staff receive it.
    const returns = shop.getByRole('region', { name: 'Returnera' });
    await returns.getByLabel(`Antal att returnera av ${b.productName}`).fill('1');
    await returns.getByLabel('Varför returnerar du?').fill('Ångrat köp');
    await returns.getByRole('button', { name: 'Anmäl retur' }).click();
    await returns.getByText(/Returen är anmäld: /).waitFor();
    const { items: requests } = await api<{ items: ReturnRequest[] }>(
      'GET',
      `/api/orders/status/${token}/returns`,
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]!.lines.map((l) => [l.orderLineId, l.quantity])).toEqual([[b.id, 1]]);
    const received = await api<ReturnRequest>('POST', `/api/returns/${requests[0]!.id}/receive`, {
      locationId: centralId,
      lines: [{ orderLineId: b.id, restocked: 1, writtenOff: 0 }],
    });
    expect(received.refund?.amount).toBe(b.lineTotal.amount);
    await shop.reload();
    await returns.getByText(requests[0]!.rmaNumber).waitFor();

    // The payment history adds up to the öre: authorized the total, captured it in two parcels,
    // refunded the returned item.
    order = await statusOf(token);
    const payment = await api<Payment>('GET', `/api/payments/${order.payment.id}`);
    expect(succeeded(payment, 'authorize')).toEqual([order.totals.total.amount]);
    expect(succeeded(payment, 'capture')).toEqual([first.amount.amount, second.amount.amount]);
    expect(first.amount.amount + second.amount.amount).toBe(order.totals.total.amount);
    expect(succeeded(payment, 'refund')).toEqual([b.lineTotal.amount]);
    expect(payment.captured.amount - payment.refunded.amount).toBe(
      order.totals.total.amount - b.lineTotal.amount,
    );
    await context.close();
  }, 120_000);
});
