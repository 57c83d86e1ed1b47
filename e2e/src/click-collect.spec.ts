// Click & collect end to end, two browser contexts: a shopper orders two items for pickup on a
// phone and pays by card; the store's register (paired, cashier signed in) shows the order in
// "Webbordrar" without a reload; staff accept it (the pick ticket's ESC/POS bytes reach the
// printer sink), pick one item by scanning it, remove the other (out of stock: the shopper is
// told) and mark the order ready (the "ready for pickup" mail reaches the SMTP sink); at the
// counter they scan the pickup code into "Utlämning" like a wedge scanner and hand the order over.
// Then, through the API: the order is collected, the picked unit left the store's stock as a sale
// and the removed one is no longer held, the payment was captured for the final amount (the one
// item), and a webhook receiver subscribed before the flow got every event of the order, each
// signature verified with the Standard Webhooks library.
import type {
  Order,
  Product,
  RegisterSummary,
  StockLevel,
  StockLocation,
  WebhookWithSecret,
} from '@handla/api';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  decodeEscPos,
  printedText,
} from '../../apps/server/src/modules/register/printing/escpos-decoder.testing';
import { callAs, type StaffSession, signInOver } from '../../apps/server/src/testing/http-driver';
import { followSse, type SseFollower, type SseMessage } from '../../apps/server/src/testing/sse';
import { launchBrowser } from './browser';
import type { ReceivedWebhook, SinkMail } from './sinks';

const baseUrl = inject('baseUrl');
const sinkUrl = inject('sinkUrl');
const printerPort = inject('printerPort');
const SHOPPER = { name: 'Klara Hämtsson', email: 'klara.hamta.e2e@example.se' };
// The families the receiver subscribes to; every event of the order in them must reach it.
const SUBSCRIBED = ['order', 'payment', 'stock'];

let browser: Browser;
let shop: Page;
let register: Page;
let manager: StaffSession;
let registerId: string;
let locationId: string;
let webhook: WebhookWithSecret;
/** Picked and collected, and removed at picking; both single-variant. */
let picked: Product;
let removed: Product;
const levelsBefore = new Map<string, StockLevel>();
// Every event on the outbox stream while the flow runs, as an independent record of what happened.
const observed: SseMessage[] = [];
let observer: SseFollower;

const api = <T>(method: string, path: string, body?: unknown) => callAs<T>(manager, method, path, body);

const sink = async <T>(path: string) => (await (await fetch(`${sinkUrl}${path}`)).json()) as T;

async function storeLevel(skuId: string): Promise<StockLevel> {
  const { items } = await api<{ items: StockLevel[] }>(
    'GET',
    `/api/stock/levels?skuId=${skuId}&locationId=${locationId}`,
  );
  return items[0]!;
}

async function pairAndSignIn(page: Page) {
  const pairing = await api<{ code: string }>('POST', `/api/registers/${registerId}/pairings`);
  await page.goto(`${baseUrl}/pos/`);
  await page.getByLabel('Kopplingskod').fill(pairing.code);
  await page.getByRole('button', { name: 'Koppla enheten' }).click();
  await page.getByLabel('Personalnummer').fill('101');
  await page.keyboard.press('Enter');
  await page.getByLabel('PIN-kod').fill('1234');
  await page.keyboard.press('Enter');
  await page.getByLabel('Skanna eller sök').waitFor();
}

/** The shopper puts the products in the cart and pays by card for pickup at Stockholm's first slot. */
async function orderForPickup(
  page: Page,
  products: Product[],
): Promise<{ number: string; pickupCode: string }> {
  for (const product of products) {
    await page.goto(`${baseUrl}/#/product/${product.slug}`);
    await page.getByRole('heading', { level: 1, name: product.name.sv }).waitFor();
    await page.getByRole('button', { name: 'Lägg i varukorgen' }).click();
    await page.getByText('ligger i varukorgen').waitFor();
  }
  await page.goto(`${baseUrl}/#/checkout`);
  await page.getByLabel('Namn').fill(SHOPPER.name);
  await page.getByLabel('E-post').fill(SHOPPER.email);
  await page.getByRole('radio', { name: /Demo Butik Stockholm/ }).check();
  await page.locator('.slot-button:not(.slot-asap) input').first().check();
  await page.getByLabel('Kortnummer').fill('4111 1111 1111 1111');
  await page.getByLabel('Giltig till').fill('12/30');
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: 'Slutför köpet' }).click();
  await page.getByRole('heading', { name: 'Tack för din beställning!' }).waitFor();
  return {
    number: (await page.locator('.order-number').textContent())!.replace('Order ', '').trim(),
    pickupCode: (await page.locator('.pickup-code-text').textContent())!.trim(),
  };
}

beforeAll(async () => {
  manager = await signInOver(baseUrl, 'manager');
  const registers = await api<{ items: RegisterSummary[] }>('GET', '/api/registers');
  const till = registers.items.find((r) => r.storeCode === 'STHLM' && r.code === 'KASSA-2')!;
  registerId = till.id;
  const { items: locations } = await api<{ items: StockLocation[] }>(
    'GET',
    `/api/locations?storeId=${till.storeId}`,
  );
  locationId = locations.find((l) => l.kind === 'store')!.id;
  const settings = await api<object>('GET', `/api/registers/${registerId}/settings`);
  await api('PUT', `/api/registers/${registerId}/settings`, {
    ...settings,
    printerHost: '127.0.0.1',
    printerPort,
  });

  // Two single-variant products with units on the shop floor, whatever earlier specs sold.
  const { items: products } = await api<{ items: Product[] }>('GET', '/api/products?limit=200');
  const single = products.filter((p) => !p.isBundle && p.skus.length === 1 && p.skus[0]!.ean);
  picked = single.find((p) => p.name.sv === 'Kaffebryggare')!;
  removed = single.find((p) => p.id !== picked.id && p.category?.id !== picked.category?.id)!;
  for (const product of [picked, removed]) {
    const skuId = product.skus[0]!.id;
    await api('POST', '/api/stock/receipts', {
      skuId,
      locationId,
      quantity: 3,
      reason: 'e2e click & collect',
    });
    levelsBefore.set(skuId, await storeLevel(skuId));
  }

  webhook = await api<WebhookWithSecret>('POST', '/api/webhooks', {
    url: `${sinkUrl}/webhooks`,
    eventTypes: SUBSCRIBED.map((family) => `${family}.*`),
    description: 'e2e click & collect receiver',
  });
  const events = await fetch(`${baseUrl}/api/events`, { headers: { cookie: manager.cookie } });
  observer = followSse(events, (message) => observed.push(message));
  for (const path of ['/mail', '/printer', '/webhooks'])
    await fetch(`${sinkUrl}${path}`, { method: 'DELETE' });

  browser = await launchBrowser();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'sv-SE' });
  shop = await phone.newPage();
  const counter = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  register = await counter.newPage();
  for (const page of [shop, register]) {
    page.on('pageerror', (error) => {
      throw error;
    });
  }
  await pairAndSignIn(register);
});
afterAll(async () => {
  observer?.stop();
  if (webhook) await api('DELETE', `/api/webhooks/${webhook.id}`).catch(() => {});
  await browser?.close();
});

describe('click & collect', () => {
  it('goes from a web order to the register, the pick ticket, the ready mail and the hand-over, with every webhook signed', async () => {
    // The nav button's name grows a badge ("Webbordrar 2 nya webbordrar") while orders wait.
    await register.getByRole('button', { name: /^Webbordrar/ }).click();
    await register.getByText('Live', { exact: true }).waitFor();
    // A marker that a reload or navigation would wipe out.
    await register.evaluate(() => Object.assign(window, { e2eNotReloaded: true }));

    // The shopper orders on the phone.
    const { number, pickupCode } = await orderForPickup(shop, [picked, removed]);
    expect(number).toMatch(/^\d+$/);

    // The register shows it by itself, and says so.
    const row = register.locator(`tr[data-order-number="${number}"]`);
    await row.waitFor({ timeout: 5000 });
    expect(await row.textContent()).toContain(SHOPPER.name);
    await register.getByText(`Ny webborder ${number}`).first().waitFor();
    expect(await register.evaluate(() => (window as { e2eNotReloaded?: boolean }).e2eNotReloaded)).toBe(true);

    // Accept: the pick ticket prints on the store's printer.
    await register.getByRole('button', { name: `Öppna order ${number}` }).click();
    await register.getByRole('button', { name: 'Acceptera' }).click();
    await register.getByText(`Order ${number} accepterad. Plocksedeln skrevs ut.`).waitFor();
    const jobs = await sink<{ bytesBase64: string }[]>('/printer');
    expect(jobs).toHaveLength(1);
    const ticket = decodeEscPos(Buffer.from(jobs[0]!.bytesBase64, 'base64'));
    const printed = printedText(ticket).join('\n');
    expect(printed).toContain(`Order ${number}`);
    expect(printed).toContain(SHOPPER.name);
    for (const product of [picked, removed]) expect(printed).toContain(product.name.sv);
    expect(ticket.qrCodes).toContain(pickupCode);

    // Pick one item by scanning it; the other is not on the shelf: removed, and the shopper told.
    await register.getByRole('button', { name: 'Börja plocka' }).click();
    await register.getByText(`Plockning av order ${number} påbörjad.`).waitFor();
    await register.keyboard.type(picked.skus[0]!.ean!, { delay: 0 });
    await register.keyboard.press('Enter');
    await register.getByText(`Plockad: ${picked.name.sv} (1 av 1)`).waitFor();
    await register
      .getByRole('toolbar', { name: `Åtgärder för ${removed.name.sv}` })
      .getByRole('button', { name: 'Ta bort' })
      .click();
    await register.getByLabel('Varför (kunden får veta)').fill('Slut i butiken');
    await register.getByRole('button', { name: 'Ta bort raden' }).click();
    await register
      .getByRole('toolbar', { name: `Åtgärder för ${removed.name.sv}` })
      .waitFor({ state: 'detached' });
    const mailTo = async (subject: string) =>
      (await sink<SinkMail[]>('/mail')).find((m) => m.to.includes(SHOPPER.email) && m.subject === subject);
    await expect.poll(() => mailTo(`Ändring i order ${number}`), { timeout: 20_000 }).toBeDefined();

    // Ready: the shopper is told by mail, with the pickup code.
    await register.getByRole('button', { name: 'Klar för upphämtning' }).click();
    await register.getByText(`Order ${number} är klar. Kunden har fått besked.`).waitFor();
    const ready = `Order ${number} är klar att hämta`;
    await expect.poll(() => mailTo(ready), { timeout: 20_000 }).toBeDefined();
    expect((await mailTo(ready))!.text).toContain(pickupCode);

    // At the counter: the pickup code scanned into the code field, then hand-over.
    await register.getByRole('button', { name: 'Utlämning', exact: true }).click();
    const codeField = register.getByLabel('Hämtkod');
    await codeField.waitFor();
    await codeField.focus();
    await register.keyboard.type(pickupCode, { delay: 0 });
    await register.keyboard.press('Enter');
    await register.getByRole('heading', { name: `Order ${number}` }).waitFor();
    await register.getByRole('button', { name: 'Lämna ut' }).click();
    await register
      .getByText(new RegExp(`Order ${number} är utlämnad\\. Dragit .+ från kundens betalning\\.`))
      .waitFor();

    // Collected; of the two items authorized, only the one handed over was captured.
    const { items: orders } = await api<{ items: Order[] }>('GET', '/api/orders?status=collected&limit=200');
    const order = await api<Order>('GET', `/api/orders/${orders.find((o) => o.number === number)!.id}`);
    // What each line cost after the shop's promotions (a demo rule may discount one of them).
    const lineTotal = (state: string) => order.lines.find((l) => l.state === state)!.lineTotal.amount;
    const [pickedPrice, removedPrice] = [lineTotal('picked'), lineTotal('removed')];
    expect(order.status).toBe('collected');
    expect(order.payment).toMatchObject({ method: 'card', status: 'captured' });
    expect(order.payment.captured.amount).toBe(pickedPrice);
    expect(order.lines.map((l) => l.state).sort()).toEqual(['picked', 'removed']);

    // The picked unit left the shop floor as a sale; the removed one is on the shelf, not held.
    const levelOf = async (product: Product) => {
      const skuId = product.skus[0]!.id;
      const [before, after] = [levelsBefore.get(skuId)!, await storeLevel(skuId)];
      return { onHand: after.onHand - before.onHand, reserved: after.reserved - before.reserved };
    };
    expect(await levelOf(picked)).toEqual({ onHand: -1, reserved: 0 });
    expect(await levelOf(removed)).toEqual({ onHand: 0, reserved: 0 });

    // Every event of the order in the subscribed families reached the receiver, signed.
    const ofOrder = (message: SseMessage) =>
      SUBSCRIBED.includes(message.event.split('.')[0]!) && JSON.stringify(message.data).includes(order.id);
    await expect
      .poll(() => observed.some((m) => m.event === 'order.collected' && ofOrder(m)), { timeout: 10_000 })
      .toBe(true);
    const expected = observed.filter(ofOrder);
    expect(expected.map((m) => m.event)).toEqual(
      expect.arrayContaining([
        'order.placed',
        'order.accepted',
        'order.picking',
        'order.ready',
        'order.collected',
      ]),
    );
    expect(expected.map((m) => m.event)).toContain('payment.captured');

    const verifier = new Webhook(webhook.secret);
    type Payload = {
      type: string;
      data: { eventId: string; aggregateId: string; orderId?: string; amount?: number };
    };
    // Throws on the first delivery whose signature does not verify.
    const verifiedPayloads = async () =>
      (await sink<ReceivedWebhook[]>('/webhooks')).map((r) => verifier.verify(r.body, r.headers) as Payload);
    const undelivered = async () => {
      const delivered = new Set((await verifiedPayloads()).map((p) => p.data.eventId));
      return expected.filter((m) => !delivered.has(m.id)).map((m) => m.event);
    };
    await expect.poll(undelivered, { timeout: 20_000 }).toEqual([]);
    const payloads = await verifiedPayloads();
    for (const payload of payloads) expect(SUBSCRIBED).toContain(payload.type.split('.')[0]);
    // The money as the integrator sees it: both items authorized, the one handed over captured.
    const amountOf = (type: string) =>
      payloads.find((p) => p.type === type && p.data.orderId === order.id)?.data.amount;
    expect(amountOf('payment.authorized')).toBe(pickedPrice + removedPrice);
    expect(amountOf('payment.captured')).toBe(pickedPrice);
    // In order per resource: the order's own events arrived in the order they happened.
    const orderEvents = [
      ...new Set(payloads.filter((p) => p.data.aggregateId === order.id).map((p) => Number(p.data.eventId))),
    ];
    expect(orderEvents.length).toBeGreaterThanOrEqual(5);
    expect(orderEvents).toEqual([...orderEvents].sort((x, y) => x - y));
    // The verifier is not a formality: one changed byte and it refuses.
    const [first] = await sink<ReceivedWebhook[]>('/webhooks');
    expect(() => verifier.verify(`${first!.body} `, first!.headers)).toThrow();
  });
});
